/**
 * Replication of the local collections with the sync server (src-server/README.md): RxDB's
 * `replicateRxCollection` per collection with pull/push handlers over HTTP, a live stream, derived fields
 * stripped and restored on the way, and every push answer recorded in the sync-state tracker so rejections
 * reach the rep.
 */
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb'
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication'
import { Subject } from 'rxjs'
import type { Payment } from '../../src-core/documents'
import { COLLECTION_NAMES, type CollectionName, type Database } from '../data/collections'
import { DERIVED_FIELDS, fromWire, toWire, type WireDocument } from './derived'
import { mergeForSync } from './conflict-handler'
import { jsonEqual } from '../../src-core/sync/json'
import { SyncHttpError, syncHttp } from './http'
import { readSse } from './sse'
import type { SyncStateTracker } from './sync-state'

/**
 * Collections with a live stream. Browsers open at most 6 HTTP/1.1 connections per server, and every stream
 * holds one; with a stream for each of the nine collections, pulls and pushes would wait forever. The
 * collections reps change on other devices stream; the shared catalog and the rest are pulled every minute.
 */
export const STREAMED: readonly CollectionName[] = ['customers', 'invoices', 'orders', 'payments']
const POLL_MS = 60_000

/** Records with a history keep lost values there (the merge adds a conflict entry). */
const WITH_HISTORY: readonly CollectionName[] = ['orders', 'invoices']

export interface SyncOptions {
  db: Database
  url: string
  token: string
  tracker: SyncStateTracker
  /** Defaults to every collection (tests replicate a few, to stay inside RxDB's collection limit). */
  collections?: readonly CollectionName[]
  fetch?: typeof fetch
  /** Wait after a failed request or stream before retrying. */
  retryMs?: number
  batchSize?: number
  /** The server refused the token: the rep must connect again. */
  onUnauthorized?(): void
  onError?(error: unknown): void
}

/** A running sync: pause it offline, resume it online (from the stored checkpoints), stop it for good. */
export interface SyncSession {
  readonly states: ReadonlyMap<CollectionName, RxReplicationState<unknown, Checkpoint>>
  pause(): Promise<void>
  resume(): Promise<void>
  /** Resolves when every collection has pushed and pulled everything known so far. */
  awaitInSync(): Promise<void>
  stop(): Promise<void>
}

interface Checkpoint {
  seq: number
}

interface PushAnswer {
  conflicts: WireDocument[]
  rejections: Array<{ id: string; code: string; reason: string }>
}

async function paymentsOf(db: Database, invoiceId: string): Promise<Payment[]> {
  const docs = await db.payments.find({ selector: { invoiceId } }).exec()
  return docs.map((d) => d.toJSON() as unknown as Payment)
}

/**
 * Starts replicating. Local writes are tracked as pending from now on, whether online or not.
 *
 * @example
 * const session = await startSync({ db, url: 'https://sync.example.com', token, tracker })
 * window.addEventListener('offline', () => void session.pause())
 */
