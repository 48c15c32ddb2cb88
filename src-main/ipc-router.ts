/**
 * Every IPC handler is registered through this router: it checks that the sender is the app's own page, validates
 * the payload against the contract's schema, and turns every outcome into `{ ok, value } | { ok: false, error }`.
 * It is plain Node so that it is tested without Electron; `index.ts` feeds it from `ipcMain.handle`.
 */
import {
  isChannelName,
  parseRequest,
  type ChannelName,
  type IpcResult,
  type RequestOf,
  type ResponseOf,
} from '@core/ipc/contract'
import { UserFacingError } from './services/errors'

export type Handler<C extends ChannelName> = (
  request: RequestOf<C>,
) => ResponseOf<C> | Promise<ResponseOf<C>>

export type Handlers = { [C in ChannelName]?: Handler<C> }

export interface IpcRouter {
  dispatch(channel: unknown, senderUrl: string, payload: unknown): Promise<IpcResult<unknown>>
}

export interface RouterOptions {
  isTrustedSender: (url: string) => boolean
  log?: (message: string, detail?: unknown) => void
}

export function createIpcRouter(handlers: Handlers, options: RouterOptions): IpcRouter {
  const log = options.log ?? ((message, detail) => console.error(message, detail))
  return {
    async dispatch(channel, senderUrl, payload) {
      if (!isChannelName(channel)) return { ok: false, error: 'Unknown channel.' }
      if (!options.isTrustedSender(senderUrl)) {
        log(`ipc: refused ${channel} from untrusted sender`, senderUrl)
        return { ok: false, error: 'Refused: the request did not come from the app.' }
      }
      const parsed = parseRequest(channel, payload)
      if (!parsed.ok) return parsed
      // The payload was validated against this very channel's schema just above.
      const handler = handlers[channel] as ((request: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: `${channel}: not available in this build.` }
      try {
        return { ok: true, value: await handler(parsed.value) }
      } catch (e) {
        if (e instanceof UserFacingError) return { ok: false, error: e.message }
        log(`ipc: ${channel} failed`, e)
        return { ok: false, error: `${channel}: an internal error occurred.` }
      }
    },
  }
}
