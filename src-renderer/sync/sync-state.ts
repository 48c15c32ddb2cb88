/**
 * Per-document sync state, kept in one RxDB local document so it survives a restart and never replicates:
 * pending (changed here, not yet accepted by the server), rejected (refused, with the server's reason), and the
 * time of the last sync. Only unsynced work has an entry; a record without one holds what the server holds.
 * Every local write is tracked from the moment the database opens, connected or not (local-writes.ts), and a
 * database that has never connected counts every record it holds as pending: "0 pending" means the server has
 * every change. Values lost in a conflict of a record without a history (a customer, a product) are kept here
 * too, since those records have nowhere else to show them.
 */
import type { FieldChange } from '@core/documents'
import type { CollectionName, Database } from '@renderer/data/collections'
import { readLocal, serialized, writeLocal } from '@renderer/data/local-docs'
import { storeScan, type Checkpoint } from '@renderer/data/repositories/store-scan'

export type DocSyncState = 'local' | 'pending' | 'synced' | 'rejected'

export interface DocSyncInfo {
  state: DocSyncState
  /** The server's refusal code and its sentence for the rep (rejected only). */
  code?: string
  reason?: string
  /** The values that lost a conflict on a record without a history. */
  lost?: FieldChange[]
  /** The refused version, as it was pushed (rejected only): the record itself went back to the server's. */
  refused?: unknown
}

interface Entry {
  state: 'pending' | 'rejected'
  /** The `updatedAt` of the local version this entry is about. */
  updatedAt: string
  code?: string
  reason?: string
}

/** A refusal, kept apart from pending entries: it stays until a later local version is accepted. */
interface Rejection {
  updatedAt: string
  /** When the server refused it (absent in state saved before this was kept). */
  at?: string
  code: string
  reason: string
  refused?: unknown
}

interface Stored {
  connected: boolean
  /**
   * Every record of this database has an entry if it was never accepted by the server. Absent in state saved
   * when only writes made during a sync session were tracked: loading such a state counts what it can.
   */
  tracksAll?: boolean
  lastSyncAt: string | null
  entries: Record<string, Entry>
  rejected: Record<string, Rejection>
  lost: Record<string, FieldChange[]>
}

/** The local document's id. */
export const SYNC_STATE_DOC = 'sync-state'

const key = (collection: CollectionName, id: string) => `${collection}/${id}`

/** What a push answered for one row. */
export interface PushOutcome {
  id: string
  updatedAt: string
  rejection?: { code: string; reason: string; refused?: unknown }
  conflict: boolean
}

export interface SyncStateTracker {
  stateOf(collection: CollectionName, id: string): DocSyncInfo
  pendingCount(): number
  rejectedCount(): number
  /** Every refusal still in view, with the refused version. */
  rejections(): Array<
    { collection: CollectionName; id: string; at: string } & Required<
      Omit<DocSyncInfo, 'state' | 'lost'>
    >
  >
  lastSyncAt(): string | null
  /** A local write: pending until a push of this version (or a later one) is accepted. */
  markPending(collection: CollectionName, id: string, updatedAt: string): void
  markPushed(collection: CollectionName, outcomes: readonly PushOutcome[]): void
  /**
   * Nothing of this device's is left to send (the record holds the server's state): a pending entry about a
   * version up to `upTo` (any version when omitted) is cleared; a refusal stays in view.
   */
  markSettled(collection: CollectionName, id: string, upTo?: string): void
  recordLost(collection: CollectionName, id: string, lost: readonly FieldChange[]): void
  /** The rep dealt with a refusal (kept the server's version, or sends theirs again): out of view. */
  dismissRejection(collection: CollectionName, id: string): void
  markSynced(at: string): void
  /** Called after every change of state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Resolves when every change so far is written. */
  flush(): Promise<void>
}

/** What counting reads of a stored record. */
type Scanned = { id: string; updatedAt?: string; _deleted: boolean }

/** Records read per slice while counting what was never sent. */
const COUNT_SLICE = 2_000

/**
 * Gives every record without an entry one: pending since its last write. The store is read in slices straight
 * from its storage, not through an RxDB query: a query keeps its result (every record as a document) in RxDB's
 * query cache long after it ran, hundreds of megabytes on a full store.
 */
async function countUnsent(db: Database, stored: Stored): Promise<void> {
  for (const name of Object.keys(db.collections) as CollectionName[]) {
    const scan = await storeScan(db[name])
    let checkpoint: Checkpoint | null = null
    for (;;) {
      const slice = await scan.next(checkpoint, COUNT_SLICE)
      for (const doc of slice.documents) {
        const { id, updatedAt, _deleted } = doc as unknown as Scanned
        const k = key(name, id)
        if (_deleted || stored.entries[k] || stored.rejected[k]) continue
        stored.entries[k] = { state: 'pending', updatedAt: updatedAt ?? '' }
      }
      checkpoint = slice.checkpoint
      if (slice.documents.length < COUNT_SLICE) break
    }
  }
}

