import { describe, expect, it } from 'vitest'
import { PLAIN_HTTP_REFUSED } from '@core/server-url'
import { login, syncHttp } from './http'

/** A fetch that records where it was asked to go and answers a valid login. */
function recordingFetch() {
  const urls: string[] = []
  const doFetch: typeof fetch = (input) => {
    urls.push(input instanceof Request ? input.url : input.toString())
    const body = {
      token: 't',
      expiresAt: '2026-01-01T00:00:00Z',
      user: { id: 'u', name: 'ann', role: 'rep' },
    }
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }))
  }
  return { urls, doFetch }
}

describe('the sync server address', () => {
  it('sends no password to a plain http:// server on another computer, and says why', async () => {
    const { urls, doFetch } = recordingFetch()
    await expect(login('http://sync.example.com', 'ann', 'secret', doFetch)).rejects.toThrow(
      PLAIN_HTTP_REFUSED,
    )
    expect(() => syncHttp('http://10.0.0.5:8787', 'token', doFetch)).toThrow(PLAIN_HTTP_REFUSED)
    expect(urls).toEqual([])
  })

  it('signs in over https://, and over http:// to this computer', async () => {
    const { urls, doFetch } = recordingFetch()
    await login('https://sync.example.com/', 'ann', 'secret', doFetch)
    await login('http://127.0.0.1:8787', 'ann', 'secret', doFetch)
    expect(urls).toEqual([
      'https://sync.example.com/auth/login',
      'http://127.0.0.1:8787/auth/login',
    ])
  })
})
