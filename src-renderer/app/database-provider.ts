/**
 * The one open database of this page and its repositories, opened lazily on first use. A second RxDB instance on
 * the same name would close the first (`closeDuplicates`), so every store must come through here.
 *
 * The page opens either the rep's own database or the sample company's, a separate demo database that never
 * syncs. Which one is remembered in localStorage (a choice, not a secret), so a reload and the print window open
 * the same one; switching reloads the page, since two open databases would pass RxDB's collection limit and
 * every store holds records of the one it read.
 */
import { openDatabase } from '@renderer/data/database'
import {
  createRepositories,
  restoreDeviceUser,
  type Repositories,
} from '@renderer/data/repositories'
import { conflictHandlerFor } from '@renderer/sync/conflict-handler'
import { guardedDexieStorage } from '@renderer/sync/downstream-guard'

/** The IndexedDB name of the app's database. Never change it: a new name orphans every rep's data. */
export const APP_DATABASE_NAME = 'fieldbill'

/** The IndexedDB name of the sample company's demo database, apart from the rep's own. */
export const SAMPLE_DATABASE_NAME = 'fieldbill-sample'

/** The localStorage key naming the database the page opens ('sample', or absent for the rep's own). */
export const OPEN_DATABASE_KEY = 'fieldbill.openDatabase'

/** The sessionStorage key asking the page, once reloaded into the sample company, to load it. */
const SAMPLE_LOAD_REQUEST_KEY = 'fieldbill.sampleLoadRequested'

let opening: Promise<Repositories> | undefined

/** Whether this page opens (or has open) the sample company's demo database. */
export function isSampleDatabase(): boolean {
  return globalThis.localStorage?.getItem(OPEN_DATABASE_KEY) === 'sample'
}

/**
 * Chooses the database the next page load opens. The caller reloads the page; nothing in either database is
 * touched.
 *
 * @param loadSample - the sample company's database is to be filled (or finished) once open; 'DE' with the
 *   German company
 */
export function chooseDatabase(
  kind: 'own' | 'sample',
  loadSample: boolean | 'US' | 'DE' = false,
): void {
  if (kind === 'sample') globalThis.localStorage.setItem(OPEN_DATABASE_KEY, 'sample')
  else globalThis.localStorage.removeItem(OPEN_DATABASE_KEY)
  if (loadSample)
    globalThis.sessionStorage.setItem(SAMPLE_LOAD_REQUEST_KEY, loadSample === 'DE' ? 'DE' : '1')
}

/**
 * Whether the rep asked for the sample company just before this page load, and which one (answers once;
 * false when not asked).
 */
export function takeSampleLoadRequest(): false | 'US' | 'DE' {
  const asked = globalThis.sessionStorage?.getItem(SAMPLE_LOAD_REQUEST_KEY)
  if (asked) globalThis.sessionStorage.removeItem(SAMPLE_LOAD_REQUEST_KEY)
  if (!asked || !isSampleDatabase()) return false
  return asked === 'DE' ? 'DE' : 'US'
}

/**
 * Asks the browser to keep this origin's storage under pressure instead of evicting it (Chromium grants it to
 * installed and frequently used apps; Electron always). Without it, IndexedDB is "best effort" storage.
 *
 * @returns whether storage is persistent, or undefined where the API does not exist
 */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage || typeof storage.persist !== 'function') {
    console.info('[fieldbill] persistent storage: not available here')
    return undefined
  }
  const granted = (await storage.persisted()) || (await storage.persist())
  console.info(
    `[fieldbill] persistent storage: ${granted ? 'granted' : 'not granted (best effort)'}`,
  )
  return granted
}

async function open(): Promise<Repositories> {
  void requestPersistentStorage().catch((e: unknown) =>
    console.warn('[fieldbill] persistent storage request failed', e),
  )
  const name = isSampleDatabase() ? SAMPLE_DATABASE_NAME : APP_DATABASE_NAME
  const db = await openDatabase({
    name,
    multiInstance: true,
    conflictHandlerFor,
    storage: guardedDexieStorage(),
  })
  const repos = createRepositories(db)
  await restoreDeviceUser(db, repos.env)
  // A payment cut off half-way by a closed page is finished (or rolled back) before anything reads it.
  await repos.invoices.recoverPendingWrites()
  return repos
}

/**
 * The repositories of the app's database, opened once per page.
 *
 * @example
 * const repos = await getRepositories()
 * await repos.invoices.page({ page: 0, pageSize: 50 })
 */
export function getRepositories(): Promise<Repositories> {
  opening ??= open().catch((e: unknown) => {
    // A failed open (e.g. a migration whose backup could not be written) may be retried later.
    opening = undefined
    throw e
  })
  return opening
}

/**
 * Makes `getRepositories` answer with these repositories (store tests, with a fake-indexeddb database), or
 * forget the current ones when given undefined.
 */
export function provideRepositories(repos: Repositories | undefined): void {
  opening = repos ? Promise.resolve(repos) : undefined
}
