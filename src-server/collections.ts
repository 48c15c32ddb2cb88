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
import {
  orderSchema,
  invoiceSchema,
  opportunitySchema,
  paymentSchema,
} from '@core/documents/schemas'
import * as records from '@core/documents/record-schemas'
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
  name: string
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

/**
 * Unit groups, discount lists and price lists share one collection on the desktop, told apart by `kind`; each is
 * checked by its own src-core schema.
 */
const CATALOG_REF_SCHEMAS: Readonly<Record<string, Schema<unknown>>> = {
  unitGroup: records.unitGroupSchema,
  discountList: records.discountListSchema,
  priceList: records.priceListSchema,
}

/** The rules beyond the shape, the same the desktop's screens and repository apply (src-core/documents/catalog). */
const CATALOG_REF_CHECKS: Readonly<Record<string, (value: never) => FieldErrors>> = {
  unitGroup: checkUnitGroup,
  discountList: checkDiscountList,
  priceList: checkPriceList,
}

const parseCatalogRef: Parser = (input) => {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: 'expected an object' }
  const { kind, ...rest } = input as Record<string, unknown>
  const schema = typeof kind === 'string' ? CATALOG_REF_SCHEMAS[kind] : undefined
  if (!schema)
    return { ok: false, error: 'kind: expected one of unitGroup, discountList, priceList' }
  const parsed = schema.safeParse(rest)
  if (!parsed.ok) return parsed
  const errors = CATALOG_REF_CHECKS[kind as string]?.(parsed.value as never) ?? {}
  const [field, reason] = Object.entries(errors)[0] ?? []
  if (field) return { ok: false, error: `${field}: ${reason}` }
  return { ok: true, value: { kind, ...(parsed.value as { id: string }) } }
}

const ADMIN: readonly ActorRole[] = ['admin']
const EVERYONE: readonly ActorRole[] = ['rep', 'integration', 'admin']

const LIST: readonly CollectionSpec[] = [
  { name: 'settings', parse: from(records.companySettingsSchema), owner: 'shared', writers: ADMIN },
  { name: 'products', parse: from(records.productSchema), owner: 'shared', writers: ADMIN },
  { name: 'catalogrefs', parse: parseCatalogRef, owner: 'shared', writers: ADMIN },
  {
    name: 'pricelistitems',
    parse: from(records.priceListItemSchema),
    owner: 'shared',
    writers: ADMIN,
  },
  { name: 'customers', parse: from(records.customerSchema), owner: 'self', writers: EVERYONE },
  {
    name: 'opportunities',
    parse: from(opportunitySchema),
    owner: 'customer',
    writers: EVERYONE,
    priced: true,
  },
  {
    name: 'orders',
    parse: from(orderSchema),
    owner: 'customer',
    writers: EVERYONE,
    lifecycle: true,
    priced: true,
    numbered: true,
  },
  {
    name: 'invoices',
    parse: from(invoiceSchema),
    owner: 'customer',
    writers: EVERYONE,
    lifecycle: true,
    priced: true,
    numbered: true,
  },
  { name: 'payments', parse: from(paymentSchema), owner: 'customer', writers: EVERYONE },
]

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
