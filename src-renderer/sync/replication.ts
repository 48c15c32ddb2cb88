/**
 * Replication of the local collections with the sync server (src-server/README.md): RxDB's
 * `replicateRxCollection` per collection with pull/push handlers over HTTP, a live stream, derived fields
 * stripped and restored on the way, and every push answer recorded in the sync-state tracker so rejections
 * reach the rep.
 */
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb'
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication'
import { Subject } from 'rxjs'
import type { Payment } from '@core/documents'
import { COLLECTION_NAMES, type CollectionName, type Database } from '@renderer/data/collections'
import { toWire } from './derived'
import { balanceRefresher, derivePulled, pulledBalanceCheck } from './balances'
import { mergeForSync } from './conflict-handler'
import { jsonEqual } from '@core/sync/json'
import {
  changedCollection,
  pullPath,
  pushPath,
  streamPath,
  type Checkpoint,
  type PullPage,
  type PushAnswer,
} from '@core/sync/wire'
import { SyncHttpError, syncHttp } from './http'
import { settlePush, REFUSED } from './push-answer'
import { readSse } from './sse'
import { backoff, type Backoff } from './backoff'
import type { SyncStateTracker } from './sync-state'

/** The longest extra wait before retrying a failed request (backoff.ts). */
const MAX_BACKOFF_MS = 60_000

/**
 * A collection this far behind the server (a laptop back after weeks), or one never pulled from this server (a
 * first sync), is pulled in pages of BULK_PAGE: each page is one request and one storage transaction of RxDB's
 * own replication (its checkpoint and assumed master states written with it), so it resumes from the last whole
 * page like any other pull.
 */
export const FAR_BEHIND = 5_000
export const BULK_PAGE = 2_000

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
  /** Records left on the server above which a collection is pulled in bulk pages (FAR_BEHIND). */
  farBehind?: number
  /** The size of a bulk page (BULK_PAGE). */
  bulkPage?: number
  /** A page was pulled: how many records it brought, and how many the server has left after it. */
  onPulled?(collection: CollectionName, page: { received: number; remaining: number }): void
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

/**
 * Starts replicating. Local writes are tracked apart (local-writes.ts), whether a session runs or not.
 *
 * @example
 * const session = await startSync({ db, url: 'https://sync.example.com', token, tracker })
 * window.addEventListener('offline', () => void session.pause())
 */
