/**
 * A server-sent-events reader over fetch. EventSource cannot send an Authorization header, and the sync stream
 * needs the bearer token, so the stream is read with fetch and parsed here (the subset of the SSE format the
 * server writes, plus what the format allows around it: comments, CRLF, multi-line data).
 */

/** One event of the stream. */
export interface SseEvent {
  event: string
  data: string
}

/**
 * Incremental SSE parser: feed it text as it arrives, it returns the events completed by that text.
 *
 * @example
 * const parse = sseParser()
 * parse('event: change\ndata: {"seq":3}\n') // []
 * parse('\n') // [{ event: 'change', data: '{"seq":3}' }]
 */
export function sseParser(): (chunk: string) => SseEvent[] {
  let buffer = ''
  let event = ''
  let data: string[] = []
  return (chunk) => {
    buffer += chunk
    const out: SseEvent[] = []
    const lines = buffer.split(/\r\n|\r|\n/)
    // The last piece is an unfinished line (or '' after a newline): keep it for the next chunk.
    buffer = lines.pop() ?? ''
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') })
        event = ''
        data = []
        continue
      }
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
    return out
  }
}

export interface SseOptions {
  url: string
  token: string
  /** Ends the stream (and its reconnect loop). */
  signal: AbortSignal
  onEvent(event: SseEvent): void
  /** A connection failed or ended; the reader reconnects after `retryMs`. */
  onError?(error: unknown): void
  retryMs?: number
  fetch?: typeof fetch
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })

async function readOnce(options: SseOptions): Promise<void> {
  const doFetch = options.fetch ?? fetch
  const response = await doFetch(options.url, {
    headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
    signal: options.signal,
  })
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`)
  const parse = sseParser()
  const decoder = new TextDecoder()
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    for (const event of parse(decoder.decode(value, { stream: true }))) options.onEvent(event)
  }
}

/**
 * Reads the stream until `signal` aborts, reconnecting after every failure or end (the server sends a resync
 * event on each connect, so nothing written in between is missed).
 */
export async function readSse(options: SseOptions): Promise<void> {
  while (!options.signal.aborted) {
    try {
      await readOnce(options)
    } catch (e) {
      if (options.signal.aborted) return
      options.onError?.(e)
    }
    await wait(options.retryMs ?? 5000, options.signal)
  }
}
