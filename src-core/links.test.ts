import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './links'

describe('isAllowedExternalUrl', () => {
  it('allows https links to allow-listed hosts and their subdomains', () => {
    expect(isAllowedExternalUrl('https://learn.microsoft.com/en-us/dynamics365/sales/')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.github.com/x')).toBe(true)
  })

  it.each([
    'http://learn.microsoft.com/',
    'https://evil.example/',
    'https://learn.microsoft.com.evil.example/',
    'https://user:pw@github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})
