/**
 * The repositories: the only code that reads or writes the database. Each maps stored documents to src-core
 * types and back, and runs every write through the src-core rules.
 *
 * @example
 * const repos = createRepositories(db)
 * const page = await repos.invoices.page({ page: 0, pageSize: 50, sort: 'due', filter: { state: 'active' } })
 */
import { debounceTime, merge, type Observable } from 'rxjs'
import type { CollectionName, Database } from '../collections'
import { createCatalogRepository, type CatalogRepository } from './catalog'
import { createCustomerRepository, type CustomerRepository } from './customers'
import { defaultEnv, type RepositoryEnv } from './env'
import { createInvoiceRepository } from './invoices'
import { createOpportunityRepository, type OpportunityRepository } from './opportunities'
import { createOrderRepository } from './orders'
import { repriceUnlockedDocuments } from './repricing'
import type {
  InvoiceRepository,
  OrderRepository,
  PriceChange,
  RepriceResult,
} from './repository-types'
import { createReceivablesRepository, type ReceivablesRepository } from './receivables'
import { createSettingsRepository, type SettingsRepository } from './settings'

export * from './catalog'
export * from './customers'
export * from './device-user'
export * from './document-lists'
export * from './env'
export * from './invoices'
export { matchesSearch, searchWords } from './list-index'
export * from './opportunities'
export * from './orders'
export * from './paging'
export * from './receivables'
export * from './repricing'
export type * from './repository-types'
export * from './settings'

/** How long a burst of writes (a sync page, an import) is gathered into one `changes` signal. */
const CHANGES_DEBOUNCE_MS = 100

export interface Repositories {
  db: Database
  env: RepositoryEnv
  customers: CustomerRepository
  catalog: CatalogRepository
  opportunities: OpportunityRepository
  orders: OrderRepository
  invoices: InvoiceRepository
  settings: SettingsRepository
  receivables: ReceivablesRepository
  /** Reprices unlocked active orders and invoices using the products (also run by every catalog save). */
  reprice(change: PriceChange): Promise<RepriceResult>
  /** Emits after writes to these collections (repository saves and pulled changes alike), at most every 100 ms. */
  changes(collections: readonly CollectionName[]): Observable<unknown>
}

/** All repositories of one open database, wired together. */
export function createRepositories(db: Database, env: RepositoryEnv = defaultEnv()): Repositories {
  const settings = createSettingsRepository(db, env)
  const catalog = createCatalogRepository(db, env, (change) => repos.reprice(change))
  const orders = createOrderRepository(db, env, { catalog, settings })
  const invoices = createInvoiceRepository(db, env, { catalog, settings })
  const repos: Repositories = {
    db,
    env,
    customers: createCustomerRepository(db, env),
    catalog,
    opportunities: createOpportunityRepository(db, env, { catalog }),
    orders,
    invoices,
    settings,
    receivables: createReceivablesRepository(db),
    reprice: (change) => repriceUnlockedDocuments(db, env, { catalog, orders, invoices }, change),
    changes: (collections) =>
      merge(...collections.map((name) => db[name].$)).pipe(debounceTime(CHANGES_DEBOUNCE_MS)),
  }
  return repos
}