export async function startSync(options: SyncOptions): Promise<SyncSession> {
  const { db, tracker } = options
  let offline = false
  const server = syncHttp(options.url, options.token, options.fetch)
  const paused = () => Promise.reject(new SyncHttpError('Sync is paused (offline).', 0))
  // Offline, requests fail at once, and RxDB keeps retrying them (backoff.ts) until the sync resumes.
  const http = {
    url: server.url,
    get: <T>(path: string) => (offline ? paused() : server.get<T>(path)),
    post: <T>(path: string, body: unknown) => (offline ? paused() : server.post<T>(path, body)),
  }
  const names = options.collections ?? COLLECTION_NAMES
  const streams = new Map<
    CollectionName,
    Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>
  >()
  const states = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>()
  const cleanups: Array<() => void> = []
  let streamAbort: AbortController | undefined
  const balances = balanceRefresher(db, (e) => options.onError?.(e))
  const pulledBalances = pulledBalanceCheck()

  const retryMs = options.retryMs ?? 5000
  const farBehind = options.farBehind ?? FAR_BEHIND
  const bulkPage = options.bulkPage ?? BULK_PAGE
  const waits: Backoff[] = []
  /** A failed request: a 401 ends the session; any failure waits longer each time before RxDB retries. */
  const failing = (wait: Backoff) => async (e: unknown) => {
    if (e instanceof SyncHttpError && e.status === 401) options.onUnauthorized?.()
    await wait.failed(e instanceof SyncHttpError ? e.retryAfterMs : 0)
    throw e
  }

  // Every payment written is counted, replicated or not, so no pulled invoice skips a refresh it needs.
  const payments = (db.collections as Partial<Record<CollectionName, RxCollection>>).payments
  if (payments)
    cleanups.push(
      subscription(
        payments.eventBulks$.subscribe((bulk) => {
          const invoiceIds = bulk.events.map((event) => {
            const doc = (event.documentData ?? event.previousDocumentData) as Partial<Payment>
            return String(doc.invoiceId)
          })
          pulledBalances.paymentsWritten(invoiceIds)
          if (names.includes('payments')) balances.request(invoiceIds)
        }),
      ),
    )

  for (const name of names) {
    const collection = db[name] as unknown as RxCollection
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>()
    streams.set(name, stream$)
    let pushes = 0
    /** What the server said it had left after the last page: unknown (0) until the first answer. */
    let behind = 0
    const wait = backoff(retryMs, MAX_BACKOFF_MS)
    waits.push(wait)
    const failed = failing(wait)
    const state: RxReplicationState<unknown, Checkpoint> = replicateRxCollection<
      unknown,
      Checkpoint
    >({
      collection,
      // A new server is a new replication: its checkpoints mean nothing to the old one.
      replicationIdentifier: `fieldbill-${name}-${http.url}`,
      live: true,
      autoStart: false,
      retryTime: retryMs,
      waitForLeadership: db.multiInstance,
      pull: {
        batchSize: options.batchSize ?? 200,
        stream$: stream$.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const seq = checkpoint?.seq ?? 0
          const size = !checkpoint || behind > farBehind ? Math.max(batchSize, bulkPage) : batchSize
          const answer = await pullAfterPushes(
            state,
            () => pushes,
            () =>
              http
                .get<PullPage>(pullPath(name, { checkpoint: seq, batchSize: size }))
                .catch(failed),
          )
          wait.succeeded()
          behind = answer.remaining ?? 0
          tracker.markSynced(new Date().toISOString())
          options.onPulled?.(name, {
            received: answer.documents.length,
            remaining: answer.remaining ?? 0,
          })
          // Derived here rather than in a pull modifier, so the payments of the whole page are read at once.
          // Only this handler brings documents: stream$ says nothing but 'RESYNC'.
          const derivedAt = pulledBalances.derivingPage()
          const documents = await derivePulled(db, name, answer.documents)
          if (name === 'invoices') pulledBalances.derived(answer.documents, derivedAt)
          return { documents: documents as never[], checkpoint: answer.checkpoint }
        },
      },
      push: {
        batchSize: options.batchSize ?? 200,
        modifier: (doc) => toWire(name, doc) as never,
        handler: async (rows) => {
          pushes++
          const answer = await http.post<PushAnswer>(pushPath(name), { rows }).catch(failed)
          const back = await Promise.resolve()
            .then(() => settlePush(name, rows, answer, tracker))
            .catch(failed)
          wait.succeeded()
          tracker.markSynced(new Date().toISOString())
          return back as never[]
        },
      },
    })
    states.set(name, state)
    // A payment written (pulled, recorded here, or dropped after a refusal), or an invoice written (merged
    // with a balance derived from what the local version knew, or saved here while a pull derived its
    // balance), may leave the stored balance behind the payments on this device: such a write asks for a
    // refresh, which finds nothing to do when the balance is right. A pulled invoice asks only when a payment
    // of it was written after its page read the payments (pulledBalanceCheck).
    if (name === 'invoices')
      cleanups.push(
        subscription(
          collection.eventBulks$.subscribe((bulk) => {
            const pulled = bulk.context.startsWith(DOWNSTREAM)
            const ids = bulk.events
              .map((event) => event.documentId)
              .filter((id) => !pulled || pulledBalances.behind(id))
            if (ids.length > 0) balances.request(ids)
          }),
        ),
      )
    cleanups.push(
      subscription(state.error$.subscribe((e) => options.onError?.(e))),
      subscription(
        state.conflict$.subscribe(({ input, output }) => {
          if (REFUSED in input.realMasterState) return
          settleIfServerState(name, input, output, tracker)
          if (WITH_HISTORY.includes(name)) return
          const { document, lost } = mergeForSync(name, input)
          tracker.recordLost(name, document.id, lost)
        }),
      ),
    )
  }

  /**
   * One live stream for every collection: a browser opens at most 6 HTTP/1.1 connections to a server and each
   * stream holds one, so a stream per collection would leave pulls and pushes waiting.
   */
  function openStreams(): void {
    streamAbort = new AbortController()
    void readSse({
      url: `${http.url}${streamPath(names)}`,
      token: options.token,
      signal: streamAbort.signal,
      fetch: options.fetch,
      retryMs: options.retryMs,
      // Every event only says "pull now": a change for the collection it names, a resync for every collection.
      onEvent: (event) => {
        const changed = changedCollection(event)
        for (const [name, stream$] of streams)
          if (changed === undefined || changed === name) stream$.next('RESYNC')
      },
      // A token the server no longer takes ends the session here too, not only on the next pull or push.
      onError: (e) =>
        e instanceof SyncHttpError && e.status === 401
          ? options.onUnauthorized?.()
          : options.onError?.(e),
    })
  }

  function closeStreams(): void {
    for (const wait of waits) wait.interrupt()
    streamAbort?.abort()
  }

  await Promise.all([...states.values()].map((s) => s.start()))
  openStreams()

  return {
    states,
    // Not RxDB's own pause: a push answered while pausing is dropped there without its assumed master state
    // being written, and a later push can move the checkpoint past it, so the local change is never pushed
    // again and the pulls of that record are skipped for good. Failing requests are retried instead.
    pause() {
      offline = true
      closeStreams()
      return Promise.resolve()
    },
    resume() {
      offline = false
      closeStreams()
      openStreams()
      for (const state of states.values()) state.reSync()
      return Promise.resolve()
    },
    async awaitInSync() {
      await Promise.all([...states.values()].map((s) => s.awaitInSync()))
      // A refreshed balance is a local write of its own, pushed like any other.
      await balances.idle()
      await Promise.all([...states.values()].map((s) => s.awaitInSync()))
      await tracker.flush()
    },
    async stop() {
      closeStreams()
      for (const cleanup of cleanups) cleanup()
      await Promise.all([...states.values()].map((s) => s.cancel()))
      await balances.idle()
      for (const stream$ of streams.values()) stream$.complete()
      await tracker.flush()
    },
  }
}

