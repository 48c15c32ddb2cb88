import { defineStore } from 'pinia'
import type { Customer } from '@core/documents'
import type { CustomerFilter } from '@renderer/data'
import { usePagedList } from './paged-list'

/** A page of customers by name, with a name prefix search. */
export const useCustomersStore = defineStore('customers', () =>
  usePagedList<CustomerFilter, 'name', Customer>({
    sort: 'name',
    watch: (repos, req) => repos.customers.watchPage(req),
  }),
)
