import { describe, expect, it } from 'vitest'
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
})
