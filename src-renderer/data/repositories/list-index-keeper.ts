/**
 * Keeps a ListIndex of one collection current: restored at start from its stored copy (a local document with
 * the storage checkpoint it was taken at), caught up on what changed since, or rebuilt from the store when the
 * copy is missing or of another shape, then kept by every write of the collection (the repositories' own and the
 * replication's pulled ones: both reach the collection's change stream). Catching up and rebuilding read in
 * slices and yield between them, so the main thread never holds for long.
 */
import type { RxCollection, RxDocumentData } from 'rxdb'
import { Subject, type Observable } from 'rxjs'
import type { Database } from '../collections'
import { readLocal, writeLocal } from '../local-docs'
import { ListIndex, type CountedFields, type IndexEntry, type StoredListIndex } from './list-index'
import { storeScan, type Checkpoint } from './store-scan'

/**
 * Records read per slice while catching up or rebuilding, to start with. A slice's time is mostly the wait for
 * IndexedDB (in another process: the main thread is free meanwhile) and then the decoding of its records: about
 * 20 ms for 1,000 invoices on a quiet machine. Slices grow while they are quick and shrink only when one is far
 * over SLICE_MS, so a loaded machine is not read in hundreds of small round trips.
 */
export const SLICE = 1_000
/** A slice (its read and its indexing) is kept about this short, so typing and scrolling go on between them. */
export const SLICE_MS = 25
const MIN_SLICE = 250
const MAX_SLICE = 4_000
/**
 * Rows per chunk of the stored copy: each chunk is one JSON string, so the copy is written and read as a few
 * strings (cheap for IndexedDB and RxDB to copy) and each chunk is parsed and put back in one short slice.
 */
export const LOAD_SLICE = 2_000
/** The shape of the stored copy; a copy of another shape is rebuilt. */
const STORED_FORMAT = 2
/** The stored copy is written this long after the last change (not on every write of a sync). */
export const PERSIST_DELAY_MS = 5_000

export interface ListIndexSpec {
  collection: 'invoices' | 'orders' | 'customers' | 'products'
  /** Changes whenever `toEntry` or `counted` change: a stored copy of another version is rebuilt. */
  version: number
  counted: CountedFields
  toEntry(doc: Record<string, unknown>): IndexEntry
}

export interface KeptListIndex {
  readonly index: ListIndex
  /** Resolves once the index holds every stored record. */
  readonly ready: Promise<void>
  isReady(): boolean
  /** Emits after each change the index took in. */
  readonly changed$: Observable<void>
  /** Writes the stored copy now (a test, or a page about to close). */
  persist(): Promise<void>
  /** How the index came to be at start (once `ready`): restored, caught up and rebuilt records, and times. */
  readonly startStats: Promise<StartStats>
}

export interface StartStats {
  /** Records put back from the stored copy. */
  restored: number
  /** Records read from the store (all of them on a rebuild). */
  read: number
  rebuilt: boolean
  /** Whether the store was read straight from its Dexie table. */
  direct: boolean
  ms: number
  slices: number
  /** The longest slice: one read of the store and its indexing, or one slice of restoring. */
  longestSliceMs: number
}

interface StoredCopy {
  version: number
  format: number
  checkpoint: Checkpoint | null
  fields: string[]
  /** JSON arrays of up to LOAD_SLICE rows each (StoredListIndex rows). */
  chunks: string[]
  rows: number
}

const later = (a: Checkpoint | null, b: Checkpoint | null): Checkpoint | null =>
  !a ? b : !b ? a : b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a

const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const kept = new WeakMap<Database, Map<string, KeptListIndex>>()

/** The kept index of a collection of this database, started on first use. */
export function keptListIndex(db: Database, spec: ListIndexSpec): KeptListIndex {
  let byName = kept.get(db)
  if (!byName) kept.set(db, (byName = new Map<string, KeptListIndex>()))
  let one = byName.get(spec.collection)
  if (!one) byName.set(spec.collection, (one = keep(db, spec)))
  return one
}

