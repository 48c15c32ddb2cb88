/**
 * The Invoices list: one page at a time through the repository's indexed queries (50,000 invoices never sit in
 * memory), filtered by state, status reason and customer, sorted by number, creation date or due date.
 *
 * The date range is an indexed filter (createdFrom / createdBefore). Search by number or name has no index in
 * the local store yet, so it scans the filtered list page by page and keeps only the page on screen; see
 * `scanPage`.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Subscription } from 'rxjs'
import type { Customer, Id, Invoice, InvoiceState, InvoiceStatus } from '@core/documents'
import type { DocumentSort, InvoicePageRequest, ListedInvoice, Repositories } from '@renderer/data'
import { localRepositories } from '@renderer/app/local-repositories'
import { createCursorMemory, lowerBound } from './paged-list'

export type { DocumentSort }

export interface InvoiceListFilter {
  state?: InvoiceState
  status?: InvoiceStatus
  customerId?: Id
  /** Number or name containing this text, case-insensitive. */
  search: string
  /** Invoice date (created) from and to, ISO calendar dates, inclusive. */
  from?: string
  to?: string
}

const SCAN_PAGE = 500

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

  const scanning = computed(() => {
    const f = filter.value
    return f.search.trim() !== ''
  })

  /** Midnight UTC of an ISO calendar date plus `days`, or undefined for a date still being typed. */
  function midnight(date: string | undefined, days = 0): string | undefined {
    const ms = date ? Date.parse(`${date}T00:00:00.000Z`) : NaN
    return Number.isNaN(ms) ? undefined : new Date(ms + days * 86_400_000).toISOString()
  }

  function request(p: number, size: number): InvoicePageRequest {
    const { state, status, customerId, from, to } = filter.value
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
      },
    }
  }

  function matches(invoice: Invoice): boolean {
    const f = filter.value
    const text = f.search.trim().toLowerCase()
    if (text && !`${invoice.number}\n${invoice.name}`.toLowerCase().includes(text)) return false
    const day = invoice.createdAt.slice(0, 10)
    if (f.from && day < f.from) return false
    if (f.to && day > f.to) return false
    return true
  }

  /** Reads the filtered list in pages of 500, counting matches and keeping only the rows of the page shown. */
  async function scanPage(repos: Repositories, mine: number): Promise<void> {
    const start = page.value * pageSize.value
    const kept: ListedInvoice[] = []
    let count = 0
    let after: InvoicePageRequest['after']
    for (let p = 0; ; p++) {
      // Each chunk starts where the last ended (keyset), so the scan reads the list once, not p times over.
      const chunk = await repos.invoices.page({
        ...request(p, SCAN_PAGE),
        ...(after ? { after } : {}),
      })
      after = chunk.cursor
      if (mine !== generation) return
      for (const invoice of chunk.rows) {
        if (!matches(invoice)) continue
        if (count >= start && kept.length < pageSize.value) kept.push(invoice)
        count++
      }
      if (!chunk.hasNext) break
    }
    await show(repos, kept, count, mine)
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
      if (scanning.value) return await scanPage(repos, mine)
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
