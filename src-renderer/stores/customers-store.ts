import { defineStore } from 'pinia'
import type { Customer } from '@core/documents'
import type { CustomerFilter } from '@renderer/data'
import { byText, containsText } from './list-scan'
import { usePagedList } from './paged-list'

type CustomerListFilter = CustomerFilter & { search?: string }

/** A column of the Customers list; each one sorts. */
export type CustomerColumn = 'name' | 'accountNumber' | 'city' | 'contacts' | 'currency'

const COLUMN_TEXT: Record<CustomerColumn, (c: Customer) => string | undefined> = {
  name: (c) => c.name,
  accountNumber: (c) => c.accountNumber,
  city: (c) => c.billTo.city,
  contacts: (c) => String(c.contacts.length),
  currency: (c) => c.currencyCode,
}

/** The part of the filter an index answers (the search is the scan's). */
function indexed(filter: CustomerListFilter | undefined): CustomerFilter {
  const { search: _search, ...rest } = filter ?? {}
  return rest
}

/** A page of customers by name, searched anywhere in the name or account number. */
export const useCustomersStore = defineStore('customers', () =>
  usePagedList<CustomerListFilter, CustomerColumn, Customer>({
    sort: 'name',
    pageSize: 25,
    watch: (repos, req) =>
      repos.customers.watchPage({ ...req, filter: indexed(req.filter), sort: 'name' }),
    scan: {
      follows: ['customers'],
      needed: (filter, sort) => !!filter.search || sort !== 'name',
      read: (repos, req) =>
        repos.customers.page({ ...req, filter: indexed(req.filter), sort: 'name' }),
      prepare: (_repos, filter, sort, descending) => {
        const text = filter.search ?? ''
        return Promise.resolve({
          keep: (c: Customer) =>
            !text || containsText(c.name, text) || containsText(c.accountNumber, text),
          compare: byText(COLUMN_TEXT[sort], descending),
        })
      },
    },
  }),
)
