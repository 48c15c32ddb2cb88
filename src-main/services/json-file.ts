/**
 * A small JSON document kept in the data folder (main's settings, the secrets file). Reads are validated with a
 * src-core schema; a missing or unreadable file gives the defaults rather than stopping the app, because these
 * files hold preferences that the rep can set again.
 */
import type { Schema } from '@core/schema'
import type { FileService } from './files'

export interface JsonFile<T> {
  read(): Promise<T>
  /** Applies `change` to the current value and writes the result atomically; calls are serialised. */
  update(change: (current: T) => T): Promise<T>
}

export function jsonFile<T>(
  files: FileService,
  path: string,
  schema: Schema<T>,
  defaults: () => T,
): JsonFile<T> {
  // One write at a time: two concurrent updates must not both start from the same old value.
  let queue: Promise<unknown> = Promise.resolve()

  async function read(): Promise<T> {
    let text: string
    try {
      text = (await files.read(path)).toString('utf8')
    } catch {
      return defaults()
    }
    try {
      const parsed = schema.safeParse(JSON.parse(text))
      return parsed.ok ? parsed.value : defaults()
    } catch {
      return defaults()
    }
  }

  return {
    read,
    update(change) {
      const next = queue.then(async () => {
        const value = schema.parse(change(await read()))
        await files.writeAtomic(path, JSON.stringify(value, null, 2))
        return value
      })
      queue = next.catch(() => undefined)
      return next
    },
  }
}
