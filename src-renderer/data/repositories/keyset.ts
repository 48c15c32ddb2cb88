/**
 * Keyset paging: the page after another starts where that one ended ("sort key ≥ the last one shown"), an
 * index range of its own, instead of `skip`, which walks every earlier row of the index (page 1,000 of 50 rows
 * reads 50,000). Only for lists sorted ascending on one field (every list sorts that way but 'due' ascending
 * and 'desc' on number, which keep `skip`): RxDB cannot use an index for the `$or` a two-field keyset needs.
 */
import type { MangoQuerySelector } from 'rxdb'

/** The Mango parts of a list query, as a repository builds them from a PageRequest. */
export interface ListQuery {
  selector: MangoQuerySelector<Record<string, unknown>>
  sort: string[]
  descending: boolean
  /** The same rows in the opposite order, served by an index of its own (RxDB never walks one backwards). */
  reverse?: Omit<ListQuery, 'reverse'>
}

/**
 * Where a page ended: the sort value of its last row and the ids of the rows shown so far with that value
 * (RxDB breaks ties by id, ascending), which the next page skips over.
 */
export interface PageCursor {
  value: string
  ids: string[]
}

/** The one field a list sorts on ascending, or undefined when keyset paging cannot serve it. */
export function keysetField(q: ListQuery): string | undefined {
  return q.sort.length === 1 && !q.descending ? q.sort[0] : undefined
}

/**
 * The list's selector starting at the cursor. The cursor's row matched the selector, so its value is at least
 * as tight as any lower bound already there, which it replaces (two lower bounds would cost the index).
 */
export function selectorAfter(
  q: ListQuery,
  field: string,
  after: PageCursor,
): ListQuery['selector'] {
  const existing: unknown = q.selector[field]
  const range: Record<string, unknown> =
    existing === undefined
      ? {}
      : typeof existing === 'object' && existing !== null
        ? { ...(existing as Record<string, unknown>) }
        : { $eq: existing }
  delete range.$gt
  delete range.$gte
  return { ...q.selector, [field]: { ...range, $gte: after.value } }
}

type Row = Record<string, unknown> & { id: string }

/** The rows read from the cursor on, without the ones earlier pages showed. */
export function dropShown(rows: Row[], field: string, after: PageCursor | undefined): Row[] {
  if (!after || after.ids.length === 0) return rows
  const shown = new Set(after.ids)
  return rows.filter((r) => !(r[field] === after.value && shown.has(r.id)))
}

/** The cursor at the end of `shown` (this page's rows), carrying over ties with the previous page. */
export function endCursor(
  shown: Row[],
  field: string,
  after: PageCursor | undefined,
): PageCursor | undefined {
  const last = shown.at(-1)
  if (!last) return after
  const value = String(last[field])
  const ids = shown.filter((r) => r[field] === value).map((r) => r.id)
  return { value, ids: after?.value === value ? [...after.ids, ...ids] : ids }
}
