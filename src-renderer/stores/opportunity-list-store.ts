import { defineStore } from 'pinia'
import type { Id, Opportunity } from '@core/documents'
import { usePagedList } from './paged-list'

/** A page of opportunities, newest first, optionally of one customer. */
export const useOpportunityListStore = defineStore('opportunity-list', () =>
  usePagedList<{ customerId?: Id }, 'updatedAt', Opportunity>({
    sort: 'updatedAt',
    pageSize: 25,
    watch: (repos, req) => repos.opportunities.watchPage(req),
  }),
)
