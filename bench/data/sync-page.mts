/**
 * One laptop of the sync benchmark (bench/sync-laptops.bench-run.ts): the app's database on this page's
 * IndexedDB and the app's own replication (`startSync`, every collection, the app's defaults), exposed as
 * `window.laptop`. Times are wall-clock milliseconds (`performance.timeOrigin + performance.now()`), so two
 * pages of one browser on one machine can be compared.
 */
import {
  closeDatabase,
  createRepositories,
  openDatabase,
  type Repositories,
} from '../../src-renderer/data'
import { startSync, type SyncSession } from '../../src-renderer/sync/replication'
import { loadSyncState } from '../../src-renderer/sync/sync-state'

let repos: Repositories | undefined
let session: SyncSession | undefined
const errors: string[] = []
const watches = new Map<string, Promise<number>>()

const now = () => performance.timeOrigin + performance.now()

function opened(): Repositories {
  if (!repos) throw new Error('open() first')
  return repos
}

/** Opens an empty database as the app does (every collection, several tabs allowed). */
async function open(name: string): Promise<void> {
  repos = createRepositories(await openDatabase({ name, multiInstance: true }))
}

/**
 * Connects and waits for the first sync of every collection.
 *
 * @returns the milliseconds from the start of replication until every collection has pulled and pushed all
 *   (and until each collection had), and how many invoices the laptop then holds
 */
async function firstSync(
  url: string,
  token: string,
): Promise<{ ms: number; perCollection: Record<string, number>; invoices: number }> {
  const { db } = opened()
  const tracker = await loadSyncState(db)
  const start = performance.now()
  session = await startSync({
    db,
    tracker,
    url,
    token,
    onError: (e) => errors.push(e instanceof Error ? e.message : String(e)),
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

async function close(): Promise<string[]> {
  await session?.stop()
  if (repos) await closeDatabase(repos.db)
  return errors
}

const laptop = { open, firstSync, watch, arrived, edit, count, close }

declare global {
  interface Window {
    laptop: typeof laptop
  }
}

window.laptop = laptop