export async function startSync(options: SyncOptions): Promise<SyncSession> {
  const { db, tracker } = options
  const http = syncHttp(options.url, options.token, options.fetch)
  const names = options.collections ?? COLLECTION_NAMES
  const streams = new Map<
    CollectionName,
    Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>
  >()
  const states = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>()
  const cleanups: Array<() => void> = []
  let streamAbort: AbortController | undefined
  let poll: ReturnType<typeof setInterval> | undefined

  const failed = (e: unknown) => {
    if (e instanceof SyncHttpError && e.status === 401) options.onUnauthorized?.()
    throw e
  }

  for (const name of names) {
    const collection = db[name] as unknown as RxCollection
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>()
    streams.set(name, stream$)
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection,
      // A new server is a new replication: its checkpoints mean nothing to the old one.
      replicationIdentifier: `fieldbill-${name}-${http.url}`,
      live: true,
      autoStart: false,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: db.multiInstance,
      pull: {
        batchSize: options.batchSize ?? 200,
        stream$: stream$.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const seq = checkpoint?.seq ?? 0
          const answer = await http
            .get<{ documents: WireDocument[]; checkpoint: Checkpoint }>(
              `/sync/${name}/pull?checkpoint=${seq}&batchSize=${batchSize}`,
            )
            .catch(failed)
          tracker.markSynced(new Date().toISOString())
          return { documents: answer.documents as never[], checkpoint: answer.checkpoint }
        },
        modifier: async (doc) => {
          const wire = doc as WireDocument
          const payments = name === 'invoices' ? await paymentsOf(db, wire.id) : []
          return fromWire(name, wire, payments) as never
        },
      },
      push: {
        batchSize: options.batchSize ?? 200,
        modifier: (doc) => toWire(name, doc) as never,
        handler: async (rows) => {
          const answer = await http.post<PushAnswer>(`/sync/${name}/push`, { rows }).catch(failed)
          const rejected = new Map(answer.rejections.map((r) => [r.id, r]))
          const conflicted = new Set(answer.conflicts.map((d) => d.id))
          tracker.markPushed(
            name,
            rows.map(({ newDocumentState }) => {
              const doc = newDocumentState as WireDocument & { updatedAt?: string }
              const rejection = rejected.get(doc.id)
              return {
                id: doc.id,
                updatedAt: doc.updatedAt ?? '',
                conflict: conflicted.has(doc.id),
                rejection: rejection && { code: rejection.code, reason: rejection.reason },
              }
            }),
          )
          tracker.markSynced(new Date().toISOString())
          return answer.conflicts as never[]
        },
      },
    })
    states.set(name, state)
    const refresh = (invoiceId: string) =>
      void refreshBalance(db, invoiceId).catch((e: unknown) => options.onError?.(e))
    // A payment, or an invoice written by the replication (pulled, or merged with a balance derived from
    // what the local version knew), may leave the stored balance behind the payments on this device.
    if (name === 'payments')
      cleanups.push(
        subscription(
          state.received$.subscribe((doc) => refresh((doc as unknown as Payment).invoiceId)),
        ),
      )
    if (name === 'invoices')
      cleanups.push(
        subscription(
          collection.eventBulks$.subscribe((bulk) => {
            if (!bulk.context.startsWith('replication-')) return
            for (const event of bulk.events) refresh(event.documentId)
          }),
        ),
      )
    cleanups.push(
      trackLocalWrites(collection, name, tracker),
      subscription(state.error$.subscribe((e) => options.onError?.(e))),
      subscription(
        state.conflict$.subscribe(({ input }) => {
          if (WITH_HISTORY.includes(name)) return
          const { document, lost } = mergeForSync(name, input)
          tracker.recordLost(name, document.id, lost)
        }),
      ),
    )
  }

  function openStreams(): void {
    streamAbort = new AbortController()
    const signal = streamAbort.signal
    for (const name of names.filter((n) => STREAMED.includes(n))) {
      void readSse({
        url: `${http.url}/sync/${name}/stream`,
        token: options.token,
        signal,
        fetch: options.fetch,
        retryMs: options.retryMs,
        // Every event only says "pull now".
        onEvent: () => streams.get(name)?.next('RESYNC'),
        onError: (e) => options.onError?.(e),
      })
    }
    poll = setInterval(() => {
      for (const name of names.filter((n) => !STREAMED.includes(n))) states.get(name)?.reSync()
    }, POLL_MS)
  }

  function closeStreams(): void {
    streamAbort?.abort()
    clearInterval(poll)
  }

  await Promise.all([...states.values()].map((s) => s.start()))
  openStreams()

  return {
    states,
    async pause() {
      closeStreams()
      await Promise.all([...states.values()].map((s) => s.pause()))
    },
    async resume() {
      closeStreams()
      await Promise.all([...states.values()].map((s) => s.start()))
      openStreams()
    },
    async awaitInSync() {
      await Promise.all([...states.values()].map((s) => s.awaitInSync()))
      await tracker.flush()
    },
    async stop() {
      closeStreams()
      for (const cleanup of cleanups) cleanup()
      await Promise.all([...states.values()].map((s) => s.cancel()))
      for (const stream$ of streams.values()) stream$.complete()
      await tracker.flush()
    },
  }
}

/**
 * A payment recorded on another device arrived: the invoice's stored balance (a derived field, never on the
 * wire) is derived again. The write changes no wire field, so its push is a no-op on the server.
 */
async function refreshBalance(db: Database, invoiceId: string): Promise<void> {
  const doc = await db.invoices.findOne(invoiceId).exec()
  if (!doc) return
  const fresh = fromWire(
    'invoices',
    toWire('invoices', doc.toJSON()),
    await paymentsOf(db, invoiceId),
  )
  if (fresh.balanceDue === doc.balanceDue) return
  const patch = Object.fromEntries(DERIVED_FIELDS.invoices.map((f) => [f, fresh[f]]))
  await doc.incrementalPatch(patch)
}

const subscription = (s: { unsubscribe(): void }) => () => s.unsubscribe()

/** Writes made on this device (not by the replication itself) are pending until a push is accepted. */
function trackLocalWrites(
  collection: RxCollection,
  name: CollectionName,
  tracker: SyncStateTracker,
): () => void {
  return subscription(
    collection.eventBulks$.subscribe((bulk) => {
      if (bulk.context.startsWith('replication-')) return
      for (const event of bulk.events) {
        const data = event.documentData as { updatedAt?: string } | undefined
        // A write of derived fields only (a balance refreshed) sends nothing: RxDB skips an unchanged push.
        const before = event.previousDocumentData as object | undefined
        if (before && data && jsonEqual(toWire(name, before), toWire(name, data))) continue
        tracker.markPending(name, event.documentId, data?.updatedAt ?? '')
      }
    }),
  )
}
