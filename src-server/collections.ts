/**
 * The replicated collections, one row each: the names are those of the desktop's RxDB store
 * (src-renderer/data/collections.ts), and each says how a pushed record is checked and who may see and write it.
 *
 * - `owner`: 'shared' records (the catalog, the company settings) are read by everyone and belong to no one;
 *   'self' is a customer, owned by its `ownerId`; 'customer' records belong to the owner of their `customerId`.
 * - `writers`: the roles that may push at all; reps are further held to their own customers.
 * - `lifecycle`: orders and invoices, whose state changes follow src-core's lifecycle (checkTransition).
 * - `priced`: documents with lines, whose amounts and totals the server recomputes (checkTotals).
 * - `numbered`: the `number` is unique in the collection (a unique index guards it).
 */
import { COLLECTION_RECORDS, type RecordCollection } from '@core/documents/collection-records'
import {
  checkDiscountList,
  checkPriceList,
  checkUnitGroup,
  type FieldErrors,
} from '@core/documents/catalog'
import type { ActorRole } from '@core/documents/types'
import type { SafeResult, Schema } from '@core/schema'

export type OwnerRule = 'shared' | 'self' | 'customer'

export interface CollectionSpec {
  name: RecordCollection
  parse(input: unknown): SafeResult<Record<string, unknown> & { id: string }>
  owner: OwnerRule
  writers: readonly ActorRole[]
  lifecycle?: boolean
  priced?: boolean
  numbered?: boolean
}

type Parser = CollectionSpec['parse']

const from =
  (schema: Schema<unknown>): Parser =>
  (input) =>
    schema.safeParse(input) as ReturnType<Parser>

/** The rules beyond the shape, the same the desktop's screens and repository apply (src-core/documents/catalog). */
const CATALOG_REF_CHECKS: Readonly<Record<string, (value: never) => FieldErrors>> = {
  unitGroup: checkUnitGroup,
  discountList: checkDiscountList,
  priceList: checkPriceList,
}

/**
 * Unit groups, discount lists and price lists share one collection on the desktop, told apart by `kind`; each is
 * checked by its own src-core schema, then by its catalog rules.
 */
const parseCatalogRef: Parser = (input) => {
  const parsed = COLLECTION_RECORDS.catalogrefs.safeParse(input)
  if (!parsed.ok) return parsed
  const errors = CATALOG_REF_CHECKS[parsed.value.kind]?.(parsed.value as never) ?? {}
  const [field, reason] = Object.entries(errors)[0] ?? []
  if (field) return { ok: false, error: `${field}: ${reason}` }
  return parsed
}

const ADMIN: readonly ActorRole[] = ['admin']
const EVERYONE: readonly ActorRole[] = ['rep', 'integration', 'admin']

/** Each collection's rules; a record is checked by its collection's src-core record schema unless said here. */
const RULES: ReadonlyArray<Omit<CollectionSpec, 'parse'> & { parse?: Parser }> = [
  { name: 'settings', owner: 'shared', writers: ADMIN },
  { name: 'products', owner: 'shared', writers: ADMIN },
  { name: 'catalogrefs', parse: parseCatalogRef, owner: 'shared', writers: ADMIN },
  { name: 'pricelistitems', owner: 'shared', writers: ADMIN },
  { name: 'customers', owner: 'self', writers: EVERYONE },
  { name: 'opportunities', owner: 'customer', writers: EVERYONE, priced: true },
  {
    name: 'orders',
    owner: 'customer',
    writers: EVERYONE,
    lifecycle: true,
    priced: true,
    numbered: true,
  },
  {
    name: 'invoices',
    owner: 'customer',
    writers: EVERYONE,
    lifecycle: true,
    priced: true,
    numbered: true,
  },
  { name: 'payments', owner: 'customer', writers: EVERYONE },
]

const LIST: readonly CollectionSpec[] = RULES.map((rules) => ({
  ...rules,
  parse: rules.parse ?? from(COLLECTION_RECORDS[rules.name]),
}))

/** Every collection by name. */
export const COLLECTIONS: ReadonlyMap<string, CollectionSpec> = new Map(
  LIST.map((spec) => [spec.name, spec]),
)

/** The collections whose records follow a customer's owner (re-stamped when a customer changes hands). */
export const CUSTOMER_OWNED = LIST.filter((c) => c.owner === 'customer')
  .map((c) => c.name)
  .sort()

/**
 * The advisory lock key of a collection: one fixed number per collection, so every writer of it queues on the
 * same lock whatever process it runs in.
 */
export function lockKey(collection: string): number {
  const index = LIST.findIndex((c) => c.name === collection)
  if (index < 0) throw new Error(`Unknown collection ${collection}`)
  return 7_438_100 + index
}
