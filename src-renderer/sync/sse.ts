/**
 * A server-sent-events reader over fetch. EventSource cannot send an Authorization header, and the sync stream
 * needs the bearer token, so the stream is read with fetch and parsed here (the subset of the SSE format the
 * server writes, plus what the format allows around it: comments, CRLF, multi-line data).
 */
import { SyncHttpError } from './http'

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
  /** A connection failed, ended or went quiet; the reader reconnects after `retryMs`. */
  onError?(error: unknown): void
  retryMs?: number
  /**
   * A connection that brings nothing (not even the server's keep-alive comment, every 20 s) for this long is
   * taken for dead and replaced: a laptop that slept or changed networks can hold a connection that no longer
   * reaches the server and never fails on its own.
   */
  idleMs?: number
  fetch?: typeof fetch
}

const IDLE_MS = 45_000

/** Waits `ms`, or less if `signal` aborts; leaves no listener behind (a stream may wait thousands of times). */
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })

async function readOnce(options: SseOptions): Promise<void> {
  const doFetch = options.fetch ?? fetch
  // This connection ends with the reader, or alone when it goes quiet.
  const connection = new AbortController()
  const end = () => connection.abort()
  options.signal.addEventListener('abort', end)
  let quiet: ReturnType<typeof setTimeout> | undefined
  const heard = () => {
    clearTimeout(quiet)
    quiet = setTimeout(
      () => connection.abort(new Error('stream went quiet')),
      options.idleMs ?? IDLE_MS,
    )
  }
  try {
    heard()
    const response = await doFetch(options.url, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
      signal: connection.signal,
    })
    if (!response.ok || !response.body)
      throw new SyncHttpError(`The live stream answered ${response.status}.`, response.status)
    const parse = sseParser()
    const decoder = new TextDecoder()
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      heard()
      for (const event of parse(decoder.decode(value, { stream: true }))) options.onEvent(event)
    }
  } finally {
    clearTimeout(quiet)
    options.signal.removeEventListener('abort', end)
  }
}

/**
 * Reads the stream until `signal` aborts, reconnecting after every failure, end or silence (the server sends a
 * resync event on each connect, so nothing written in between is missed).
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
