/**
 * Paged, sorted, reactive list queries. Every query a list screen runs is answered by an index (see the schemas);
 * a page is `sort + skip + limit`, and its observable re-emits when any document of the collection changes.
 */
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb'
import { combineLatest, map, type Observable } from 'rxjs'

export interface PageRequest<F = unknown, S extends string = string> {
  /** 0-based. */
  page: number
  pageSize: number
  filter?: F
  sort?: S
  descending?: boolean
}

export interface Page<T> {
  rows: T[]
  /** Documents matching the filter on every page. */
  total: number
  page: number
  pageSize: number
}

/** The Mango parts of a list query, as a repository builds them from a PageRequest. */
export interface ListQuery {
  selector: MangoQuerySelector<Record<string, unknown>>
  sort: string[]
  descending: boolean
}

/** Larger pages are refused: a list never loads thousands of documents at once. */
export const MAX_PAGE_SIZE = 500

function checkPage(page: number, pageSize: number): void {
  if (!Number.isInteger(page) || page < 0) throw new RangeError('page must be an integer ≥ 0')
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw new RangeError(`pageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`)
}

function queries<D extends object>(
  collection: RxCollection<D>,
  q: ListQuery,
  page: number,
  pageSize: number,
) {
  checkPage(page, pageSize)
  const direction = q.descending ? 'desc' : 'asc'
  const sort = q.sort.map((field) => ({ [field]: direction })) as MangoQuerySortPart<D>[]
  const selector = q.selector as MangoQuerySelector<D>
  return {
    rows: collection.find({ selector, sort, skip: page * pageSize, limit: pageSize }),
    total: collection.count({ selector }),
  }
}

/** One page, read once. */
export async function readPage<D extends object, T>(
  collection: RxCollection<D>,
  q: ListQuery,
  req: { page: number; pageSize: number },
  toRecord: (doc: object) => T,
): Promise<Page<T>> {
  const { rows, total } = queries(collection, q, req.page, req.pageSize)
  const [docs, count] = await Promise.all([rows.exec(), total.exec()])
  return { rows: docs.map((d) => toRecord(d.toJSON())), total: count, ...pick(req) }
}

/** One page that re-emits whenever the documents on it, or the total, change. */
export function watchPage<D extends object, T>(
  collection: RxCollection<D>,
  q: ListQuery,
  req: { page: number; pageSize: number },
  toRecord: (doc: object) => T,
): Observable<Page<T>> {
  const { rows, total } = queries(collection, q, req.page, req.pageSize)
  return combineLatest([rows.$, total.$]).pipe(
    map(([docs, count]) => ({
      rows: docs.map((d) => toRecord(d.toJSON())),
      total: count,
      ...pick(req),
    })),
  )
}

function pick(req: { page: number; pageSize: number }) {
  return { page: req.page, pageSize: req.pageSize }
}
