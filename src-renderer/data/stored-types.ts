/**
 * What each collection stores: the src-core record, plus the derived index keys a list query needs. The
 * repositories add these keys on every write (`toStored*`) and strip them on every read, so the rest of the app
 * only ever sees src-core types.
 */
import type {
  CompanySettings,
  Customer,
  DiscountBand,
  Id,
  Invoice,
  IsoDateTime,
  Opportunity,
  Order,
  LedgerEntry,
  Payment,
  PriceListItem,
  Product,
  Unit,
} from '@core/documents'

export interface CustomerDoc extends Customer {
  /** Lower-cased name: case-insensitive sort and prefix search (sort-keys.ts). */
  nameKey: string
}

export interface ProductDoc extends Product {
  nameKey: string
}

/** The kinds of small reference records that share the `catalogrefs` collection. */
export type CatalogRefKind = 'unitGroup' | 'discountList' | 'priceList'

/**
 * Unit groups, discount lists and price lists: a few dozen records each, always read whole, so they share one
 * collection (RxDB open-core allows 13 open collections per process). `kind` says which src-core type it is.
 */
export interface CatalogRefDoc {
  id: Id
  kind: CatalogRefKind
  updatedAt: IsoDateTime
  name: string
  nameKey: string
  // UnitGroup
  primaryUnitId?: Id
  units?: Unit[]
  // DiscountList
  type?: 'percentage' | 'amount'
  bands?: DiscountBand[]
  // PriceList
  currencyCode?: string
  validFrom?: string
  validTo?: string
}

export type PriceListItemDoc = PriceListItem

export type OpportunityDoc = Opportunity

export interface OrderDoc extends Order {
  /** requestedDeliveryDate, or NO_DATE_KEY: indexed fields must always be present. */
  deliveryDateKey: string
  /** decimalSortKey(totals.totalAmount). */
  totalKey: string
  /** newestFirstKey(createdAt): newest-first lists sort ascending on it (sort-keys.ts). */
  createdAtDescKey: string
  /** dateAmountDescKey(deliveryDateKey, totalKey): the delivery list, latest and largest first. */
  deliveryDescKey: string
}

export interface InvoiceDoc extends Invoice {
  /**
   * totalAmount − Σ payments, derived from the payments collection. Stored (denormalised) because "open invoices
   * by due date and balance" must be an index query, and IndexedDB cannot index a value computed across two
   * collections. The invoice repository rewrites it whenever a payment or the total changes, and
   * `repairBalances` recomputes it from the payments (the truth) after an interrupted write.
   */
  balanceDue: string
  /** decimalSortKey(balanceDue). */
  balanceKey: string
  /** dueDate, or NO_DATE_KEY. */
  dueDateKey: string
  /** newestFirstKey(createdAt): newest-first lists sort ascending on it (sort-keys.ts). */
  createdAtDescKey: string
  /** dateAmountDescKey(dueDateKey, balanceKey): the due list, latest and largest first. */
  dueDescKey: string
}

/** A record of the payments ledger: a payment, a void or a refund. */
export type PaymentDoc = LedgerEntry

/** Every field a ledger record may have, for its RxDB schema (a void has no amount, currency or method). */
export type PaymentDocFields = Omit<Payment, 'kind'> & {
  kind: LedgerEntry['kind']
  voidsPaymentId?: string
  reason?: string
}

export type SettingsDoc = CompanySettings
