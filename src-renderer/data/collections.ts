/**
 * The collections of a Fieldbill database: nine, well inside RxDB open-core's limit of 13 open collections per
 * process (a second database open at the same time would pass it, so tests close each database they open).
 */
import type { RxCollection, RxCollectionCreator, RxConflictHandler, RxDatabase } from 'rxdb'
import {
  catalogRefSchema,
  customerSchema,
  priceListItemSchema,
  productSchema,
  settingsSchema,
} from './schemas/catalog'
import { invoiceSchema, opportunitySchema, orderSchema, paymentSchema } from './schemas/documents'
import { migrationStrategies } from './migrations'
import { dropLargeUnwatchedQueries } from './query-cache-policy'
import type {
  CatalogRefDoc,
  CustomerDoc,
  InvoiceDoc,
  OpportunityDoc,
  OrderDoc,
  PaymentDoc,
  PriceListItemDoc,
  ProductDoc,
  SettingsDoc,
} from './stored-types'

export interface Collections {
  customers: RxCollection<CustomerDoc>
  products: RxCollection<ProductDoc>
  catalogrefs: RxCollection<CatalogRefDoc>
  pricelistitems: RxCollection<PriceListItemDoc>
  opportunities: RxCollection<OpportunityDoc>
  orders: RxCollection<OrderDoc>
  invoices: RxCollection<InvoiceDoc>
  payments: RxCollection<PaymentDoc>
  settings: RxCollection<SettingsDoc>
}

/** An open Fieldbill database: `db.invoices`, `db.customers`, … are its RxDB collections. */
export type Database = RxDatabase<Collections>

export type CollectionName = keyof Collections

/**
 * Creation order matters for migrations: payments come before invoices, whose v1 migration derives the balance
 * due from them.
 */
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'settings',
  'customers',
  'products',
  'catalogrefs',
  'pricelistitems',
  'opportunities',
  'payments',
  'orders',
  'invoices',
]

/**
 * How a replicated collection settles a sync conflict. The sync client provides it (sync/conflict-handler.ts, on
 * src-core's merge) and whoever opens the database hands it in: data/ never imports sync/.
 */
export type ConflictHandlerFor = (collection: CollectionName) => RxConflictHandler<unknown>

/** The RxDB collection definitions, with migrations that the database runs itself after taking a backup. */
export function collectionCreators(
  conflictHandlerFor: ConflictHandlerFor,
): Record<CollectionName, RxCollectionCreator> {
  const defs: Record<CollectionName, RxCollectionCreator> = {
    settings: { schema: settingsSchema, migrationStrategies: migrationStrategies.settings },
    customers: { schema: customerSchema, migrationStrategies: migrationStrategies.customers },
    products: { schema: productSchema, migrationStrategies: migrationStrategies.products },
    catalogrefs: { schema: catalogRefSchema },
    pricelistitems: { schema: priceListItemSchema },
    opportunities: {
      schema: opportunitySchema,
      migrationStrategies: migrationStrategies.opportunities,
    },
    payments: { schema: paymentSchema, migrationStrategies: migrationStrategies.payments },
    orders: { schema: orderSchema, migrationStrategies: migrationStrategies.orders },
    invoices: { schema: invoiceSchema, migrationStrategies: migrationStrategies.invoices },
  }
  for (const [name, def] of Object.entries(defs) as Array<[CollectionName, RxCollectionCreator]>) {
    def.autoMigrate = false
    // Sync conflicts go through src-core's merge; RxDB's default handler would drop the local edit.
    def.conflictHandler = conflictHandlerFor(name)
    def.cacheReplacementPolicy = dropLargeUnwatchedQueries
  }
  return defs
}
