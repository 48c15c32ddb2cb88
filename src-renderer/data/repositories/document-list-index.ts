/**
 * The Orders and Invoices lists over their kept indexes (list-index-keeper.ts): totals from kept counts, pages in
 * the back half read from the end, and the search box answered by the index (number by any part, name and
 * customer name by any word start) with only the page's rows read from IndexedDB.
 */
import type { RxCollection } from 'rxdb'
import {
  debounceTime,
  defer,
  distinctUntilChanged,
  from,
  map,
  merge,
  of,
  startWith,
  switchMap,
  takeUntil,
  type Observable,
} from 'rxjs'
import type { Database } from '../collections'
import { documentListQuery, type DocumentFilter, type DocumentSort } from './document-lists'
import { searchWords, type IndexEntry } from './list-index'
import { keptListIndex, type KeptListIndex, type ListIndexSpec } from './list-index-keeper'
import { RECOUNT_DELAY_MS, watchPage, type Page, type PageRequest } from './paging'
import { sortEntries } from './record-search'

type Doc = Record<string, unknown>
const text = (doc: Doc, field: string) => {
  const value = doc[field]
  return typeof value === 'string' ? value : ''
}

function documentSpec(
  collection: 'invoices' | 'orders',
  due: readonly [string, string],
): ListIndexSpec {
  return {
    collection,
    version: 1,
    counted: ['state', 'status', 'customerId'],
    toEntry: (doc) => ({
      id: text(doc, 'id'),
      fields: {
        state: text(doc, 'state'),
        status: text(doc, 'status'),
        customerId: text(doc, 'customerId'),
        createdAt: text(doc, 'createdAt'),
        number: text(doc, 'number'),
        due: `${text(doc, due[0])}|${text(doc, due[1])}`,
      },
      parts: [text(doc, 'number').toLocaleLowerCase('en-US')],
      words: searchWords(text(doc, 'name')),
    }),
  }
}

export const INVOICE_INDEX = documentSpec('invoices', ['dueDateKey', 'balanceKey'])
export const ORDER_INDEX = documentSpec('orders', ['deliveryDateKey', 'totalKey'])

/**
 * Customers by any word start of their name or any part of their account number (the Customers list's search);
 * the documents' lists find a customer's documents by the name's word starts alone.
 */
export const CUSTOMER_INDEX: ListIndexSpec = {
  collection: 'customers',
  version: 2,
  counted: ['ownerId'],
  toEntry: (doc) => ({
    id: text(doc, 'id'),
    fields: { nameKey: text(doc, 'nameKey'), ownerId: text(doc, 'ownerId') },
    parts: [text(doc, 'accountNumber').toLocaleLowerCase('en-US')].filter((p) => p !== ''),
    words: searchWords(text(doc, 'name')),
  }),
}

/** Products by any part of their product ID or any word start of their name (the Products list's search). */
export const PRODUCT_INDEX: ListIndexSpec = {
  collection: 'products',
  version: 1,
  counted: [],
  toEntry: (doc) => ({
    id: text(doc, 'id'),
    fields: { nameKey: text(doc, 'nameKey'), productNumber: text(doc, 'productNumber') },
    parts: [text(doc, 'productNumber').toLocaleLowerCase('en-US')],
    words: searchWords(text(doc, 'name')),
  }),
}

/** The filter of a list as the kept counts see it; undefined when they cannot answer it (a date range). */
function countFilter(filter: DocumentFilter<string, string>) {
  if (filter.createdFrom || filter.createdBefore || filter.search?.trim()) return undefined
  return { state: filter.state, status: filter.status, customerId: filter.customerId }
}

/** Whether an entry passes the list's filters other than the search text. */
function passes(filter: DocumentFilter<string, string>) {
  return (e: IndexEntry) => {
    const f = e.fields
    if (filter.state && f.state !== filter.state) return false
    if (filter.status && f.status !== filter.status) return false
    if (filter.customerId && f.customerId !== filter.customerId) return false
    const created = f.createdAt ?? ''
    if (filter.createdFrom && created < filter.createdFrom) return false
    if (filter.createdBefore && created >= filter.createdBefore) return false
    return true
  }
}

/**
 * Whether an index of schemas/documents.ts reads this filter and sort in order (the table of document-lists.ts).
 * Any other combination (a status with the number or due sort, two filters at once, a created range with another
 * sort, numbers newest first) makes RxDB read every match and sort it in memory: seconds, and every matching
 * invoice in memory at once, on a full store. The list answers those from its kept index instead.
 */
