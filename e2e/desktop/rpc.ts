/**
 * Requests and answers both ways over the Node IPC channel between the test and the main process it forked:
 * main asks the test for what only Playwright has (a page, a PDF, a dialog's answer), the test asks main for what
 * only main has (its IPC handlers, a window's close). Messages go with `serialization: 'advanced'`, so bytes
 * cross as bytes.
 */
export interface Channel {
  send(message: unknown, callback: (error: Error | null) => void): unknown
  on(event: 'message', listener: (message: unknown) => void): unknown
}

export type Answer = (method: string, args: unknown) => unknown

export interface Rpc {
  call<T = unknown>(method: string, args?: unknown): Promise<T>
}

type Message =
  | { kind: 'req'; id: number; method: string; args: unknown }
  | { kind: 'res'; id: number; ok: true; value: unknown }
  | { kind: 'res'; id: number; ok: false; error: string }

/** An answer to a side that has gone (a page closed, main ended) has no one to read it. */
const ignore = (): void => undefined

export function connect(channel: Channel, answer: Answer): Rpc {
  let next = 0
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  channel.on('message', (raw) => {
    const message = raw as Message
    if (message.kind === 'res') {
      const waiter = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.ok) waiter?.resolve(message.value)
      else waiter?.reject(new Error(message.error))
      return
    }
    void (async () => {
      try {
        const value = await answer(message.method, message.args)
        channel.send({ kind: 'res', id: message.id, ok: true, value }, ignore)
      } catch (e) {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e)
        channel.send({ kind: 'res', id: message.id, ok: false, error }, ignore)
      }
    })()
  })
  return {
    call<T>(method: string, args?: unknown): Promise<T> {
      const id = next++
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
        channel.send({ kind: 'req', id, method, args } satisfies Message, (error) => {
          if (!error) return
          waiting.delete(id)
          reject(error)
        })
      })
    },
  }
}
