/**
 * A live stream (server-sent events) opened as a user, read as plain text: tests look for the exact events.
 */
import type { ReadableStream } from 'node:stream/web'

export interface EventStream {
  response: Response
  /** Everything read so far. */
  text(): string
  /** Reads until `needle` has arrived, the stream ended, or 50 chunks came without it. */
  readUntil(needle: string): Promise<void>
  close(): void
}

/**
 * Opens a stream with the user's token.
 *
 * @example
 * const stream = await openEventStream(`${server.url}/sync/stream`, ann.token)
 * await stream.readUntil('RESYNC')
 */
export async function openEventStream(url: string, token: string): Promise<EventStream> {
  const controller = new AbortController()
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  })
  const reader = (response.body as unknown as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  return {
    response,
    text: () => text,
    async readUntil(needle) {
      for (let i = 0; i < 50 && !text.includes(needle); i++) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value, { stream: true })
      }
    },
    close: () => controller.abort(),
  }
}
