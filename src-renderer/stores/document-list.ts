/**
 * The Invoices and Orders lists, one pattern with the kind passed in: filtered by state, customer and created
 * date range through the repositories' indexes, sorted on any column, searched in the number, the name and the
 * customer's name. Sorts without an index are read by a scan (list-scan.ts).
 */
import { ref } from 'vue'
import type { Observable } from 'rxjs'
import type { Id, Invoice, Order } from '@core/documents'
import { INVOICE_STATUSES, ORDER_STATUSES } from '@core/documents'
import {
  decimalSortKey,
  type DocumentFilter,
  type DocumentSort,
  type InvoicePageRequest,
  type ListedInvoice,
  type OrderPageRequest,
  type Page,
  type PageRequest,
  type Repositories,
} from '@renderer/data'
import { byText as textOrder, containsText, SCAN_CHUNK } from './list-scan'
import { usePagedList } from './paged-list'

/** A column of the Invoices or Orders list; each one sorts. */
export type DocumentColumn =
  | 'number'
  | 'name'
  | 'customer'
  | 'status'
  | 'totalAmount'
  | 'balanceDue'
  | 'currency'
  | 'date'
  | 'createdAt'

/** The columns the repositories' indexes sort (the others are sorted by a scan). */
const INDEXED: Partial<Record<DocumentColumn, DocumentSort>> = {
  number: 'number',
  createdAt: 'createdAt',
  date: 'due',
}

/** The list's filters as the rep sets them: dates are ISO calendar days, both inclusive. */
export interface DocumentListFilter<State extends string = string> {
  state?: State
  customerId?: Id
  /** Text anywhere in the number, the name or the customer's name, any case. */
  search?: string
  /** Created On from and to. */
  from?: string
  to?: string
}

/** A row of the Invoices or Orders list. */
export type DocumentRow = ListedInvoice | Order
type Row = DocumentRow
type Filter = DocumentFilter<string, string>

/** Midnight UTC of an ISO calendar date plus `days`, or undefined for a date still being typed. */
function midnight(date: string | undefined, days = 0): string | undefined {
  const ms = date ? Date.parse(`${date}T00:00:00.000Z`) : NaN
  return Number.isNaN(ms) ? undefined : new Date(ms + days * 86_400_000).toISOString()
}

/** The repository filter of what the rep set: `to` includes its whole day. */
export function toDocumentFilter(f: DocumentListFilter): Filter {
  const filter: Filter = {}
  if (f.state) filter.state = f.state
  if (f.customerId) filter.customerId = f.customerId
  if (f.search?.trim()) filter.search = f.search.trim()
  const from = midnight(f.from)
  const before = midnight(f.to, 1)
  if (from) filter.createdFrom = from
  if (before) filter.createdBefore = before
  return filter
}

/** The status a rep reads on a row. */
export function statusLabel(row: Invoice | Order): string {
  return row.kind === 'invoice'
    ? INVOICE_STATUSES[row.status].label
    : ORDER_STATUSES[row.status].label
}

/** The date column: an invoice's due date, an order's requested delivery date. */
export function listDate(row: Invoice | Order): string | undefined {
  return row.kind === 'invoice' ? row.dueDate : row.requestedDeliveryDate
}

/** Every customer's name by id, read in chunks (a scan's search and sort by customer need them). */
export async function customerNames(repos: Repositories): Promise<Map<Id, string>> {
  const names = new Map<Id, string>()
  for (let page = 0; ; page++) {
    const chunk = await repos.customers.page({ page, pageSize: SCAN_CHUNK, sort: 'name' })
    for (const c of chunk.rows) names.set(c.id, c.name)
    if (!chunk.hasNext) return names
  }
}

function comparator(
  column: DocumentColumn,
  names: Map<Id, string>,
  descending: boolean,
): (a: Row, b: Row) => number {
  const byText = (of: (row: Row) => string | undefined) => textOrder(of, descending)
  const byAmount = (of: (row: Row) => string | undefined) =>
    byText((row) => {
      const amount = of(row)
      return amount === undefined ? undefined : decimalSortKey(amount)
    })
  switch (column) {
    case 'customer':
      return byText((r) => names.get(r.customerId))
    case 'status':
      return byText(statusLabel)
    case 'totalAmount':
      return byAmount((r) => r.totals.totalAmount)
    case 'balanceDue':
      return byAmount((r) => (r.kind === 'invoice' ? r.balanceDue : undefined))
    case 'currency':
      return byText((r) => r.currencyCode)
    case 'date':
      return byText(listDate)
    case 'createdAt':
      return byText((r) => r.createdAt)
    default:
      return byText((r) => r[column])
  }
}

/**
 * The state and actions of the Invoices or Orders list; call it inside a setup store.
 *
 * @example
 * export const useOrdersStore = defineStore('orders', () => useDocumentList('order'))
 */
export function useDocumentList(kind: 'invoice' | 'order') {
  // The filter's state is the kind's own (the list's filters offer only that kind's states).
  const watchPage = (repos: Repositories, req: PageRequest<Filter, DocumentSort>) =>
    (kind === 'invoice'
      ? repos.invoices.watchPage(req as InvoicePageRequest)
      : repos.orders.watchPage(req as OrderPageRequest)) as Observable<Page<Row>>
  const readPage = (repos: Repositories, req: PageRequest<Filter, DocumentSort>) =>
    (kind === 'invoice'
      ? repos.invoices.page(req as InvoicePageRequest)
      : repos.orders.page(req as OrderPageRequest)) as Promise<Page<Row>>
  const list = usePagedList<Filter, DocumentColumn, Row>({
    sort: 'createdAt',
    pageSize: 25,
    watch: (repos, req) => watchPage(repos, { ...req, sort: INDEXED[req.sort ?? 'createdAt'] }),
    scan: {
      // The repository answers a search on its own (its kept index); only the sorts it has no index for are read
      // by the scan, which then searches the same three texts.
      needed: (_filter, sort) => !INDEXED[sort],
      follows: [kind === 'invoice' ? 'invoices' : 'orders', 'customers'],
      read: (repos, req) => {
        const { search: _search, ...filter } = req.filter ?? {}
        return readPage(repos, { ...req, filter, sort: 'number' })
      },
      async prepare(repos, filter, sort, descending) {
        const names =
          filter.search || sort === 'customer' ? await customerNames(repos) : new Map<Id, string>()
        const text = filter.search ?? ''
        const keep = (row: Row) =>
          !text ||
          containsText(row.number, text) ||
          containsText(row.name, text) ||
          containsText(names.get(row.customerId), text)
        return { keep, compare: comparator(sort, names, descending) }
      },
    },
  })
  // Newest first, as the repositories read a list by creation date unless told otherwise.
  list.descending.value = true
  const listFilter = ref<DocumentListFilter>({})

  function setListFilter(next: DocumentListFilter): void {
    listFilter.value = next
    list.setFilter(toDocumentFilter(next))
  }

  function setPage(page: number, size: number): void {
    list.pageSize.value = size
    list.page.value = page
  }

  return { ...list, listFilter, setListFilter, setPage }
}
