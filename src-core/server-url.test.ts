import { describe, expect, it } from 'vitest'
import { checkServerUrl, isLoopbackHost, PLAIN_HTTP_REFUSED } from './server-url'

describe('checkServerUrl', () => {
  it('accepts https:// to any host, without a trailing slash, and gives its origin', () => {
    expect(checkServerUrl(' https://Sync.Example.com/ ')).toEqual({
      ok: true,
      url: 'https://sync.example.com',
      origin: 'https://sync.example.com',
    })
    expect(checkServerUrl('https://10.0.0.5:8787/fieldbill/')).toEqual({
      ok: true,
      url: 'https://10.0.0.5:8787/fieldbill',
      origin: 'https://10.0.0.5:8787',
    })
  })

  it('refuses plain http:// to another computer, and says why', () => {
    for (const url of [
      'http://sync.example.com',
      'http://10.0.0.5:8787',
      'http://192.168.1.20',
      'http://[fe80::1]:8787',
      'http://127.0.0.1.example.com',
      'http://localhost.example.com',
      'http://0.0.0.0:8787',
    ])
      expect(checkServerUrl(url), url).toEqual({ ok: false, reason: PLAIN_HTTP_REFUSED })
    expect(PLAIN_HTTP_REFUSED).toBe(
      'The server address must start with https:// — a password sent over http:// can be read on the network. Only a server on this computer may use http://.',
    )
  })

  it('accepts plain http:// to this computer: localhost, 127.0.0.0/8 and [::1]', () => {
    for (const [url, origin] of [
      ['http://localhost:8787', 'http://localhost:8787'],
      ['http://LOCALHOST:8787/', 'http://localhost:8787'],
      ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
      ['http://127.5.6.7', 'http://127.5.6.7'],
      ['http://127.1:8787', 'http://127.0.0.1:8787'],
      ['http://[::1]:8787', 'http://[::1]:8787'],
    ])
      expect(checkServerUrl(url as string), url).toMatchObject({ ok: true, origin })
  })

  it('refuses what is not an http(s) address, or carries a password', () => {
    expect(checkServerUrl('')).toMatchObject({ ok: false, reason: /Enter the server URL/ })
    expect(checkServerUrl('sync.example.com')).toMatchObject({ ok: false })
    for (const url of ['ftp://sync.example.com', 'file:///etc/passwd', 'javascript:alert(1)'])
      expect(checkServerUrl(url), url).toEqual({
        ok: false,
        reason: 'The server URL must start with https://.',
      })
    expect(checkServerUrl('https://ann:secret@sync.example.com')).toMatchObject({
      ok: false,
      reason: /Leave the user and password out/,
    })
  })
})

describe('isLoopbackHost', () => {
  it('knows the names of this computer, as URL writes them', () => {
    expect(isLoopbackHost('localhost')).toBe(true)
    expect(isLoopbackHost('app.localhost')).toBe(true)
    expect(isLoopbackHost('127.255.0.1')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
    expect(isLoopbackHost('[::2]')).toBe(false)
  })
})
