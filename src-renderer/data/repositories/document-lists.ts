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
 * Descending lists (createdAt newest first, the default, and due latest first) sort ascending on an inverted
 * key instead (createdAtDescKey; dueDescKey / deliveryDescKey) with the same indexes, because RxDB reads every
 * match of a 'desc' query and sorts it in memory. A created date range narrows whichever date key the sort uses.
 * Other combinations work too (RxDB filters the rest in memory, a 'desc' on number sorts in memory) but are
 * not promised to be fast.
 */
import type {
  Id,
  InvoiceState,
  InvoiceStatus,
  IsoDateTime,
  OrderState,
  OrderStatus,
} from '@core/documents'
import { newestFirstKey } from '../sort-keys'
import type { ListQuery, PageRequest } from './paging'

export interface DocumentFilter<State extends string, Status extends string> {
  customerId?: Id
  state?: State
  status?: Status
  /** Created at or after this instant (ISO date-time). */
  createdFrom?: IsoDateTime
  /** Created before this instant (ISO date-time, exclusive). */
  createdBefore?: IsoDateTime
  /**
   * Number or name containing this text, case-insensitive. No index answers it: the query engine tests each
   * row the other filters and the sort's index range give, so narrow by status, customer or dates on a large list.
   */
  search?: string
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
const DUE_DESC_FIELD = { invoice: 'dueDescKey', order: 'deliveryDescKey' } as const

type Range = Record<string, string>

/** The created date range, on createdAtDescKey when the list reads newest first, else on createdAt. */
function createdRange(filter: DocumentFilter<string, string>, newestFirst: boolean): Range | null {
  const { createdFrom: from, createdBefore: before } = filter
  if (!from && !before) return null
  const range: Range = {}
  if (newestFirst) {
    if (from) range.$lte = newestFirstKey(from)
    if (before) range.$gt = newestFirstKey(before)
  } else {
    if (from) range.$gte = from
    if (before) range.$lt = before
  }
  return range
}

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
  const text = filter.search?.trim()
  if (text) {
    const $regex = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    selector.$or = [{ number: { $regex, $options: 'i' } }, { name: { $regex, $options: 'i' } }]
  }
  const sortBy = req.sort ?? 'createdAt'
  // Newest first is what a rep expects of a date list; numbers and due dates read oldest first.
  const descending = req.descending ?? sortBy === 'createdAt'
  const newestFirst = sortBy === 'createdAt' && descending
  const range = createdRange(filter, newestFirst)
  if (range) selector[newestFirst ? 'createdAtDescKey' : 'createdAt'] = range
  if (newestFirst) return { selector, sort: ['createdAtDescKey'], descending: false }
  if (sortBy === 'due' && descending)
    return { selector, sort: [DUE_DESC_FIELD[kind]], descending: false }
  const sort = sortBy === 'due' ? [...DUE_FIELDS[kind]] : [sortBy]
  return { selector, sort, descending }
}
