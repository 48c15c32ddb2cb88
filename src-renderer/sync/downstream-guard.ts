/**
 * A storage wrapper that keeps a pulled state from being lost to a local write that changed nothing.
 *
 * RxDB's downstream reads the local record, finds nothing unsent in it, and writes the server's newer state with
 * that record as `previous`. A local write landing in between makes that write fail with a 409, which RxDB drops,
 * trusting the local write to be pushed and merged with the server's state. A local write that changed nothing on
 * the wire (a record saved unchanged, a balance derived again to the same figure) is never pushed: the server's
 * state was skipped for good and the device stayed behind until the record changed again on the server. Found by
 * the five-device simulation (test-integration/sync-simulation.test.ts), in about one run of three at 2,000 commands.
 *
 * Here a downstream write refused with a 409 is written again on top of the record as it now is, when the local
 * write in between changed nothing on the wire; a real local change keeps the 409 and reaches the server as RxDB
 * expects (pushed, then merged as a conflict).
 */
import type {
  BulkWriteRow,
  RxDocumentData,
  RxStorage,
  RxStorageBulkWriteResponse,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  RxStorageWriteError,
} from 'rxdb'
import { getHeightOfRevision, now } from 'rxdb/plugins/utils'
import { jsonEqual } from '@core/sync/json'
import { COLLECTION_NAMES, type CollectionName } from '@renderer/data/collections'
import { dexieStorage } from '@renderer/data/database'
import { toWire } from './derived'

/** RxDB's downstream writes carry this context, followed by the replication's key. */
const DOWNSTREAM = 'replication-downstream-'
/** Local writes may keep landing; after this many tries the 409 stands (the next pull brings the state again). */
const TRIES = 3

type Doc = RxDocumentData<Record<string, unknown>>
type Meta = Doc['_meta'] & { o?: { _rev: number; hash: string } }

/**
 * The downstream's row moved on top of the record now stored: the next revision, and the marker RxDB reads to
 * tell a pulled state from a local change (`_meta.o`, the height of the revision written by the replication).
 */
function onTopOf(row: BulkWriteRow<Doc>, stored: Doc): BulkWriteRow<Doc> {
  const height = getHeightOfRevision(stored._rev) + 1
  const token = row.document._rev.slice(row.document._rev.indexOf('-') + 1)
  const meta = row.document._meta as Meta
  return {
    previous: stored,
    document: {
      ...row.document,
      _rev: `${height}-${token}`,
      _meta: { ...meta, lwt: now(), ...(meta.o ? { o: { ...meta.o, _rev: height } } : {}) },
    },
  }
}

/** Whether the write between the downstream's read and its write changed nothing that goes to the server. */
function changedNothing(
  collection: CollectionName,
  error: RxStorageWriteError<Doc>,
): Doc | undefined {
  if (error.status !== 409 || !error.documentInDb || !error.writeRow.previous) return undefined
  const stored = error.documentInDb
  return jsonEqual(toWire(collection, error.writeRow.previous), toWire(collection, stored))
    ? stored
    : undefined
}

/**
 * Retries the downstream rows that a wire-neutral local write made fail. Returns the errors that stand.
 *
 * @example
 * const result = await retryDownstream('invoices', (rows) => instance.bulkWrite(rows, context), first.error)
 */
export async function retryDownstream(
  collection: CollectionName,
  write: (rows: Array<BulkWriteRow<Doc>>) => Promise<RxStorageBulkWriteResponse<Doc>>,
  errors: Array<RxStorageWriteError<Doc>>,
): Promise<Array<RxStorageWriteError<Doc>>> {
  let standing = errors
  for (let tries = 0; tries < TRIES; tries++) {
    const again: Array<BulkWriteRow<Doc>> = []
    const kept: Array<RxStorageWriteError<Doc>> = []
    for (const error of standing) {
      const stored = changedNothing(collection, error)
      if (stored) again.push(onTopOf(error.writeRow, stored))
      else kept.push(error)
    }
    if (again.length === 0) break
    standing = [...kept, ...(await write(again)).error]
  }
  return standing
}

/**
 * Wraps a storage so that every replicated collection's downstream writes go through `retryDownstream`.
 *
 * @param collections - the collections replicated with the server (others, and RxDB's own, are left alone)
 * @example
 * createRxDatabase({ name, storage: guardDownstreamWrites(getRxStorageDexie(), COLLECTION_NAMES) })
 */
export function guardDownstreamWrites<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  collections: readonly CollectionName[],
): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, Options>,
    ): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      const instance = await storage.createStorageInstance<RxDocType>(params)
      const collection = collections.find((c) => c === params.collectionName)
      if (!collection) return instance
      const bulkWrite = instance.bulkWrite.bind(instance)
      instance.bulkWrite = async (rows, context) => {
        const result = await bulkWrite(rows, context)
        if (!context.startsWith(DOWNSTREAM) || result.error.length === 0) return result
        const write = (again: Array<BulkWriteRow<Doc>>) =>
          bulkWrite(again as never, context) as unknown as Promise<RxStorageBulkWriteResponse<Doc>>
        const error = await retryDownstream(collection, write, result.error as never)
        return { error: error as never }
      }
      return instance
    },
  }
}

/** RxDB names the storage of a replication's checkpoints and assumed master states so. */
const REPLICATION_META = 'rx-replication-meta-'

/**
 * Keeps the replications' own bookkeeping (their checkpoints and assumed master states) out of the broadcast to
 * other windows of the same database. With several windows allowed, RxDB posts every write of every storage to
 * the others; a pulled page writes each record twice, once as the record and once as its assumed master state,
 * and that second copy is read only by the replication that wrote it (the one window holding the leadership;
 * a window taking the leadership over reads it from IndexedDB), so posting it is pure cost: about a tenth of a
 * first sync's time. The records themselves are still posted, so other windows see every pulled change.
 *
 * @example
 * createRxDatabase({ name, multiInstance: true, storage: replicationMetaInOneWindow(getRxStorageDexie()) })
 */
export function replicationMetaInOneWindow<Internals, Options>(
  storage: RxStorage<Internals, Options>,
): RxStorage<Internals, Options> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const meta = params.collectionName.startsWith(REPLICATION_META)
      return storage.createStorageInstance<RxDocType>(
        meta ? { ...params, multiInstance: false } : params,
      )
    },
  }
}

/**
 * The app's storage: Dexie on IndexedDB with every replicated collection's downstream writes guarded and the
 * replications' bookkeeping kept to the window that writes it. Whoever opens the app's database passes it to
 * `openDatabase` (data/ does not import sync/).
 */
export function guardedDexieStorage(): RxStorage<unknown, unknown> {
  return guardDownstreamWrites(replicationMetaInOneWindow(dexieStorage()), COLLECTION_NAMES)
}
