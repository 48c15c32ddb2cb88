import { describe, expect, it } from 'vitest'
import { SyncHttpError } from './http'
import { readSse, sseParser } from './sse'

describe('sseParser', () => {
  it('parses events split across chunks, with CRLF, comments and multi-line data', () => {
    const parse = sseParser()
    expect(parse('event: resy')).toEqual([])
    expect(parse('nc\ndata: "RESYNC"\n')).toEqual([])
    expect(parse('\n: keep-alive\n\nevent: change\r\ndata: {"seq":1}\r\ndata: x\r\n\r\n')).toEqual([
      { event: 'resync', data: '"RESYNC"' },
      { event: 'change', data: '{"seq":1}\nx' },
    ])
  })

  it('names an event without an event field "message" and ignores events without data', () => {
    const parse = sseParser()
    expect(parse('event: lonely\n\ndata:plain\n\n')).toEqual([{ event: 'message', data: 'plain' }])
  })
})

describe('readSse', () => {
  it('sends the bearer token, delivers events and reconnects after the stream ends', async () => {
    const seen: string[] = []
    const auth: Array<string | null> = []
    const controller = new AbortController()
    const fakeFetch = (_url: string | URL | Request, init?: RequestInit) => {
      auth.push(new Headers(init?.headers).get('authorization'))
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('event: resync\ndata: "RESYNC"\n\n'))
          c.close()
        },
      })
      return Promise.resolve(new Response(body, { status: 200 }))
    }
    await readSse({
      url: 'http://127.0.0.1:1/sync/invoices/stream',
      token: 't0k',
      signal: controller.signal,
      retryMs: 1,
      fetch: fakeFetch,
      onEvent: (e) => {
        seen.push(e.event)
        if (seen.length === 2) controller.abort()
      },
    })
    expect(seen).toEqual(['resync', 'resync'])
    expect(auth).toEqual(['Bearer t0k', 'Bearer t0k'])
  })

  it('reports a refused token as a 401 the session can act on, and keeps trying', async () => {
    const controller = new AbortController()
    const errors: unknown[] = []
    await readSse({
      url: 'http://127.0.0.1:1/sync/stream',
      token: 'expired',
      signal: controller.signal,
      retryMs: 1,
      fetch: () => Promise.resolve(new Response('{}', { status: 401 })),
      onEvent: () => undefined,
      onError: (e) => {
        errors.push(e)
        if (errors.length === 2) controller.abort()
      },
    })
    expect(errors).toHaveLength(2)
    expect(errors[0]).toBeInstanceOf(SyncHttpError)
    expect(errors[0]).toMatchObject({ status: 401 })
  })

  it('replaces a connection that goes quiet, and closes the quiet one', async () => {
    const controller = new AbortController()
    const errors: unknown[] = []
    const closed: boolean[] = []
    let connects = 0
    // Like fetch: the body fails when the request's signal aborts. After its resync, the server says nothing.
    const quietFetch = (_url: string | URL | Request, init?: RequestInit) => {
      connects++
      const signal = init?.signal as AbortSignal
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('event: resync\ndata: "RESYNC"\n\n'))
          signal.addEventListener('abort', () => {
            closed.push(true)
            c.error(signal.reason)
          })
        },
      })
      return Promise.resolve(new Response(body, { status: 200 }))
    }
    await readSse({
      url: 'http://127.0.0.1:1/sync/stream',
      token: 't0k',
      signal: controller.signal,
      retryMs: 1,
      idleMs: 30,
      fetch: quietFetch,
      onEvent: () => {
        if (connects === 3) controller.abort()
      },
      onError: (e) => errors.push(e),
    })
    expect(connects).toBe(3)
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'stream went quiet',
      'stream went quiet',
    ])
    // The two quiet ones by the reader, the third when the reader stopped.
    expect(closed).toHaveLength(3)
  })
})