export function servedInOrder(
  filter: DocumentFilter<string, string>,
  sort: DocumentSort,
  descending: boolean,
): boolean {
  const set = (['customerId', 'state', 'status'] as const).filter((f) => filter[f])
  if (sort === 'createdAt') return set.length <= 1
  if (filter.createdFrom || filter.createdBefore) return false
  if (sort === 'number') return set.length === 0 && !descending
  return set.length === 0 || (set.length === 1 && set[0] === 'state')
}

/** One page answered by the index: every match found there, this page's rows read by id. */
async function searchPage<T>(
  collection: RxCollection<Doc>,
  kept: KeptListIndex,
  customers: KeptListIndex | undefined,
  req: PageRequest<DocumentFilter<string, string>, DocumentSort>,
  toRecord: (doc: object) => T,
): Promise<Page<T>> {
  const filter = req.filter ?? {}
  const sort = req.sort ?? 'createdAt'
  const descending = req.descending ?? sort === 'createdAt'
  const found = kept.index.search(filter.search ?? '', {
    keep: passes(filter),
    ...(customers
      ? { related: { field: 'customerId', find: (w: string) => customers.index.wordStarts(w) } }
      : {}),
  })
  const start = req.page * req.pageSize
  const ids = sortEntries(found, sort, descending)
    .slice(start, start + req.pageSize)
    .map((e) => e.id)
  const docs = await collection.findByIds(ids).exec()
  const rows = ids.flatMap((id) => {
    const doc = docs.get(id)
    return doc ? [toRecord(doc.toJSON())] : []
  })
  return {
    rows,
    hasNext: start + req.pageSize < found.length,
    total: found.length,
    page: req.page,
    pageSize: req.pageSize,
  }
}

/**
 * The live page of an Orders or Invoices list: a search through the kept index, any other list through its
 * sorted index with the total from the kept counts where they answer the filter.
 */
export function watchDocumentPage<T>(
  db: Database,
  kind: 'invoice' | 'order',
  req: PageRequest<DocumentFilter<string, string>, DocumentSort>,
  toRecord: (doc: object) => T,
): Observable<Page<T>> {
  const spec = kind === 'invoice' ? INVOICE_INDEX : ORDER_INDEX
  const collection = (kind === 'invoice' ? db.invoices : db.orders) as unknown as RxCollection<Doc>
  const kept = keptListIndex(db, spec)
  const filter = req.filter ?? {}
  // Started with the list, so a first search finds it built (it finds customers' names for the search).
  const customerIndex = keptListIndex(db, CUSTOMER_INDEX)
  const customers = filter.search?.trim() ? customerIndex : undefined
  const sort = req.sort ?? 'createdAt'
  // A search, or a filter and sort no database index reads in order, is answered from the kept index (with the
  // customers' for a search), kept current by its changes. Only a list whose own index is not built yet (a first
  // start on a full store) reads it from the store as before, until the index's answer takes over; the
  // customers' index builds in well under a second.
  if (customers || !servedInOrder(filter, sort, req.descending ?? sort === 'createdAt')) {
    const used = customers ? [kept, customers] : [kept]
    const ready = Promise.all(used.map((k) => k.ready))
    const indexed = from(ready).pipe(
      switchMap(() =>
        merge(
          of(undefined),
          merge(...used.map((k) => k.changed$)).pipe(debounceTime(RECOUNT_DELAY_MS)),
        ),
      ),
      switchMap(() => defer(() => searchPage(collection, kept, customers, req, toRecord))),
    )
    if (kept.isReady()) return indexed
    const before = watchPage(collection, documentListQuery(kind, req), req, toRecord)
    return merge(before.pipe(takeUntil(from(ready))), indexed)
  }
  const counted = countFilter(filter)
  const q = documentListQuery(kind, req)
  if (!counted) return watchPage(collection, q, req, toRecord)
  const count = () => kept.index.count(counted) ?? 0
  // A page in the back half is read from the end once the count is known (the index restores in well under a
  // second; a page asked for before that is read from the front).
  const keptTotal = { ready: kept.ready, changed$: kept.changed$.pipe(map(() => undefined)), count }
  if (!kept.isReady() || req.total !== undefined)
    return watchPage(collection, q, req, toRecord, keptTotal)
  // Where a back-half page starts depends on the total: the page is asked again whenever the count changes.
  return kept.changed$.pipe(
    startWith(undefined),
    map(() => count()),
    distinctUntilChanged(),
    switchMap((total) => watchPage(collection, q, { ...req, total }, toRecord, keptTotal)),
  )
}
