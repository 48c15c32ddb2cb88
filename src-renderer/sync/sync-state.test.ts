/**
 * The sync-state tracker: which answers and writes leave a record pending, and which settle it. A pending entry
 * nothing will ever settle is a "1 pending" the rep sees forever, and a warning on every quit.
 */
import { describe, expect, test } from 'vitest'
import type { Database } from '@renderer/data/collections'
import { loadSyncState, type PushOutcome, type SyncStateTracker } from './sync-state'

/** A database holding only local documents, as the tracker uses it. */
function fakeDb(local = new Map<string, unknown>()): Database {
  return {
    closed: false,
    collections: {},
    getLocal: (id: string) =>
      Promise.resolve(local.has(id) ? { toJSON: () => ({ data: local.get(id) }) } : null),
    upsertLocal: (id: string, data: unknown) => Promise.resolve(local.set(id, data)),
  } as unknown as Database
}

const T1 = '2025-03-02T10:00:00.000Z'
const T2 = '2025-03-02T11:00:00.000Z'
const outcome = (o: Partial<PushOutcome>): PushOutcome => ({
  id: 'I1',
  updatedAt: T1,
  conflict: false,
  ...o,
})

let tracker: SyncStateTracker
const state = () => tracker.stateOf('invoices', 'I1').state

describe('sync state', () => {
  test('a version pushed with nothing of the rep in it (a balance refreshed) stays synced through a conflict', async () => {
    tracker = await loadSyncState(fakeDb())
    tracker.markSynced(T1)
    tracker.markPushed('invoices', [outcome({ conflict: true })])
    expect(state()).toBe('synced')
    expect(tracker.pendingCount()).toBe(0)
  })

  test("the rep's change stays pending through a conflict until the merge is accepted", async () => {
    tracker = await loadSyncState(fakeDb())
    tracker.markPending('invoices', 'I1', T1)
    tracker.markPushed('invoices', [outcome({ conflict: true })])
    expect(state()).toBe('pending')
    // The merge carries the later of both sides' times.
    tracker.markPushed('invoices', [outcome({ updatedAt: T2 })])
    expect(tracker.pendingCount()).toBe(0)
  })

  test('settled when nothing is left to send, but not a later edit, and a refusal stays in view', async () => {
    tracker = await loadSyncState(fakeDb())
    tracker.markPending('invoices', 'I1', T2)
    tracker.markSettled('invoices', 'I1', T1)
    expect(state()).toBe('pending')
    tracker.markSettled('invoices', 'I1', T2)
    expect(state()).toBe('local')

    tracker.markPending('invoices', 'I1', T1)
    tracker.markPushed('invoices', [
      outcome({ rejection: { code: 'overpayment', reason: 'Too much.', refused: { id: 'I1' } } }),
    ])
    tracker.markPending('invoices', 'I1', T2)
    tracker.markSettled('invoices', 'I1')
    expect(tracker.stateOf('invoices', 'I1')).toMatchObject({
      state: 'rejected',
      reason: 'Too much.',
    })
    expect(tracker.pendingCount()).toBe(0)
  })

  test('kept as one string, and a state kept before it was packed still loads', async () => {
    const local = new Map<string, unknown>([
      [
        'sync-state',
        {
          connected: true,
          tracksAll: true,
          lastSyncAt: T1,
          entries: { 'invoices/I1': { state: 'pending', updatedAt: T1 } },
          rejected: {},
          lost: {},
        },
      ],
    ])
    tracker = await loadSyncState(fakeDb(local))
    expect(state()).toBe('pending')
    // Packed at once on loading, not at the next change.
    expect(typeof (local.get('sync-state') as { packed?: unknown }).packed).toBe('string')
    tracker.markPending('invoices', 'I2', T2)
    await tracker.flush()
    tracker = await loadSyncState(fakeDb(local))
    expect(tracker.pendingCount()).toBe(2)
    expect(tracker.lastSyncAt()).toBe(T1)
  })
})
