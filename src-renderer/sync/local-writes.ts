/**
 * Every write to a database, connected or not, reaches the sync-state tracker: a write made on this device is
 * pending from that moment until the server accepts it; a state the replication brought from the server
 * settles what was pending on that record.
 */
import type { RxCollection } from 'rxdb'
import { jsonEqual } from '@core/sync/json'
import type { CollectionName, Database } from '@renderer/data/collections'
import { toWire } from './derived'
import type { SyncStateTracker } from './sync-state'

/**
 * Starts tracking the writes of every collection of `db`.
 *
 * @returns the function that stops tracking
 * @example
 * const stop = trackLocalWrites(db, await loadSyncState(db))
 */
export function trackLocalWrites(db: Database, tracker: SyncStateTracker): () => void {
  // The collections the database has (sync tests open only a few).
  const names = Object.keys(db.collections) as CollectionName[]
  const subscriptions = names.map((name) =>
    trackCollection(db[name] as unknown as RxCollection, name, tracker),
  )
  return () => {
    for (const s of subscriptions) s.unsubscribe()
  }
}

function trackCollection(
  collection: RxCollection,
  name: CollectionName,
  tracker: SyncStateTracker,
) {
  return collection.eventBulks$.subscribe((bulk) => {
    // A pulled state is written only over a record with nothing left to send (RxDB skips one with a local
    // change not yet accepted): whatever was pending there has reached the server or been merged away.
    if (bulk.context.startsWith('replication-downstream'))
      for (const event of bulk.events) tracker.markSettled(name, event.documentId)
    if (bulk.context.startsWith('replication-')) return
    for (const event of bulk.events) {
      const data = event.documentData as { updatedAt?: string } | undefined
      // A write of derived fields only (a balance refreshed) changes nothing on the server: not pending.
      const before = event.previousDocumentData as object | undefined
      if (before && data && jsonEqual(toWire(name, before), toWire(name, data))) continue
      tracker.markPending(name, event.documentId, data?.updatedAt ?? '')
    }
  })
}
