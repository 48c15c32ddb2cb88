import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAppUrl } from './policy'

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
