import { describe, expect, it } from 'vitest'
import { createIpcRouter } from './ipc-router'
import { UserFacingError } from './services/errors'
import { isAppUrl } from './security/policy'

const info = {
  name: 'Fieldbill',
  version: '1.2.3',
  platform: 'linux',
  arch: 'x64',
  dataFolder: '/home/rep/.config/Fieldbill',
  electron: null,
  chrome: null,
}

function router(handlers = {}) {
  const logged: string[] = []
  const r = createIpcRouter(
    { 'app:info': () => info, ...handlers },
    { isTrustedSender: (url) => isAppUrl(url), log: (m) => logged.push(m) },
  )
  return { r, logged }
}

describe('createIpcRouter', () => {
  it('answers a valid request from the app with { ok, value }', async () => {
    const { r } = router()
    await expect(r.dispatch('app:info', 'app://fieldbill/index.html', undefined)).resolves.toEqual({
      ok: true,
      value: info,
    })
  })

  it('refuses unknown channels and untrusted senders', async () => {
    const { r, logged } = router()
    await expect(r.dispatch('fs:read', 'app://fieldbill/', {})).resolves.toEqual({
      ok: false,
      error: 'Unknown channel.',
    })
    const res = await r.dispatch('app:info', 'https://evil.example/', undefined)
    expect(res.ok).toBe(false)
    expect(logged[0]).toContain('untrusted sender')
  })

  it('refuses a payload that does not match the schema, naming the field', async () => {
    const { r } = router({ 'shell:open-external': () => true as const })
    await expect(
      r.dispatch('shell:open-external', 'app://fieldbill/', { url: 'file:///etc/passwd' }),
    ).resolves.toEqual({ ok: false, error: 'shell:open-external: url: expected an https URL' })
    await expect(
      r.dispatch('shell:open-external', 'app://fieldbill/', { url: 'https://x', extra: 1 }),
    ).resolves.toEqual({ ok: false, error: 'shell:open-external: extra: is not an allowed field' })
    await expect(r.dispatch('app:info', 'app://fieldbill/', { a: 1 })).resolves.toMatchObject({
      ok: false,
    })
  })

  it('passes user-facing errors through and hides internal ones', async () => {
    const { r, logged } = router({
      'shell:open-external': ({ url }: { url: string }) => {
        if (url.includes('nope')) throw new UserFacingError('That link is not on the allow-list.')
        throw new Error('secret internals')
      },
    })
    await expect(
      r.dispatch('shell:open-external', 'app://fieldbill/', { url: 'https://nope' }),
    ).resolves.toEqual({ ok: false, error: 'That link is not on the allow-list.' })
    const hidden = await r.dispatch('shell:open-external', 'app://fieldbill/', { url: 'https://a' })
    expect(hidden).toEqual({ ok: false, error: 'shell:open-external: an internal error occurred.' })
    expect(logged).toContain('ipc: shell:open-external failed')
  })

  it('says when a channel has no handler in this build', async () => {
    const r = createIpcRouter({}, { isTrustedSender: () => true, log: () => undefined })
    await expect(r.dispatch('app:info', 'app://fieldbill/', undefined)).resolves.toEqual({
      ok: false,
      error: 'app:info: not available in this build.',
    })
  })
})
