import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mimeTypeOf, resolveAppRequest } from './protocol'

const root = resolve('/opt/fieldbill/renderer')

describe('resolveAppRequest', () => {
  it('serves index.html for the root and files below the root', () => {
    expect(resolveAppRequest('app://fieldbill/', root)).toEqual({
      ok: true,
      path: resolve(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    })
    expect(resolveAppRequest('app://fieldbill/assets/index-abc.js?x=1', root)).toMatchObject({
      ok: true,
      path: resolve(root, 'assets/index-abc.js'),
    })
  })

  it.each([
    'app://fieldbill/../secret',
    'app://fieldbill/%2e%2e/secret',
    'app://fieldbill/assets/%2E%2E/%2E%2E/etc/passwd',
    'app://fieldbill/a%5c..%5c..%5cx',
    'app://fieldbill/a%00.js',
    'app://fieldbill/./index.html',
  ])('refuses %s', (url) => {
    const r = resolveAppRequest(url, root)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.status).toBe(403)
  })

  it('refuses other hosts, other schemes and garbage', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 403 })
    expect(resolveAppRequest('nonsense', root)).toMatchObject({ ok: false, status: 400 })
    expect(resolveAppRequest('app://fieldbill/%E0%A4%A', root)).toMatchObject({
      ok: false,
      status: 400,
    })
  })
})

describe('mimeTypeOf', () => {
  it('knows the renderer asset types and falls back to octet-stream', () => {
    expect(mimeTypeOf('a.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeOf('a.WOFF2')).toBe('font/woff2')
    expect(mimeTypeOf('a.bin')).toBe('application/octet-stream')
  })
})
