import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF } from './backoff'

describe('backoff', () => {
  it('doubles from the base up to the cap, within the jitter bounds', () => {
    const policy = { ...DEFAULT_BACKOFF, baseMs: 1000, maxMs: 8000, jitter: 0.2 }
    const ceilings = [1000, 2000, 4000, 8000, 8000, 8000]
    ceilings.forEach((ceiling, i) => {
      expect(backoffDelay(i + 1, policy, () => 0)).toBe(ceiling)
      expect(backoffDelay(i + 1, policy, () => 0.999999)).toBe(Math.round(ceiling * 0.8))
    })
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, policy, Math.random)
      expect(d).toBeGreaterThanOrEqual(3200)
      expect(d).toBeLessThanOrEqual(4000)
    }
  })

  it('stays finite for absurd attempt counts', () => {
    expect(backoffDelay(10_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxMs)
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.baseMs)
  })
})
