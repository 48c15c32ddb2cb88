/**
 * The repositories of the app's one open database, for the workflow stores (invoice, order and catalog screens).
 * Kept as the stores' single import so that where the database comes from is decided in one place: the data
 * layer's provider, which opens it once per page (a second RxDB instance on the same name would close the first).
 */
import { getRepositories } from '@renderer/data/database-provider'
import type { Repositories } from '@renderer/data'

/** The repositories of the app's database ('fieldbill'), opened once per page. */
export function localRepositories(): Promise<Repositories> {
  return getRepositories()
}
