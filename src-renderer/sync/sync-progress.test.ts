import { describe, expect, test } from 'vitest'
import { SyncProgress } from './sync-progress'

describe('sync progress', () => {
  test('sending counts what the server answered for, out of what was pending, with the time left', () => {
    const p = new SyncProgress()
    expect(p.sent(1475, true, 0)).toMatchObject({ done: 0, total: 1475, secondsLeft: null })
    expect(p.sent(382, true, 10_000)).toMatchObject({ done: 1093, total: 1475, percent: 74 })
    expect(p.sent(382, true, 10_000)?.secondsLeft).toBe(4)
    // A record typed meanwhile joins the upload.
    expect(p.sent(383, true, 10_000)).toMatchObject({ done: 1093, total: 1476 })
    expect(p.sent(0, true, 12_000)).toBeNull()
    expect(p.sent(3, false, 13_000)).toBeNull()
  })

  test('receiving adds the pages of each collection to what the server says is left', () => {
    const p = new SyncProgress()
    p.pulled('invoices', { received: 200, remaining: 49_800 }, 0)
    p.pulled('invoices', { received: 200, remaining: 49_600 }, 1000)
    expect(p.received(true, 1000)).toMatchObject({ done: 400, total: 50_000, what: 'invoices' })
    p.pulled('orders', { received: 200, remaining: 100 }, 1000)
    expect(p.received(true, 1000)).toMatchObject({ done: 600, total: 50_300, what: 'records' })
    p.pulled('orders', { received: 100, remaining: 0 }, 2000)
    p.pulled('invoices', { received: 200, remaining: 0 }, 2000)
    expect(p.received(true, 2000)).toBeNull()
  })
})