/**
 * The local document as written: the whole state as one JSON string. IndexedDB and RxDB copy a string as one
 * value; the same state as objects (an entry per record of a store that never connected, 100,000 of them on a
 * full laptop) was read object by object, for half a second at every start.
 */
interface Packed {
  packed: string
}

/** The state kept, in either shape (a state written before it was packed is read as it is). */
async function readStored(db: Database): Promise<{ state?: Partial<Stored>; packed: boolean }> {
  const data = await readLocal<Stored | Packed>(db, SYNC_STATE_DOC)
  if (data && 'packed' in data) return { state: JSON.parse(data.packed) as Stored, packed: true }
  return data ? { state: data, packed: false } : { packed: true }
}

function writeStored(db: Database, stored: Stored): Promise<void> {
  return writeLocal<Packed>(db, SYNC_STATE_DOC, { packed: JSON.stringify(stored) })
}

/**
 * Loads the tracker of a database (one per open database). A database that has never connected has sent
 * nothing: every record it holds that has no entry yet (written before writes were tracked) is pending.
 */
export async function loadSyncState(db: Database): Promise<SyncStateTracker> {
  const kept = await readStored(db)
  const stored: Stored = {
    connected: false,
    lastSyncAt: null,
    entries: {},
    rejected: {},
    lost: {},
    ...kept.state,
  }
  if (!stored.tracksAll || !kept.packed) {
    if (!stored.tracksAll && !stored.connected) await countUnsent(db, stored)
    stored.tracksAll = true
    if (!db.closed) await writeStored(db, stored)
  }
  const listeners = new Set<() => void>()
  const queue = serialized()
  let saving: Promise<void> = Promise.resolve()
  let dirty = false

  // Changes come in bursts (a pull of 200 records); one write per burst, not one per record.
  function changed(): void {
    for (const listener of listeners) listener()
    if (dirty) return
    dirty = true
    saving = queue(async () => {
      await Promise.resolve()
      dirty = false
      if (!db.closed) await writeStored(db, stored)
    })
  }

  // Asked after every change: counted without copying the entries (one per record of a never-connected store).
  const pendingCount = () => {
    let pending = 0
    for (const k in stored.entries) if (stored.entries[k]?.state === 'pending') pending++
    return pending
  }

  return {
    stateOf(collection, id) {
      const k = key(collection, id)
      const [entry, rejection, lost] = [stored.entries[k], stored.rejected[k], stored.lost[k]]
      const base: DocSyncInfo =
        entry?.state === 'pending' || !(entry ?? rejection)
          ? { state: entry ? 'pending' : stored.connected ? 'synced' : 'local' }
          : { state: 'rejected', ...(rejection ?? entry) }
      return lost ? { ...base, lost } : base
    },
    pendingCount,
    rejectedCount: () => Object.keys(stored.rejected).length,
    rejections: () =>
      Object.entries(stored.rejected).map(([k, r]) => {
        const [collection, ...id] = k.split('/')
        return {
          collection: collection as CollectionName,
          id: id.join('/'),
          code: r.code,
          reason: r.reason,
          refused: r.refused,
          at: r.at ?? r.updatedAt,
        }
      }),
    lastSyncAt: () => stored.lastSyncAt,
    markPending(collection, id, updatedAt) {
      stored.entries[key(collection, id)] = { state: 'pending', updatedAt }
      changed()
    },
    markPushed(collection, outcomes) {
      for (const o of outcomes) {
        const k = key(collection, o.id)
        const entry = stored.entries[k]
        // A newer local edit made while this push was in flight is still pending.
        if (entry && entry.updatedAt > o.updatedAt) continue
        if (o.rejection) {
          stored.rejected[k] = {
            updatedAt: o.updatedAt,
            at: new Date().toISOString(),
            ...o.rejection,
          }
          delete stored.entries[k]
        } else if (o.conflict) {
          // Still pending if the rep changed it: the merge goes out next. A version pushed with nothing of the
          // rep's in it (a balance refreshed) made no entry and gets none: the merge brings only the server's
          // state, and if that is pushed at all, nothing would settle an entry made here.
          if (entry) entry.updatedAt = o.updatedAt
        } else if (entry) {
          // A local version accepted: an earlier refusal is settled. (The server's state pushed back after a
          // refusal has no entry, and leaves the refusal in view.)
          delete stored.entries[k]
          delete stored.rejected[k]
        }
      }
      changed()
    },
    markSettled(collection, id, upTo) {
      const k = key(collection, id)
      const entry = stored.entries[k]
      if (entry?.state !== 'pending' || (upTo !== undefined && entry.updatedAt > upTo)) return
      delete stored.entries[k]
      changed()
    },
    recordLost(collection, id, lost) {
      if (lost.length === 0) return
      const k = key(collection, id)
      stored.lost[k] = [...(stored.lost[k] ?? []), ...lost].slice(-50)
      changed()
    },
    dismissRejection(collection, id) {
      delete stored.rejected[key(collection, id)]
      changed()
    },
    markSynced(at) {
      stored.connected = true
      stored.lastSyncAt = at
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush: () => saving,
  }
}
