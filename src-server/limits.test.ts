import { describe, expect, test } from 'vitest'
import { authFromEnv, limitsFromEnv, RateLimiter, trustProxyFromEnv } from './limits'

describe('RateLimiter', () => {
  test('allows a burst, then one push per refill, and says how long to wait', () => {
    let now = 0
    const pushes = new RateLimiter(2, 3, () => now)
    expect([1, 2, 3].map(() => pushes.take('ann').ok)).toEqual([true, true, true])
    expect(pushes.take('ann')).toEqual({ ok: false, retryAfterSeconds: 1 })
    // Another user has a bucket of their own.
    expect(pushes.take('bob').ok).toBe(true)
    now = 500
    expect(pushes.take('ann').ok).toBe(true)
    expect(pushes.take('ann').ok).toBe(false)
    now = 60_000
    expect([1, 2, 3, 4].map(() => pushes.take('ann').ok)).toEqual([true, true, true, false])
  })
})

describe('environment', () => {
  test('TRUST_PROXY: nobody by default; loopback, lists, hop counts', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false)
    expect(trustProxyFromEnv('false')).toBe(false)
    expect(trustProxyFromEnv('true')).toBe(true)
    expect(trustProxyFromEnv('loopback')).toEqual(['loopback'])
    expect(trustProxyFromEnv(' 10.0.0.5, 10.1.0.0/16 ')).toEqual(['10.0.0.5', '10.1.0.0/16'])
    const hops = trustProxyFromEnv('1') as (address: string, hop: number) => boolean
    expect([hops('10.0.0.5', 0), hops('10.0.0.6', 1)]).toEqual([true, false])
  })

  test('limits and sign-in delays come from the environment; a bad value is named', () => {
    expect(limitsFromEnv({ STREAMS_PER_USER: '5', REQUEST_TIMEOUT_MS: '1500' })).toMatchObject({
      streamsPerUser: 5,
      requestTimeoutMs: 1500,
      pushBurst: 60,
    })
    expect(authFromEnv({ LOGIN_FREE_FAILURES: '3', LOGIN_FIRST_DELAY_MS: '100' })).toMatchObject({
      freeFailures: { pair: 3, name: 20, address: 50 },
      firstDelayMs: 100,
    })
    expect(() => limitsFromEnv({ PUSH_BURST: 'lots' })).toThrow(
      'PUSH_BURST must be a positive number, not lots.',
    )
  })
})
