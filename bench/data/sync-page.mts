/**
 * One laptop of the sync benchmark (bench/sync-laptops.bench-run.ts): the app's database on this page's
 * IndexedDB and the app's own replication (`startSync`, every collection, the app's defaults), exposed as
 * `window.laptop`. Times are wall-clock milliseconds (`performance.timeOrigin + performance.now()`), so two
 * pages of one browser on one machine can be compared.
 */
import Dexie from 'dexie'
import type { Actor } from '../../src-core/documents'
import {
  closeDatabase,
  createRepositories,
  openDatabase,
  signInDeviceUser,
  type Repositories,
} from '../../src-renderer/data'
import { startSync, type SyncSession } from '../../src-renderer/sync/replication'
import { loadSyncState, type SyncStateTracker } from '../../src-renderer/sync/sync-state'
import { conflictHandlerFor } from '../../src-renderer/sync/conflict-handler'
import { guardedDexieStorage } from '../../src-renderer/sync/downstream-guard'

let repos: Repositories | undefined
/** The IndexedDB database in which RxDB's Dexie storage keeps this laptop's invoices. */
let invoicesIdb = ''
let session: SyncSession | undefined
let tracker: SyncStateTracker | undefined
const errors: string[] = []
const watches = new Map<string, Promise<number>>()

const now = () => performance.timeOrigin + performance.now()

function opened(): Repositories {
  if (!repos) throw new Error('open() first')
  return repos
}

/** Opens an empty database as the app does (every collection, several tabs allowed, the app's storage). */
async function open(name: string): Promise<void> {
  repos = createRepositories(
    await openDatabase({
      name,
      multiInstance: true,
      conflictHandlerFor,
      storage: guardedDexieStorage(),
    }),
  )
  invoicesIdb = `rxdb-dexie-${name}--${repos.db.invoices.schema.version}--invoices`
}

/**
 * Connects as `user` and waits for the first sync of every collection. The laptop acts as that user from then
 * on, as the app's Connect makes it (sync-store.ts): the server refuses an edit whose history names anyone but
 * the signed-in user, so a laptop still acting as the placeholder user has every edit refused.
 *
 * @returns the milliseconds from the start of replication until every collection has pulled and pushed all
 *   (and until each collection had), and how many invoices the laptop then holds
 */
async function firstSync(
  url: string,
  token: string,
  user: Actor,
  trace = false,
): Promise<{ ms: number; perCollection: Record<string, number>; invoices: number }> {
  const { db, env } = opened()
  await signInDeviceUser(db, env, user)
  tracker = await loadSyncState(db)
  const start = performance.now()
  session = await startSync({
    db,
    tracker,
    url,
    token,
    onError: (e) => errors.push(e instanceof Error ? e.message : String(e)),
    // BENCH_SYNC_TRACE: each pulled page on the console, to see where a slow first sync spends its time.
    ...(trace
      ? {
          onPulled: (name: string, p: { received: number; remaining: number }) =>
            console.warn(
              `${Math.round(performance.now() - start)} ms ${name} +${p.received}, ${p.remaining} left`,
            ),
        }
      : {}),
  })
  const perCollection: Record<string, number> = {}
  await Promise.all(
    [...session.states].map(async ([name, state]) => {
      await state.awaitInitialReplication()
      perCollection[name] = Math.round(performance.now() - start)
    }),
  )
  const ms = performance.now() - start
  return { ms, perCollection, invoices: await db.invoices.count().exec() }
}

/** Resolves (with the time) once this laptop's copy of the invoice has `name`. Call before the edit. */
function watch(id: string, name: string): void {
  const { db } = opened()
  watches.set(
    `${id}:${name}`,
    new Promise((resolve) => {
      const sub = db.invoices.findOne(id).$.subscribe((doc) => {
        if (doc?.name !== name) return
        const at = now()
        queueMicrotask(() => sub.unsubscribe())
        resolve(at)
      })
    }),
  )
}

