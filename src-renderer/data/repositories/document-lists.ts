/**
 * The list queries of the Orders and Invoices screens, each matched to an index of schemas/documents.ts:
 *
 * | filter        | sort      | index                                   |
 * | ------------- | --------- | --------------------------------------- |
 * | —             | number    | number                                  |
 * | —             | createdAt | createdAt                               |
 * | customerId    | createdAt | customerId, createdAt                   |
 * | state         | createdAt | state, createdAt                        |
 * | status        | createdAt | status, createdAt                       |
 * | state         | due       | state, dueDateKey, balanceKey (orders: deliveryDateKey, totalKey) |
 * | —             | due       | dueDateKey, balanceKey (orders: deliveryDateKey, totalKey)        |
 *
 * Other combinations work too (RxDB filters the rest in memory) but are not promised to be fast.
 */
import type {
  Id,
  InvoiceState,
  InvoiceStatus,
  OrderState,
  OrderStatus,
} from '../../../src-core/documents'
import type { ListQuery, PageRequest } from './paging'

export interface DocumentFilter<State extends string, Status extends string> {
  customerId?: Id
  state?: State
  status?: Status
}

/** `due`: invoices by due date then balance due; orders by requested delivery date then total amount. */
export type DocumentSort = 'number' | 'createdAt' | 'due'

export type InvoiceFilter = DocumentFilter<InvoiceState, InvoiceStatus>
export type OrderFilter = DocumentFilter<OrderState, OrderStatus>
export type InvoicePageRequest = PageRequest<InvoiceFilter, DocumentSort>
export type OrderPageRequest = PageRequest<OrderFilter, DocumentSort>

const DUE_FIELDS = {
  invoice: ['dueDateKey', 'balanceKey'],
  order: ['deliveryDateKey', 'totalKey'],
} as const

/** The Mango query of a list page of orders or invoices. */
export function documentListQuery(
  kind: 'invoice' | 'order',
  req: PageRequest<DocumentFilter<string, string>, DocumentSort>,
): ListQuery {
  const selector: ListQuery['selector'] = {}
  const filter = req.filter ?? {}
  if (filter.customerId) selector.customerId = filter.customerId
  if (filter.state) selector.state = filter.state
  if (filter.status) selector.status = filter.status
  const sortBy = req.sort ?? 'createdAt'
  const sort = sortBy === 'due' ? [...DUE_FIELDS[kind]] : [sortBy]
  // Newest first is what a rep expects of a date list; numbers and due dates read oldest first.
  const descending = req.descending ?? sortBy === 'createdAt'
  return { selector, sort, descending }
}
