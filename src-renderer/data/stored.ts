/**
 * Mapping between src-core records and what the collections store: add the derived index keys on the way in,
 * strip them (and RxDB's own `_` fields) on the way out. Pure functions, shared by repositories and migrations.
 */
import {
  balanceDue,
  type CompanySettings,
  type Customer,
  type DiscountList,
  type Invoice,
  type Order,
  type LedgerEntry,
  type PriceList,
  type Product,
  type UnitGroup,
} from '@core/documents'
import {
  dateAmountDescKey,
  decimalSortKey,
  nameKey,
  newestFirstKey,
  NO_DATE_KEY,
} from './sort-keys'
import type { CatalogRefDoc, CustomerDoc, InvoiceDoc, OrderDoc, ProductDoc } from './stored-types'

/** Copies `doc` without the listed keys and without RxDB's `_meta`, `_rev`, `_attachments`, `_deleted`. */
export function without<T extends object>(doc: object, keys: readonly string[]): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('_') || keys.includes(key)) continue
    out[key] = value
  }
  return out as T
}

export function toCustomerDoc(customer: Customer): CustomerDoc {
  return { ...customer, nameKey: nameKey(customer.name) }
}
export const fromCustomerDoc = (doc: object): Customer => without(doc, ['nameKey'])

export function toProductDoc(product: Product): ProductDoc {
  return { ...product, nameKey: nameKey(product.name) }
}
export const fromProductDoc = (doc: object): Product => without(doc, ['nameKey'])

/** The src-core type behind each catalog reference kind. */
export interface CatalogRefs {
  unitGroup: UnitGroup
  discountList: DiscountList
  priceList: PriceList
}

export function toCatalogRefDoc<K extends keyof CatalogRefs>(
  kind: K,
  record: CatalogRefs[K],
): CatalogRefDoc {
  return { ...record, kind, nameKey: nameKey(record.name) } as CatalogRefDoc
}
export function fromCatalogRefDoc<K extends keyof CatalogRefs>(doc: object): CatalogRefs[K] {
  return without(doc, ['kind', 'nameKey'])
}

/** The index keys each stored collection derives from its record; the sync strips them before a push. */
export const ORDER_DERIVED_FIELDS = [
  'deliveryDateKey',
  'totalKey',
  'createdAtDescKey',
  'deliveryDescKey',
] as const
export const INVOICE_DERIVED_FIELDS = [
  'balanceDue',
  'balanceKey',
  'dueDateKey',
  'createdAtDescKey',
  'dueDescKey',
] as const

/** The stored order: every write path (repositories, sample load, restore, sync, migrations) comes here. */
export function toOrderDoc(order: Order): OrderDoc {
  const deliveryDateKey = order.requestedDeliveryDate ?? NO_DATE_KEY
  const totalKey = decimalSortKey(order.totals.totalAmount)
  return {
    ...order,
    deliveryDateKey,
    totalKey,
    createdAtDescKey: newestFirstKey(order.createdAt),
    deliveryDescKey: dateAmountDescKey(deliveryDateKey, totalKey),
  }
}
export const fromOrderDoc = (doc: object): Order => without(doc, ORDER_DERIVED_FIELDS)

/**
 * The stored invoice with its balance derived from `payments` (only this invoice's are counted).
 *
 * @param payments - every ledger entry of the invoice, including one being recorded in the same save
 */
export function toInvoiceDoc(invoice: Invoice, payments: readonly LedgerEntry[]): InvoiceDoc {
  return toInvoiceDocWithBalance(invoice, balanceDue(invoice, payments))
}

/**
 * The stored invoice with a balance due already known (a v1 document stores it): where every derived key of an
 * invoice is computed.
 */
export function toInvoiceDocWithBalance(invoice: Invoice, balance: string): InvoiceDoc {
  const balanceKey = decimalSortKey(balance)
  const dueDateKey = invoice.dueDate ?? NO_DATE_KEY
  return {
    ...invoice,
    balanceDue: balance,
    balanceKey,
    dueDateKey,
    createdAtDescKey: newestFirstKey(invoice.createdAt),
    dueDescKey: dateAmountDescKey(dueDateKey, balanceKey),
  }
}
export const fromInvoiceDoc = (doc: object): Invoice => without(doc, INVOICE_DERIVED_FIELDS)

/** The plain record of any collection that stores src-core records unchanged. */
export const plain = <T extends object>(doc: object): T => without<T>(doc, [])

export const fromSettingsDoc = (doc: object): CompanySettings => plain(doc)