/** The time the watched value arrived, or null after `timeoutMs`. */
async function arrived(id: string, name: string, timeoutMs: number): Promise<number | null> {
  const watched = watches.get(`${id}:${name}`)
  if (!watched) throw new Error(`no watch on ${id}:${name}`)
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
  const at = await Promise.race([watched, timeout])
  watches.delete(`${id}:${name}`)
  return at
}

/** Renames the invoice as the invoice form's Save does (the repository's command); answers when it began and ended. */
async function edit(id: string, name: string): Promise<{ start: number; end: number }> {
  const start = now()
  const result = await opened().invoices.apply(id, { type: 'editHeader', changes: { name } })
  const end = now()
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result)}`)
  return { start, end }
}

async function count(): Promise<number> {
  return opened().db.invoices.count().exec()
}

/** The pushes the server refused so far, as the rep would see them (collection, id, code and reason). */
function refusals(): string[] {
  return (tracker?.rejections() ?? []).map((r) => `${r.collection}/${r.id} ${r.code}: ${r.reason}`)
}

/** Stops syncing and closes the database; answers every error and refused push seen meanwhile. */
async function close(): Promise<string[]> {
  await session?.stop()
  const refused = refusals()
  if (repos) await closeDatabase(repos.db)
  return [...errors, ...refused]
}

/** Milliseconds of `write` over the stored invoices, read `page` at a time from the closed laptop's IndexedDB. */
async function timeWrites(
  page: number,
  write: (rows: Array<Record<string, unknown>>) => Promise<unknown>,
): Promise<{ ms: number; docs: number }> {
  const source = new Dexie(invoicesIdb)
  await source.open()
  const table = source.table('docs')
  let ms = 0
  let docs = 0
  let after: unknown = Dexie.minKey
  try {
    for (;;) {
      const rows = (await table.where(':id').above(after).limit(page).toArray()) as Array<
        Record<string, unknown>
      >
      if (rows.length === 0) break
      after = rows.at(-1)?.id
      const start = performance.now()
      await write(rows)
      ms += performance.now() - start
      docs += rows.length
    }
  } finally {
    source.close()
  }
  return { ms, docs }
}

/**
 * What the storage alone achieves with the invoices this laptop pulled, after `close()`: the same stored rows
 * written `page` at a time into a new Dexie table with the same indexes (no RxDB), and inserted through RxDB
 * into a new app database (the Dexie storage, every index, several tabs allowed; no replication).
 *
 * @returns documents per second of each
 */
async function storageCeiling(
  page: number,
): Promise<{ rawDexie: number; rxdb: number; docs: number }> {
  const source = new Dexie(invoicesIdb)
  await source.open()
  const { primKey, indexes } = source.table('docs').schema
  source.close()
  const stamp = Date.now().toString(36)
  const raw = new Dexie(`ceiling-raw-${stamp}`)
  raw.version(1).stores({ docs: [primKey.src, ...indexes.map((i) => i.src)].join(',') })
  const rawTable = raw.table('docs')
  const rawTimes = await timeWrites(page, (rows) =>
    raw.transaction('rw', rawTable, () => rawTable.bulkPut(rows)),
  )
  raw.close()
  await Dexie.delete(raw.name)

  const name = `ceiling-rxdb-${stamp}`
  const db = await openDatabase({ name, multiInstance: true, conflictHandlerFor })
  const rxTimes = await timeWrites(page, (rows) =>
    db.invoices.bulkInsert(
      rows.map((row) => {
        const { _meta, _rev, _attachments, _deleted, ...doc } = row
        return doc as never
      }),
    ),
  )
  await db.remove()
  return {
    rawDexie: rawTimes.docs / (rawTimes.ms / 1000),
    rxdb: rxTimes.docs / (rxTimes.ms / 1000),
    docs: rxTimes.docs,
  }
}

const laptop = { open, firstSync, watch, arrived, edit, count, refusals, close, storageCeiling }

declare global {
  interface Window {
    laptop: typeof laptop
  }
}

window.laptop = laptop
