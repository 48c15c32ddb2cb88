import { defineStore } from 'pinia'
import type { Customer } from '@core/documents'
import { matchesSearch, searchWords, type CustomerFilter } from '@renderer/data'
import { byText } from './list-scan'
import { usePagedList } from './paged-list'

type CustomerListFilter = CustomerFilter

/** A column of the Customers list; each one sorts. */
export type CustomerColumn = 'name' | 'accountNumber' | 'city' | 'contacts' | 'currency'

const COLUMN_TEXT: Record<CustomerColumn, (c: Customer) => string | undefined> = {
  name: (c) => c.name,
  accountNumber: (c) => c.accountNumber,
  city: (c) => c.billTo.city,
  contacts: (c) => String(c.contacts.length),
  currency: (c) => c.currencyCode,
}

/**
 * A page of customers by name, searched by any word start of the name or any part of the account number (the
 * repository's kept index; a sort on another column scans with the same match).
 */
export const useCustomersStore = defineStore('customers', () =>
  usePagedList<CustomerListFilter, CustomerColumn, Customer>({
    sort: 'name',
    pageSize: 25,
    watch: (repos, req) => repos.customers.watchPage({ ...req, sort: 'name' }),
    scan: {
      follows: ['customers'],
      needed: (_filter, sort) => sort !== 'name',
      read: (repos, req) =>
        repos.customers.page({
          ...req,
          filter: { ...req.filter, search: undefined },
          sort: 'name',
        }),
      prepare: (_repos, filter, sort, descending) => {
        const text = filter.search?.trim() ?? ''
        return Promise.resolve({
          keep: (c: Customer) =>
            !text ||
            matchesSearch(
              text,
              [(c.accountNumber ?? '').toLocaleLowerCase('en-US')],
              searchWords(c.name),
            ),
          compare: byText(COLUMN_TEXT[sort], descending),
        })
      },
    },
  }),
)
