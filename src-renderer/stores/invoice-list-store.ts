/**
 * The Invoices list: one page at a time through the repository's indexed queries (50,000 invoices never sit in
 * memory), filtered by state, status reason and customer, sorted by number, creation date or due date.
 *
 * The date range is an indexed filter (createdFrom / createdBefore). Search goes to the repository, which
 * answers it from the list's kept index (number by any part, name and customer name by any word start); the
 * total comes from kept counts, never from counting IndexedDB.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Subscription } from 'rxjs'
import type { Customer, Id, InvoiceState, InvoiceStatus } from '../../src-core/documents'
import type { DocumentSort, InvoicePageRequest, ListedInvoice, Repositories } from '../data'
import { localRepositories } from './local-repositories'
import { createCursorMemory, lowerBound } from './paged-list'

export type { DocumentSort }

export interface InvoiceListFilter {
  state?: InvoiceState
  status?: InvoiceStatus
  customerId?: Id
  /** Number (any part), name or customer name (any word start), case-insensitive. */
  search: string
  /** Invoice date (created) from and to, ISO calendar dates, inclusive. */
  from?: string
  to?: string
}

export const useInvoiceListStore = defineStore('invoice-list', () => {
  const rows = shallowRef<ListedInvoice[]>([])
  const customers = shallowRef<ReadonlyMap<Id, Customer>>(new Map())
  const total = ref(0)
  const page = ref(0)
  const pageSize = ref(25)
  const sort = ref<DocumentSort>('createdAt')
  const descending = ref(true)
  const filter = ref<InvoiceListFilter>({ search: '' })
  const loading = ref(false)
  const error = ref<string | null>(null)
  let subscription: Subscription | undefined
  let generation = 0
  const cursors = createCursorMemory()

  /** Search is answered by the list's kept index, never by reading the list page by page. */
  const scanning = computed(() => false)

  /** Midnight UTC of an ISO calendar date plus `days`, or undefined for a date still being typed. */
  function midnight(date: string | undefined, days = 0): string | undefined {
    const ms = date ? Date.parse(`${date}T00:00:00.000Z`) : NaN
    return Number.isNaN(ms) ? undefined : new Date(ms + days * 86_400_000).toISOString()
  }

  function request(p: number, size: number): InvoicePageRequest {
    const { state, status, customerId, from, to, search } = filter.value
    return {
      page: p,
      pageSize: size,
      sort: sort.value,
      descending: descending.value,
      filter: {
        state,
        status,
        customerId,
        createdFrom: midnight(from),
        // `to` is inclusive: everything before the next day's midnight.
        createdBefore: midnight(to, 1),
        search: search.trim() || undefined,
      },
    }
  }

  async function show(repos: Repositories, list: ListedInvoice[], count: number, mine: number) {
    const ids = [...new Set(list.map((i) => i.customerId))].filter((id) => !customers.value.has(id))
    const found = await Promise.all(ids.map((id) => repos.customers.get(id)))
    if (mine !== generation) return
    if (found.length) {
      const next = new Map(customers.value)
      for (const c of found) if (c) next.set(c.id, c)
      customers.value = next
    }
    rows.value = list
    total.value = count
    loading.value = false
  }

  async function load(): Promise<void> {
    const mine = ++generation
    subscription?.unsubscribe()
    subscription = undefined
    loading.value = true
    error.value = null
    try {
      const repos = await localRepositories()
      const req = request(page.value, pageSize.value)
      const after = cursors.before(req)
      if (after) req.after = after
      subscription = repos.invoices.watchPage(req).subscribe({
        next: (result) => {
          cursors.remember(result)
          void show(repos, result.rows, result.total ?? lowerBound(result), mine)
        },
        error: (e: unknown) => fail(e),
      })
    } catch (e) {
      fail(e)
    }
  }

  function fail(e: unknown) {
    error.value = e instanceof Error ? e.message : String(e)
    loading.value = false
  }

  function customerName(id: Id): string {
    return customers.value.get(id)?.name ?? ''
  }

  function setPage(p: number, size: number) {
    page.value = p
    pageSize.value = size
    void load()
  }

  function setSort(next: DocumentSort, desc: boolean) {
    sort.value = next
    descending.value = desc
    page.value = 0
    void load()
  }

  watch(
    filter,
    () => {
      page.value = 0
      void load()
    },
    { deep: true },
  )

  function stop() {
    generation++
    subscription?.unsubscribe()
    subscription = undefined
  }

  return {
    rows,
    total,
    page,
    pageSize,
    sort,
    descending,
    filter,
    loading,
    error,
    scanning,
    load,
    stop,
    setPage,
    setSort,
    customerName,
  }
})
