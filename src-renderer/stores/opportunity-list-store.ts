import { defineStore } from 'pinia'
import type { Id, Opportunity } from '@core/documents'
import { decimalSortKey } from '@renderer/data'
import { customerNames } from './document-list'
import { byText, containsText } from './list-scan'
import { usePagedList } from './paged-list'

/** A column of the Opportunities list; each one sorts. */
export type OpportunityColumn =
  'name' | 'customer' | 'products' | 'totalAmount' | 'currency' | 'updatedAt'

/** A page of opportunities, last modified first, of one customer or searched by name and customer. */
export const useOpportunityListStore = defineStore('opportunity-list', () => {
  const list = usePagedList<{ customerId?: Id; search?: string }, OpportunityColumn, Opportunity>({
    sort: 'updatedAt',
    pageSize: 25,
    watch: (repos, req) =>
      repos.opportunities.watchPage({
        ...req,
        filter: { customerId: req.filter?.customerId },
        sort: 'updatedAt',
      }),
    scan: {
      follows: ['opportunities', 'customers'],
      needed: (filter, sort) => !!filter.search || sort !== 'updatedAt',
      read: (repos, req) =>
        repos.opportunities.page({
          ...req,
          filter: { customerId: req.filter?.customerId },
          sort: 'updatedAt',
        }),
      async prepare(repos, filter, sort, descending) {
        const text = filter.search ?? ''
        const names =
          text || sort === 'customer' ? await customerNames(repos) : new Map<Id, string>()
        const of: Record<OpportunityColumn, (o: Opportunity) => string | undefined> = {
          name: (o) => o.name,
          customer: (o) => names.get(o.customerId),
          products: (o) => String(o.lines.length),
          totalAmount: (o) => decimalSortKey(o.totals.totalAmount),
          currency: (o) => o.currencyCode,
          updatedAt: (o) => o.updatedAt,
        }
        return {
          keep: (o: Opportunity) =>
            !text || containsText(o.name, text) || containsText(names.get(o.customerId), text),
          compare: byText(of[sort], descending),
        }
      },
    },
  })
  // Last modified first, as the repository reads them unless told otherwise.
  list.descending.value = true
  return list
})
