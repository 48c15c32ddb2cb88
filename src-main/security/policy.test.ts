import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, isAppUrl } from './policy'

describe('isAppUrl', () => {
  it('accepts only the app origin, or the dev server when one is given', () => {
    expect(isAppUrl('app://fieldbill/index.html')).toBe(true)
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5173/')).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('::', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('http://x/', '::')).toBe(false)
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline or remote script and no eval', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(script).toBe("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })
})

describe('contentSecurityPolicy', () => {
  const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'))

  it('lets the page connect only to itself and the kept session’s server', () => {
    const policy = contentSecurityPolicy('https://sync.example.com')
    expect(connectSrc(policy)).toBe("connect-src 'self' https://sync.example.com")
    expect(connectSrc(contentSecurityPolicy('http://127.0.0.1:8787'))).toBe(
      "connect-src 'self' http://127.0.0.1:8787",
    )
    // Everything else stays as strict as without a session.
    expect(policy.replace(/connect-src [^;]*/, '')).toBe(
      CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, ''),
    )
  })

  it('before any session, lets the rep sign in over https:// anywhere and http:// only on this computer', () => {
    expect(connectSrc(contentSecurityPolicy(null))).toBe(
      "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    )
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy(null))
    expect(connectSrc(CONTENT_SECURITY_POLICY)).not.toMatch(/http:(\s|$)/)
  })
})
