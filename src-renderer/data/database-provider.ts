/**
 * The one open database of this page and its repositories, opened lazily on first use. A second RxDB instance on
 * the same name would close the first (`closeDuplicates`), so every store must come through here.
 */
import { openDatabase } from './database'
import { createRepositories, restoreDeviceUser, type Repositories } from './repositories'

/** The IndexedDB name of the app's database. Never change it: a new name orphans every rep's data. */
export const APP_DATABASE_NAME = 'fieldbill'

let opening: Promise<Repositories> | undefined

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
  const db = await openDatabase({ name: APP_DATABASE_NAME, multiInstance: true })
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
