/**
 * The wire form of a stored document and back. The collections keep derived index fields (`nameKey`,
 * `balanceDue`, …) that the server neither needs nor accepts; they are stripped before a push and derived again,
 * with the data layer's own functions, after a pull, so a pulled record is indexed exactly like a local one.
 */
import type { Invoice, LedgerEntry } from '@core/documents'
import {
  INVOICE_DERIVED_FIELDS,
  ORDER_DERIVED_FIELDS,
  toCatalogRefDoc,
  toCustomerDoc,
  toInvoiceDoc,
  toOrderDoc,
  toProductDoc,
  type CatalogRefs,
} from '@renderer/data/stored'
import type { CollectionName } from '@renderer/data/collections'

/** The derived fields of each collection: what the data layer adds to a src-core record. */
export const DERIVED_FIELDS: Readonly<Record<CollectionName, readonly string[]>> = {
  settings: [],
  customers: ['nameKey'],
  products: ['nameKey'],
  catalogrefs: ['nameKey'],
  pricelistitems: [],
  opportunities: [],
  payments: [],
  orders: ORDER_DERIVED_FIELDS,
  invoices: INVOICE_DERIVED_FIELDS,
}

/** A document as the server sees it: a src-core record plus RxDB's `_deleted`. */
export type WireDocument = Record<string, unknown> & { id: string; _deleted?: boolean }

/**
 * Strips the derived fields and RxDB's bookkeeping (`_meta`, `_rev`, `_attachments`), keeping `_deleted`.
 *
 * @example
 * toWire('customers', { id: 'C1', name: 'Ann', nameKey: 'ann', _rev: '1-a', _deleted: false })
 * // { id: 'C1', name: 'Ann', _deleted: false }
 */
export function toWire(collection: CollectionName, doc: object): WireDocument {
  const derived = DERIVED_FIELDS[collection]
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if ((key.startsWith('_') && key !== '_deleted') || derived.includes(key)) continue
    out[key] = value
  }
  return out as WireDocument
}

function derive(
  collection: CollectionName,
  record: object,
  payments: readonly LedgerEntry[],
): object {
  switch (collection) {
    case 'customers':
      return toCustomerDoc(record as Parameters<typeof toCustomerDoc>[0])
    case 'products':
      return toProductDoc(record as Parameters<typeof toProductDoc>[0])
    case 'catalogrefs': {
      const { kind, ...rest } = record as { kind: keyof CatalogRefs }
      return toCatalogRefDoc(kind, rest as CatalogRefs[typeof kind])
    }
    case 'orders':
      return toOrderDoc(record as Parameters<typeof toOrderDoc>[0])
    case 'invoices':
      return toInvoiceDoc(record as Invoice, payments)
    default:
      return record
  }
}

/**
 * Adds the derived fields back to a pulled (or merged) record.
 *
 * @param payments - the invoice's payments known on this device (only read for invoices)
 * @returns the document to store; a tombstone too malformed to derive from is stored as it came, since nothing
 *   reads a deleted record's index fields
 */
export function fromWire(
  collection: CollectionName,
  doc: WireDocument,
  payments: readonly LedgerEntry[] = [],
): WireDocument {
  const { _deleted, ...record } = doc
  try {
    return {
      ...(derive(collection, record, payments) as WireDocument),
      _deleted: _deleted ?? false,
    }
  } catch (e) {
    if (_deleted) return doc
    throw e
  }
}
