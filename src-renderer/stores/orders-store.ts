import { defineStore } from 'pinia'
import type { Order } from '../../src-core/documents'
import type { DocumentSort, OrderFilter } from '../data'
import { usePagedList } from './paged-list'

/** A page of orders, filtered by customer, state or status reason, sorted by number, date or delivery date. */
export const useOrdersStore = defineStore('orders', () =>
  usePagedList<OrderFilter, DocumentSort, Order>({
    sort: 'createdAt',
    watch: (repos, req) => repos.orders.watchPage(req),
  }),
)
