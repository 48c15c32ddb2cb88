/**
 * The one open local database of this window and its repositories, for the workflow stores (invoice, order and
 * catalog screens). Opened on first use and shared: a second RxDB instance on the same name would close the
 * first (`closeDuplicates`), so every store must come through here.
 *
 * TODO(data layer): when the data-layer stores land with their own database provider, this function delegates
 * to it, so that the whole app holds exactly one instance.
 */
import { createRepositories, openDatabase, type Repositories } from '../data'

let opening: Promise<Repositories> | undefined

/** The repositories of the app's database ('fieldbill'), opened once per window. */
export function localRepositories(): Promise<Repositories> {
  opening ??= openDatabase({ name: 'fieldbill', multiInstance: true }).then(async (db) => {
    const repos = createRepositories(db)
    await repos.invoices.recoverPendingWrites()
    return repos
  })
  return opening
}
