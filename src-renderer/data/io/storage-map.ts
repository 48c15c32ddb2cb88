/**
 * How the backup's src-core collections map onto the database's stored collections, both ways: reading every
 * record out for a backup (paged, so RxDB never materialises a whole collection of documents at once) and
 * turning a backup's records into stored documents (adding the derived sort keys and balances) for a restore.
 */
import type { RxCollection } from 'rxdb'
import type { LedgerEntry } from '@core/documents'
import { emptyBackupData, type BackupData } from '@core/io/backup-collections'
import { COLLECTION_NAMES, type CollectionName, type Database } from '../collections'
import {
  fromCatalogRefDoc,
  fromCustomerDoc,
  fromInvoiceDoc,
  fromOrderDoc,
  fromProductDoc,
  plain,
  toCatalogRefDoc,
  toCustomerDoc,
  toInvoiceDoc,
  toOrderDoc,
  toProductDoc,
  without,
  type CatalogRefs,
} from '../stored'

/** Documents read per query when walking a whole collection. */
export const READ_PAGE = 1000

/**
 * Every document of a collection (optionally matching `selector`), page by page in primary key order. Paging
 * by "id greater than the last one" rather than skip keeps each page an index range, however deep it goes.
 */
export async function* pagesOf(
  collection: RxCollection<object>,
  selector: Record<string, unknown> = {},
  pageSize = READ_PAGE,
): AsyncGenerator<object[]> {
  let last: string | undefined
  for (;;) {
    const query = collection.find({
      selector: last === undefined ? selector : { ...selector, id: { $gt: last } },
      sort: [{ id: 'asc' }],
      limit: pageSize,
    })
    const docs = (await query.exec()).map((d) => d.toJSON() as { id: string })
    if (docs.length > 0) yield docs
    if (docs.length < pageSize) return
    last = docs.at(-1)?.id
  }
}

/** Stored documents as plain JSON without RxDB's `_` fields, keyed by stored collection. */
export type StoredSnapshot = Record<CollectionName, object[]>

/** Every stored document of every collection, exactly as stored (with derived keys), for a rollback. */
export async function snapshotStored(db: Database): Promise<StoredSnapshot> {
  const out = {} as StoredSnapshot
  for (const name of COLLECTION_NAMES) {
    out[name] = []
    for await (const page of pagesOf(db[name] as RxCollection<object>))
      out[name].push(...page.map((d) => without<object>(d, [])))
  }
  return out
}

const REF_COLLECTION: { [K in keyof CatalogRefs]: 'unitGroups' | 'discountLists' | 'priceLists' } =
  {
    unitGroup: 'unitGroups',
    discountList: 'discountLists',
    priceList: 'priceLists',
  }

/**
 * Every record of the database as src-core records, by backup collection.
 *
 * @param only - read just these stored collections (the others come back empty)
 */
export async function readBackupData(
  db: Database,
  only: readonly CollectionName[] = COLLECTION_NAMES,
): Promise<BackupData> {
  const data = emptyBackupData()
  const read = async <T>(name: CollectionName, convert: (doc: object) => T, into: T[]) => {
    if (!only.includes(name)) return
    for await (const page of pagesOf(db[name] as RxCollection<object>))
      into.push(...page.map(convert))
  }
  await read('settings', (d) => plain(d), data.settings)
  await read('customers', fromCustomerDoc, data.customers)
  await read('products', fromProductDoc, data.products)
  const refs: object[] = []
  await read('catalogrefs', (d) => d, refs)
  for (const doc of refs as { kind: keyof CatalogRefs }[]) {
    const into = data[REF_COLLECTION[doc.kind]] as unknown[]
    into.push(fromCatalogRefDoc(doc))
  }
  await read('pricelistitems', (d) => plain(d), data.priceListItems)
  await read('opportunities', (d) => plain(d), data.opportunities)
  await read('orders', fromOrderDoc, data.orders)
  await read('invoices', fromInvoiceDoc, data.invoices)
  await read('payments', (d) => plain<LedgerEntry>(d), data.payments)
  return data
}

/** A backup's records as the documents each stored collection holds. */
export function storedFromBackup(data: BackupData): StoredSnapshot {
  const paymentsByInvoice = new Map<string, LedgerEntry[]>()
  for (const p of data.payments) {
    const list = paymentsByInvoice.get(p.invoiceId) ?? []
    list.push(p)
    paymentsByInvoice.set(p.invoiceId, list)
  }
  return {
    settings: data.settings,
    customers: data.customers.map(toCustomerDoc),
    products: data.products.map(toProductDoc),
    catalogrefs: [
      ...data.unitGroups.map((r) => toCatalogRefDoc('unitGroup', r)),
      ...data.discountLists.map((r) => toCatalogRefDoc('discountList', r)),
      ...data.priceLists.map((r) => toCatalogRefDoc('priceList', r)),
    ],
    pricelistitems: data.priceListItems,
    opportunities: data.opportunities,
    payments: data.payments,
    orders: data.orders.map(toOrderDoc),
    invoices: data.invoices.map((i) => toInvoiceDoc(i, paymentsByInvoice.get(i.id) ?? [])),
  }
}

/** How many documents each stored collection holds: what the Data page shows as "on this device". */
export async function countStored(db: Database): Promise<Record<CollectionName, number>> {
  const counts = {} as Record<CollectionName, number>
  for (const name of COLLECTION_NAMES)
    counts[name] = await (db[name] as RxCollection<object>).count().exec()
  return counts
}