function keep(db: Database, spec: ListIndexSpec): KeptListIndex {
  const collection = db[spec.collection] as unknown as RxCollection
  const index = new ListIndex(spec.counted)
  const changed$ = new Subject<void>()
  const localId = `list-index-${spec.collection}`
  let checkpoint: Checkpoint | null = null
  let ready = false
  let closed = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const queued: Array<{ docs: Array<RxDocumentData<unknown>>; checkpoint: Checkpoint }> = []

  function take(docs: ReadonlyArray<RxDocumentData<unknown>>): void {
    for (const doc of docs) {
      const record = doc as unknown as Record<string, unknown> & { id: string; _deleted?: boolean }
      index.put(record.id, record._deleted ? undefined : spec.toEntry(record))
    }
  }

  let persisting: Promise<void> = Promise.resolve()

  async function writeCopy(): Promise<void> {
    if (!ready || closed) return
    // The rows and the checkpoint of one moment; the chunks are then written out between other work.
    const { fields, rows } = index.toStored()
    const at = checkpoint
    const chunks: string[] = []
    for (let start = 0; start < rows.length; start += LOAD_SLICE) {
      chunks.push(JSON.stringify(rows.slice(start, start + LOAD_SLICE)))
      await yieldToMain()
    }
    if (closed) return
    const copy: StoredCopy = {
      version: spec.version,
      format: STORED_FORMAT,
      checkpoint: at,
      fields,
      chunks,
      rows: rows.length,
    }
    await writeLocal(db, localId, copy)
  }

  /** Writes the stored copy, after any write of it already under way. */
  function persist(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = undefined
    const run = persisting.then(writeCopy, writeCopy)
    persisting = run.catch(() => undefined)
    return run
  }

  function schedulePersist(): void {
    if (timer || closed) return
    timer = setTimeout(() => void persist().catch(() => undefined), PERSIST_DELAY_MS)
  }

  const subscription = collection.eventBulks$.subscribe((bulk) => {
    const docs = bulk.events.map((e) => e.documentData as RxDocumentData<unknown>)
    const cp: Checkpoint = bulk.checkpoint
    if (!ready) return void queued.push({ docs, checkpoint: cp })
    take(docs)
    checkpoint = later(checkpoint, cp)
    changed$.next()
    schedulePersist()
  })
  // Nothing is written while the database closes (a write then could hold the close up); the next start
  // catches up on what the stored copy misses.
  db.onClose.push(() => {
    subscription.unsubscribe()
    if (timer) clearTimeout(timer)
    timer = undefined
    closed = true
    changed$.complete()
  })

  const stats: StartStats = {
    restored: 0,
    read: 0,
    rebuilt: false,
    direct: false,
    ms: 0,
    slices: 0,
    longestSliceMs: 0,
  }
  const sliceDone = (startedAt: number) => {
    const ms = performance.now() - startedAt
    stats.slices++
    stats.longestSliceMs = Math.max(stats.longestSliceMs, ms)
    return ms
  }

  /** Reads what the store holds past the checkpoint, in slices sized to stay near SLICE_MS each. */
  async function catchUp(): Promise<number> {
    const scan = await storeScan(collection)
    stats.direct = scan.direct
    let taken = 0
    let size = SLICE
    for (;;) {
      if (closed) return taken
      const startedAt = performance.now()
      const { documents, checkpoint: next } = await scan.next(checkpoint, size)
      take(documents)
      taken += documents.length
      checkpoint = later(checkpoint, next)
      const ms = sliceDone(startedAt)
      if (documents.length < size) return taken
      if (ms < SLICE_MS / 2) size = Math.min(MAX_SLICE, size * 2)
      else if (ms > 8 * SLICE_MS) size = Math.max(MIN_SLICE, Math.floor(size / 2))
      await yieldToMain()
    }
  }

  async function start(): Promise<StartStats> {
    const startedAt = performance.now()
    const stored = await readLocal<StoredCopy>(db, localId).catch(() => undefined)
    const usable =
      stored?.version === spec.version &&
      stored.format === STORED_FORMAT &&
      Array.isArray(stored.chunks)
    if (stored && usable) {
      for (const chunk of stored.chunks) {
        if (closed) break
        const sliceAt = performance.now()
        const rows = JSON.parse(chunk) as StoredListIndex['rows']
        index.loadRows({ fields: stored.fields, rows }, 0, rows.length)
        sliceDone(sliceAt)
        await yieldToMain()
      }
      checkpoint = stored.checkpoint
      stats.restored = index.size
    } else stats.rebuilt = true
    const taken = await catchUp()
    stats.read = taken
    for (const bulk of queued.splice(0)) {
      take(bulk.docs)
      checkpoint = later(checkpoint, bulk.checkpoint)
    }
    ready = true
    changed$.next()
    // A rebuild (or a long catch-up) is kept at once, so the next start restores it.
    if (taken > SLICE || !usable) void persist().catch(() => undefined)
    else if (taken > 0) schedulePersist()
    stats.ms = performance.now() - startedAt
    return stats
  }

  const started = start()
  return {
    index,
    ready: started.then(() => undefined),
    startStats: started,
    isReady: () => ready,
    changed$: changed$.asObservable(),
    persist,
  }
}
