/**
 * The pending count is true from the first write: records written before the first connect, and edits made
 * with no sync session running, are pending at once and stay pending across a restart (a new tracker on the
 * same database) until the server accepts them.
 */
import { afterEach, describe, expect, test } from 'vitest'
import { customer } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, seededRepositories, testEnv } from '@renderer/data/test-support/test-db'
import { createRepositories, type Repositories } from '@renderer/data/repositories'
import { COLLECTION_NAMES, openDatabase, type Database } from '@renderer/data/database'
import { trackLocalWrites } from './local-writes'
import { loadSyncState } from './sync-state'
import { conflictHandlerFor } from './conflict-handler'
import { guardedDexieStorage } from './downstream-guard'

const open: Repositories[] = []
afterEach(async () => {
  for (const r of open.splice(0)) await closeDatabase(r.db)
})

/** Reopens a database by name, as a reload of the page does. */
async function reopen(repos: Repositories): Promise<Repositories> {
  const name = repos.db.name
  await closeDatabase(repos.db)
  const again = createRepositories(
    await openDatabase({ name, conflictHandlerFor, storage: guardedDexieStorage() }),
    testEnv(),
  )
  open.push(again)
  return again
}

/** The documents RxDB's query caches of this database hold (each cached query keeps its last result). */
function cachedQueryDocuments(db: Database): number {
  let held = 0
  for (const name of COLLECTION_NAMES) {
    const cache = (db[name] as unknown as { _queryCache: { _map: Map<string, unknown> } })
      ._queryCache
    for (const query of cache._map.values())
      held += (query as { _result?: { documents: unknown[] } })._result?.documents.length ?? 0
  }
  return held
}

describe('pending from the first write', () => {
  test('every record written before the first connect is pending', async () => {
    const repos = await seededRepositories()
    open.push(repos)
    const held = cachedQueryDocuments(repos.db)
    const tracker = await loadSyncState(repos.db)
    // Counted from the storage: no query result of every record is left in RxDB's cache.
    expect(cachedQueryDocuments(repos.db)).toBe(held)
    let total = 0
    for (const name of COLLECTION_NAMES) total += await repos.db[name].count().exec()
    expect(total).toBeGreaterThan(5)
    expect(tracker.pendingCount()).toBe(total)
    expect(tracker.stateOf('customers', customer.id).state).toBe('pending')
  })

  test('an edit with no session is pending at once and after a restart, and settles on the answer', async () => {
    const first = await seededRepositories()
    open.push(first)
    let tracker = await loadSyncState(first.db)
    // Everything so far reached the server (a first sync), and the device knows it.
    for (const name of COLLECTION_NAMES) {
      const docs = (await first.db[name].find().exec()) as Array<{ toJSON(): object }>
      tracker.markPushed(
        name,
        docs.map((d) => {
          const { id, updatedAt } = d.toJSON() as { id: string; updatedAt?: string }
          return { id, updatedAt: updatedAt ?? '', conflict: false }
        }),
      )
    }
    tracker.markSynced('2025-03-01T10:00:00.000Z')
    await tracker.flush()
    expect(tracker.pendingCount()).toBe(0)

    const stop = trackLocalWrites(first.db, tracker)
    ok(await first.customers.save({ ...customer, name: 'Renamed Outfitters' }))
    expect(tracker.pendingCount()).toBe(1)
    expect(tracker.stateOf('customers', customer.id).state).toBe('pending')
    stop()
    await tracker.flush()

    const repos = await reopen(first)
    tracker = await loadSyncState(repos.db)
    expect(tracker.pendingCount()).toBe(1)
    expect(tracker.stateOf('customers', customer.id).state).toBe('pending')
    const saved = await repos.customers.get(customer.id)
    tracker.markPushed('customers', [
      { id: customer.id, updatedAt: saved?.updatedAt ?? '', conflict: false },
    ])
    expect(tracker.stateOf('customers', customer.id).state).toBe('synced')
    expect(tracker.pendingCount()).toBe(0)
  })
})
