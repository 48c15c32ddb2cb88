import { expect, test } from 'vitest'
import { logout, SyncHttpError, syncHttp } from './http'

const TOKEN = 'T'.repeat(43)

test('logout posts the token to /auth/logout', async () => {
  const calls: Array<[string, RequestInit | undefined]> = []
  const fake = (url: string, init?: RequestInit) => {
    calls.push([url, init])
    return Promise.resolve(new Response(null, { status: 204 }))
  }
  expect(await logout('https://sync.example.com/', TOKEN, fake as typeof fetch)).toBe(true)
  expect(calls[0]?.[0]).toBe('https://sync.example.com/auth/logout')
  expect(calls[0]?.[1]?.method).toBe('POST')
  expect(calls[0]?.[1]?.headers).toEqual({ authorization: `Bearer ${TOKEN}` })
})

test('logout gives up quietly when the server cannot be reached or does not answer', async () => {
  const down = () => Promise.reject(new TypeError('fetch failed'))
  expect(await logout('https://sync.example.com', TOKEN, down as typeof fetch)).toBe(false)
  // A server that never answers: the request is aborted after the timeout.
  const silent = (_url: unknown, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    )
  expect(await logout('https://sync.example.com', TOKEN, silent as typeof fetch, 50)).toBe(false)
})

test("a 429 carries the server's Retry-After for the backoff", async () => {
  const limited = () =>
    Promise.resolve(new Response('{}', { status: 429, headers: { 'retry-after': '7' } }))
  const http = syncHttp('https://sync.example.com', TOKEN, limited)
  const error = await http.post('/sync/invoices/push', { rows: [] }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SyncHttpError)
  expect(error).toMatchObject({ status: 429, retryAfterMs: 7000 })
})
