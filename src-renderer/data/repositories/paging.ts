/**
 * Paged, sorted, reactive list queries. Every query a list screen runs is answered by an index (see the schemas);
 * a page is `sort + skip + limit`, and its observable re-emits when any document of the collection changes.
 *
 * A page never waits for a count: IndexedDB counts by walking the whole index range (seconds at 50,000
 * invoices), so a page reads one row more than it shows to know whether another follows (`hasNext`), and the
 * total is counted only when asked for (`withTotal`), or, for a watched page, after its rows are out.
 * A request that carries the previous page's `cursor` as `after` is read from there (keyset.ts), not skipped to.
 */
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb'
import {
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  from,
  map,
  merge,
  of,
  startWith,
  switchMap,
  take,
  type Observable,
} from 'rxjs'
import {
  dropShown,
  endCursor,
  keysetField,
  selectorAfter,
  type ListQuery,
  type PageCursor,
} from './keyset'

export type { ListQuery, PageCursor }

export interface PageRequest<F = unknown, S extends string = string> {
  /** 0-based. */
  page: number
  pageSize: number
  filter?: F
  sort?: S
  descending?: boolean
  /** `readPage` counts every match as well (slow on large collections; lists get it from `watchPage`). */
  withTotal?: boolean
  /** The previous page's `cursor` (same filter, sort and size): this page is read from there, not skipped to. */
  after?: PageCursor
  /**
   * The count of matches when the caller knows it (kept counts): a page in the back half of the list is then
   * read from the end through the list's reverse index (`ListQuery.reverse`), so the last page costs what the
   * first does.
   */
  total?: number
}

export interface Page<T> {
  rows: T[]
  /** Whether another page follows this one. */
  hasNext: boolean
  /** Documents matching the filter on every page; null while not (yet) counted. */
  total: number | null
  page: number
  pageSize: number
  /** Where this page ends, for the next request's `after`; undefined when the list sort cannot use it. */
  cursor?: PageCursor
}

/** What paging reads of a request. */
type PageParams = Pick<PageRequest, 'page' | 'pageSize' | 'withTotal' | 'after' | 'total'>

/** Larger pages are refused: a list never loads thousands of documents at once. */
export const MAX_PAGE_SIZE = 500

/** A watched total is counted again this long after the last change, not on every write of a burst. */
export const RECOUNT_DELAY_MS = 300

function checkPage(page: number, pageSize: number): void {
  if (!Number.isInteger(page) || page < 0) throw new RangeError('page must be an integer ≥ 0')
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new RangeError(`pageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`)
}

/** Where a back-half page starts when read from the end: rows to skip there and rows to read. */
function fromEnd(q: ListQuery, req: PageParams): { skip: number; limit: number } | undefined {
  const { page, pageSize, total } = req
  if (!q.reverse || total === undefined || req.after) return undefined
  const start = page * pageSize
  if (start * 2 < total || start >= total) return undefined
  return { skip: Math.max(0, total - start - pageSize), limit: Math.min(pageSize, total - start) }
}

function sortOf<D>(q: Omit<ListQuery, 'reverse'>): MangoQuerySortPart<D>[] {
  const direction = q.descending ? 'desc' : 'asc'
  return q.sort.map((field) => ({ [field]: direction })) as MangoQuerySortPart<D>[]
}

function queries<D extends object>(collection: RxCollection<D>, q: ListQuery, req: PageParams) {
  const { page, pageSize } = req
  checkPage(page, pageSize)
  const sort = sortOf<D>(q)
  const selector = q.selector as MangoQuerySelector<D>
  const field = keysetField(q)
  const after = field ? req.after : undefined
  const end = fromEnd(q, req)
  // One row past the page says whether a next page exists, without counting.
  const rows =
    end && q.reverse
      ? collection.find({
          selector: q.reverse.selector as MangoQuerySelector<D>,
          sort: sortOf<D>(q.reverse),
          skip: end.skip,
          limit: end.limit,
        })
      : field && after
        ? collection.find({
            selector: selectorAfter(q, field, after) as MangoQuerySelector<D>,
            sort,
            limit: pageSize + 1 + after.ids.length,
          })
        : collection.find({ selector, sort, skip: page * pageSize, limit: pageSize + 1 })
  const reversed = end ? { total: req.total ?? 0 } : undefined
  return { rows, total: collection.count({ selector }), field, after, reversed }
}

function toPage<T>(
  docs: Array<{ toJSON(): object }>,
  total: number | null,
  req: PageParams,
  keyset: {
    field: string | undefined
    after: PageCursor | undefined
    reversed: { total: number } | undefined
  },
  toRecord: (doc: object) => T,
): Page<T> {
  const { field, after, reversed } = keyset
  const json = docs.map((d) => d.toJSON() as Record<string, unknown> & { id: string })
  if (reversed) json.reverse()
  const rows = field ? dropShown(json, field, after) : json
  const shown = rows.slice(0, req.pageSize)
  const page: Page<T> = {
    rows: shown.map(toRecord),
    hasNext: reversed ? (req.page + 1) * req.pageSize < reversed.total : rows.length > req.pageSize,
    total,
    page: req.page,
    pageSize: req.pageSize,
  }
  const cursor = field ? endCursor(shown, field, after) : undefined
  if (cursor) page.cursor = cursor
  return page
}

/** One page, read once; counted only when `req.withTotal`. */
export async function readPage<D extends object, T>(
  collection: RxCollection<D>,
  q: ListQuery,
  req: PageParams,
  toRecord: (doc: object) => T,
): Promise<Page<T>> {
  const { rows, total, ...keyset } = queries(collection, q, req)
  const [docs, count] = await Promise.all([
    rows.exec(),
    req.withTotal ? total.exec() : Promise.resolve(null),
  ])
  return toPage(docs, count, req, keyset, toRecord)
}

/** Counts kept as the data changes (list-index-keeper.ts), for a list whose filter they answer. */
export interface KeptTotal {
  ready: Promise<void>
  changed$: Observable<void>
  count(): number
}

/**
 * One page that re-emits whenever the documents on it change. With `kept`, its total is the kept count (no
 * IndexedDB count at all); otherwise it first emits with `total: null`, and the count starts once the rows are
 * out and is redone (debounced) after changes to the collection.
 */
export function watchPage<D extends object, T>(
  collection: RxCollection<D>,
  q: ListQuery,
  req: PageParams,
  toRecord: (doc: object) => T,
  kept?: KeptTotal,
): Observable<Page<T>> {
  const { rows, total, ...keyset } = queries(collection, q, req)
  const rows$ = rows.$
  const total$: Observable<number | null> = kept
    ? from(kept.ready).pipe(
        switchMap(() => kept.changed$.pipe(startWith(undefined))),
        map(() => kept.count()),
        distinctUntilChanged(),
        startWith(null),
      )
    : rows$.pipe(
        take(1),
        switchMap(() => merge(of(null), collection.$.pipe(debounceTime(RECOUNT_DELAY_MS)))),
        switchMap(() => from(total.exec())),
        startWith(null),
      )
  return combineLatest([rows$, total$]).pipe(
    map(([docs, count]) => toPage(docs, count, req, keyset, toRecord)),
  )
}
