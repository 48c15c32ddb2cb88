import { defineStore } from 'pinia'
import type { Invoice } from '../../src-core/documents'
import type { DocumentSort, InvoiceFilter } from '../data'
import { usePagedList } from './paged-list'

/** A page of invoices, filtered by customer, state or status reason, sorted by number, date or due date. */
export const useInvoicesStore = defineStore('invoices', () =>
  usePagedList<InvoiceFilter, DocumentSort, Invoice>({
    sort: 'createdAt',
    watch: (repos, req) => repos.invoices.watchPage(req),
  }),
)
