/**
 * The record schema of each stored collection, by the collection's name (the desktop's RxDB store and the sync
 * server use the same names): the one definition of a record's shape. The repositories, the sync server and a
 * backup's restore check records with it; the desktop's RxDB schemas are made from its JSON Schema
 * (src-renderer/data/schemas); the server checks every pushed record against it.
 */
import {
  catalogRefRecordSchema,
  companySettingsRecordSchema,
  customerRecordSchema,
  priceListItemRecordSchema,
  productRecordSchema,
} from './record-schemas'
import { invoiceSchema, opportunitySchema, orderSchema, paymentSchema } from './schemas'

export const COLLECTION_RECORDS = {
  settings: companySettingsRecordSchema,
  customers: customerRecordSchema,
  products: productRecordSchema,
  catalogrefs: catalogRefRecordSchema,
  pricelistitems: priceListItemRecordSchema,
  opportunities: opportunitySchema,
  orders: orderSchema,
  invoices: invoiceSchema,
  payments: paymentSchema,
} as const

/** The name of a stored collection. */
export type RecordCollection = keyof typeof COLLECTION_RECORDS