/**
 * Fetches a page of a pull once no push of the collection is under way, and again if a push started meanwhile.
 *
 * Why: RxDB records what the server holds (the assumed master state) only after a push returns. A pulled record
 * that finds the local record different from the assumed master state is skipped as "a local change not pushed
 * yet", and the checkpoint moves past it. If that local change was in fact already accepted (its push answered,
 * its assumed master state not written yet), nothing pushes it again, and the newer master state, say another
 * device's edit made on top of it, is never applied: the device stays behind for good. The upstream queue
 * settles only after those writes, so a page fetched while it is idle is judged against the right state.
 */
async function pullAfterPushes<T>(
  state: RxReplicationState<unknown, Checkpoint>,
  pushCount: () => number,
  fetchPage: () => Promise<T>,
): Promise<T> {
  for (;;) {
    for (let queue = upstreamQueue(state); ; queue = upstreamQueue(state)) {
      await queue
      if (queue === upstreamQueue(state)) break
    }
    const before = pushCount()
    const page = await fetchPage()
    if (pushCount() === before) return page
  }
}

const upstreamQueue = (state: RxReplicationState<unknown, Checkpoint>) =>
  state.internalReplicationState?.streamQueue.up

const subscription = (s: { unsubscribe(): void }) => () => s.unsubscribe()

/** RxDB's writes of pulled states carry this context, followed by the replication's key. */
const DOWNSTREAM = 'replication-downstream-'

/**
 * A conflict whose merge is the server's state as it is (the local side only refreshed a balance, or its
 * change was already there): nothing is left to send, and RxDB may never push the merge (a pull that lands
 * first finds the record equal to the server's and writes over it). The push's pending entry is settled here.
 */
function settleIfServerState(
  name: CollectionName,
  input: { newDocumentState: unknown; realMasterState: unknown },
  output: unknown,
  tracker: SyncStateTracker,
): void {
  if (!jsonEqual(toWire(name, output as object), toWire(name, input.realMasterState as object)))
    return
  const pushed = input.newDocumentState as { id: string; updatedAt?: string }
  tracker.markSettled(name, pushed.id, pushed.updatedAt ?? '')
}
