/**
 * The state every paged list store shares: page, page size, filter, sort, and a shallowRef holding only the
 * rows of the current page (a list never loads every invoice into memory). The page follows the database: it
 * is a live query, re-emitted when a document on it, or the total, changes. The total is counted after the rows
 * are shown (`totalKnown` false until then, `total` a lower bound meanwhile), so a list never waits for it.
 */
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { Observable, Subscription } from 'rxjs'
import type { CollectionName, Page, PageCursor, PageRequest, Repositories } from '@renderer/data'
import { getRepositories } from '@renderer/app/database-provider'
import { SCAN_CHUNK, scanList } from './list-scan'

export interface PagedListOptions<F, S extends string, T> {
  sort: S
  pageSize?: number
  /** The repository's live page query. */
  watch: (repos: Repositories, req: PageRequest<F, S>) => Observable<Page<T>>
  /** What the repository's indexes do not answer (a sort or a search), read by a scan instead. */
  scan?: PagedListScan<F, S, T>
}

/**
 * A list's sorts and searches that its repository has no index for: the store reads them with `scanList` and
 * counts them exactly, and reads them again after a write to a collection the list shows (`follows`), so a
 * searched list is as current as a live page.
 */
export interface PagedListScan<F, S extends string, T> {
  /** Whether this filter and sort need the scan (a search, or a column without an index). */
  needed: (filter: F, sort: S) => boolean
  /** The collections whose writes can change what the scan shows (its own, and any whose text it searches). */
  follows: readonly CollectionName[]
  /** One chunk of the list, filtered by what the indexes answer, in any indexed order. */
  read: (repos: Repositories, req: PageRequest<F, S>) => Promise<Page<T>>
  /** The row test and the order of the list (what the search and the sort mean). */
  prepare: (
    repos: Repositories,
    filter: F,
    sort: S,
    descending: boolean,
  ) => Promise<{ keep: (row: T) => boolean; compare?: (a: T, b: T) => number }>
}

/** Rows up to the end of this page, plus one if another page follows: what a paginator needs to go on. */
export function lowerBound(page: Page<unknown>): number {
  return page.page * page.pageSize + page.rows.length + (page.hasNext ? 1 : 0)
}

/**
 * Rows a page may `skip` before the next page is read from the previous one's cursor instead. A skipped-to page
 * follows inserts above it (its rows move down), a keyset page stays where it starts; skipping a thousand index
 * rows is cheap, so only deep pages, where skip walks tens of thousands, trade that for speed.
 */
export const KEYSET_FROM_ROW = 1000

/**
 * The end cursors of the pages seen of one query (filter, sort, size), so that a deep page after one of them is
 * read from there rather than skipped to (repositories/keyset.ts). A new query forgets them.
 */
export function createCursorMemory() {
  const ends = new Map<number, PageCursor>()
  let query = ''
  return {
    before(req: PageRequest<unknown, string>): PageCursor | undefined {
      const { page, after: _after, ...rest } = req
      const key = JSON.stringify(rest)
      if (key !== query) ends.clear()
      query = key
      return page * req.pageSize >= KEYSET_FROM_ROW ? ends.get(page - 1) : undefined
    },
    remember(result: Page<unknown>): void {
      if (result.cursor) ends.set(result.page, result.cursor)
      else ends.delete(result.page)
    },
  }
}

/**
 * Builds the state and actions of a paged list; call it inside a setup store.
 *
 * @example
 * export const useCustomersStore = defineStore('customers', () =>
 *   usePagedList({ sort: 'name', watch: (r, req) => r.customers.watchPage(req) }))
 */
export function usePagedList<F extends object, S extends string, T>(
  options: PagedListOptions<F, S, T>,
) {
  const page = ref(0)
  const pageSize = ref(options.pageSize ?? 50)
  const filter = ref({}) as Ref<F>
  const sort = ref(options.sort) as Ref<S>
  const descending = ref<boolean | undefined>(undefined)
  const rows = shallowRef<T[]>([])
  /** The count of matches once known; until then a lower bound that lets the paginator reach the next page. */
  const total = ref(0)
  const totalKnown = ref(false)
  const hasNext = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let subscription: Subscription | undefined
  let started = false
  let generation = 0
  let scans = 0
  const cursors = createCursorMemory()

  async function subscribe(): Promise<void> {
    const mine = ++generation
    subscription?.unsubscribe()
    loading.value = true
    try {
      const repos = await getRepositories()
      if (mine !== generation) return
      const req: PageRequest<F, S> = {
        page: page.value,
        pageSize: pageSize.value,
        filter: filter.value,
        sort: sort.value,
      }
      if (descending.value !== undefined) req.descending = descending.value
      const by = options.scan
      if (by?.needed(filter.value, sort.value)) {
        subscription = repos.changes(by.follows).subscribe(() => {
          if (mine === generation) void scan(repos, by, req, mine)
        })
        return await scan(repos, by, req, mine)
      }
      const after = cursors.before(req)
      if (after) req.after = after
      subscription = options.watch(repos, req).subscribe({
        next(result) {
          cursors.remember(result)
          rows.value = result.rows
          hasNext.value = result.hasNext
          totalKnown.value = result.total !== null
          total.value = result.total ?? lowerBound(result)
          loading.value = false
          error.value = null
        },
        error(e: unknown) {
          error.value = e instanceof Error ? e.message : String(e)
          loading.value = false
        },
      })
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      loading.value = false
    }
  }

  async function scan(
    repos: Repositories,
    by: PagedListScan<F, S, T>,
    req: PageRequest<F, S>,
    mine: number,
  ): Promise<void> {
    // A write during a scan starts another; only the latest one answers.
    const scanned = ++scans
    const current = () => mine === generation && scanned === scans
    const { keep, compare } = await by.prepare(
      repos,
      req.filter as F,
      req.sort as S,
      !!req.descending,
    )
    const found = await scanList({
      read: (index, after) =>
        by.read(repos, {
          page: index,
          pageSize: SCAN_CHUNK,
          filter: req.filter,
          ...(after ? { after } : {}),
        }),
      keep,
      ...(compare ? { compare } : {}),
      start: req.page * req.pageSize,
      size: req.pageSize,
      current,
    })
    if (!found) return
    rows.value = found.rows
    total.value = found.total
    totalKnown.value = true
    hasNext.value = (req.page + 1) * req.pageSize < found.total
    loading.value = false
    error.value = null
  }

  watch([page, pageSize, filter, sort, descending], () => {
    if (started) void subscribe()
  })

  /** Starts following the current page (idempotent); lists call it when they mount. */
  function start(): Promise<void> {
    if (started) return Promise.resolve()
    started = true
    return subscribe()
  }

  /** Stops following the database (the list unmounted). */
  function stop(): void {
    started = false
    generation++
    subscription?.unsubscribe()
    subscription = undefined
  }

  function setFilter(next: F): void {
    filter.value = next
    page.value = 0
  }

  function setSort(next: S, isDescending?: boolean): void {
    sort.value = next
    descending.value = isDescending
    page.value = 0
  }

  return {
    page,
    pageSize,
    filter,
    sort,
    descending,
    rows,
    total,
    totalKnown,
    hasNext,
    loading,
    error,
    start,
    stop,
    setFilter,
    setSort,
  }
}
