/**
 * What a backup holds: the src-core records of every collection, each with the schema it is checked against on
 * restore. The order is the order a restore writes them in (references before what refers to them).
 */
import {
  companySettingsRecordSchema,
  customerRecordSchema,
  discountListRecordSchema,
  priceListItemRecordSchema,
  priceListRecordSchema,
  productRecordSchema,
  unitGroupRecordSchema,
} from '@core/documents/record-schemas'
import {
  invoiceSchema,
  opportunitySchema,
  orderSchema,
  paymentSchema,
} from '@core/documents/schemas'
import type {
  CompanySettings,
  Customer,
  DiscountList,
  Invoice,
  Opportunity,
  Order,
  LedgerEntry,
  PriceList,
  PriceListItem,
  Product,
  UnitGroup,
} from '@core/documents/types'
import type { Schema } from '@core/schema'

/** The records of each collection of a backup. */
export interface BackupData {
  settings: CompanySettings[]
  customers: Customer[]
  unitGroups: UnitGroup[]
  priceLists: PriceList[]
  discountLists: DiscountList[]
  products: Product[]
  priceListItems: PriceListItem[]
  opportunities: Opportunity[]
  orders: Order[]
  invoices: Invoice[]
  payments: LedgerEntry[]
}

export type BackupCollection = keyof BackupData

/** Each collection's schema, and what one of its records is called in a message. */
export const BACKUP_COLLECTIONS_SCHEMAS: {
  readonly [K in BackupCollection]: { schema: Schema<BackupData[K][number]>; label: string }
} = {
  settings: { schema: companySettingsRecordSchema, label: 'company settings record' },
  customers: { schema: customerRecordSchema, label: 'customer' },
  unitGroups: { schema: unitGroupRecordSchema, label: 'unit group' },
  priceLists: { schema: priceListRecordSchema, label: 'price list' },
  discountLists: { schema: discountListRecordSchema, label: 'discount list' },
  products: { schema: productRecordSchema, label: 'product' },
  priceListItems: { schema: priceListItemRecordSchema, label: 'price list item' },
  opportunities: { schema: opportunitySchema, label: 'opportunity' },
  orders: { schema: orderSchema, label: 'order' },
  invoices: { schema: invoiceSchema, label: 'invoice' },
  payments: { schema: paymentSchema, label: 'payment' },
}

export const BACKUP_COLLECTIONS = Object.keys(BACKUP_COLLECTIONS_SCHEMAS) as BackupCollection[]

/** A backup with no records: the start for building one, and what an empty database backs up to. */
export function emptyBackupData(): BackupData {
  return {
    settings: [],
    customers: [],
    unitGroups: [],
    priceLists: [],
    discountLists: [],
    products: [],
    priceListItems: [],
    opportunities: [],
    orders: [],
    invoices: [],
    payments: [],
  }
}
