import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Id, Order, OrderState } from '@core/documents'
import type { DocumentSort, OrderFilter } from '@renderer/data'
import { usePagedList } from './paged-list'

/** The Orders list's filters as the rep sets them: dates are ISO calendar days, both inclusive. */
export interface OrderListFilter {
  state?: OrderState
  customerId?: Id
  /** Number or name containing this text, any case. */
  search?: string
  from?: string
  to?: string
}

/** Midnight UTC of an ISO calendar date plus `days`, or undefined for a date still being typed. */
function midnight(date: string | undefined, days = 0): string | undefined {
  const ms = date ? Date.parse(`${date}T00:00:00.000Z`) : NaN
  return Number.isNaN(ms) ? undefined : new Date(ms + days * 86_400_000).toISOString()
}

/** The repository filter of what the rep set: `to` includes its whole day. */
export function toOrderFilter(f: OrderListFilter): OrderFilter {
  const filter: OrderFilter = {}
  if (f.state) filter.state = f.state
  if (f.customerId) filter.customerId = f.customerId
  if (f.search?.trim()) filter.search = f.search.trim()
  const from = midnight(f.from)
  const before = midnight(f.to, 1)
  if (from) filter.createdFrom = from
  if (before) filter.createdBefore = before
  return filter
}

/**
 * A page of orders, filtered by customer, state, created date range and a number or name search, sorted by
 * number, date or delivery date.
 */
export const useOrdersStore = defineStore('orders', () => {
  const list = usePagedList<OrderFilter, DocumentSort, Order>({
    sort: 'createdAt',
    watch: (repos, req) => repos.orders.watchPage(req),
  })
  const listFilter = ref<OrderListFilter>({})

  function setListFilter(next: OrderListFilter): void {
    listFilter.value = next
    list.setFilter(toOrderFilter(next))
  }

  return { ...list, listFilter, setListFilter }
})
