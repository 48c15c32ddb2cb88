/**
 * The search box of the Customers and Products lists answered by their kept indexes (list-index-keeper.ts): one
 * box finds a record by any word start of its name or any part of its ID, with the total, and only the page's
 * rows are read from IndexedDB. Ordered by the list's sorted field, ties by id, as RxDB orders the list unsearched.
 */
import type { RxCollection } from 'rxdb'
import {
  debounceTime,
  defer,
  firstValueFrom,
  from,
  merge,
  of,
  switchMap,
  type Observable,
} from 'rxjs'
import type { Database } from '../collections'
import type { IndexEntry } from './list-index'
import { keptListIndex, type ListIndexSpec } from './list-index-keeper'
import { RECOUNT_DELAY_MS, type Page, type PageRequest } from './paging'

export interface IndexSearch<T> {
  spec: ListIndexSpec
  text: string
  /** The entry field the list is sorted on. */
  sortField: string
  /** The list's other filters, on the entry's fields. */
  keep?: (entry: IndexEntry) => boolean
  toRecord: (doc: object) => T
}

/** The entries in the list's order; ties by id, as RxDB breaks them. */
export function sortEntries(
  entries: IndexEntry[],
  field: string,
  descending: boolean,
): IndexEntry[] {
  const sign = descending ? -1 : 1
  return entries.sort((a, b) => {
    const x = a.fields[field] ?? ''
    const y = b.fields[field] ?? ''
    if (x !== y) return x < y ? -sign : sign
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

async function searchPage<T>(
  db: Database,
  search: IndexSearch<T>,
  req: Pick<PageRequest, 'page' | 'pageSize' | 'descending'>,
): Promise<Page<T>> {
  const kept = keptListIndex(db, search.spec)
  const collection = db[search.spec.collection] as unknown as RxCollection<object>
  const found = kept.index.search(search.text, search.keep ? { keep: search.keep } : {})
  const start = req.page * req.pageSize
  const ids = sortEntries(found, search.sortField, req.descending ?? false)
    .slice(start, start + req.pageSize)
    .map((e) => e.id)
  const docs = await collection.findByIds(ids).exec()
  const rows = ids.flatMap((id) => {
    const doc = docs.get(id)
    return doc ? [search.toRecord(doc.toJSON())] : []
  })
  return {
    rows,
    hasNext: start + req.pageSize < found.length,
    total: found.length,
    page: req.page,
    pageSize: req.pageSize,
  }
}

/** The live page of a search: answered again shortly after the collection changes. */
export function watchIndexSearch<T>(
  db: Database,
  search: IndexSearch<T>,
  req: Pick<PageRequest, 'page' | 'pageSize' | 'descending'>,
): Observable<Page<T>> {
  const kept = keptListIndex(db, search.spec)
  return from(kept.ready).pipe(
    switchMap(() => merge(of(undefined), kept.changed$.pipe(debounceTime(RECOUNT_DELAY_MS)))),
    switchMap(() => defer(() => searchPage(db, search, req))),
  )
}

/** One page of a search, once. */
export function readIndexSearch<T>(
  db: Database,
  search: IndexSearch<T>,
  req: Pick<PageRequest, 'page' | 'pageSize' | 'descending'>,
): Promise<Page<T>> {
  return firstValueFrom(watchIndexSearch(db, search, req))
}
