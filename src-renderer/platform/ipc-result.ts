/**
 * The one way the renderer reads main's answer to an IPC call: the value, or a PlatformError carrying main's
 * sentence for the rep (the router has already turned any internal error into a generic one).
 */
import type { IpcResult } from '@core/ipc/contract'

/** A desktop call that main refused or could not do; the message is written for the rep. */
export class PlatformError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformError'
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new PlatformError(result.error)
  return result.value
}
