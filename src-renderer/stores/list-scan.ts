/**
 * What a list needs that no index answers yet (a search anywhere in the text, a sort on any column): the
 * filtered list is read once in indexed chunks, each row tested, and only the rows up to the end of the page on
 * screen are kept in order, so memory stays bounded by the page, not by the list. It counts every match, so the
 * total it returns is exact. Lists use it behind their store; a search index replaces it without the list
 * knowing.
 */
import type { Page, PageCursor } from '@renderer/data'

/** Rows read per chunk of a scan (the repositories' largest page). */
export const SCAN_CHUNK = 500

export interface ScanOptions<T> {
  /** Reads chunk `index` of the list in an indexed order, from the previous chunk's cursor when it gave one. */
  read: (index: number, after: PageCursor | undefined) => Promise<Page<T>>
  /** Whether a row belongs to the list (the search). */
  keep: (row: T) => boolean
  /** The order of the list; undefined keeps the order read. */
  compare?: (a: T, b: T) => number
  /** The first row of the page on screen, and its size. */
  start: number
  size: number
  /** False once the list asked for something else: the scan stops and answers undefined. */
  current?: () => boolean
}

/**
 * One page of a list read by a scan, and the count of every row it kept.
 *
 * @example
 * const { rows, total } = await scanList({ read, keep: (r) => r.name.includes('barn'), start: 0, size: 25 })
 */
export async function scanList<T>(
  options: ScanOptions<T>,
): Promise<{ rows: T[]; total: number } | undefined> {
  const { read, keep, compare, start, size } = options
  const current = options.current ?? (() => true)
  const end = start + size
  let kept: T[] = []
  let total = 0
  let after: PageCursor | undefined
  // Sorting is stable, so rows that compare equal keep the order they were read in.
  const trim = () => {
    if (compare) kept.sort(compare)
    kept = kept.slice(0, end)
  }
  for (let index = 0; ; index++) {
    const chunk = await read(index, after)
    if (!current()) return undefined
    after = chunk.cursor
    for (const row of chunk.rows) {
      if (!keep(row)) continue
      total++
      if (compare || kept.length < end) kept.push(row)
    }
    if (kept.length > 2 * end + SCAN_CHUNK) trim()
    if (!chunk.hasNext) break
  }
  trim()
  return { rows: kept.slice(start, end), total }
}

/** Text compared as a rep reads it: case and accents aside, numbers inside in numeric order. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * Compares two rows by the text `of` gives, empty text last in either direction.
 *
 * @example
 * rows.sort(byText((r) => r.name, true)) // Z to A, rows without a name at the end
 */
export function byText<T>(
  of: (row: T) => string | undefined,
  descending = false,
): (a: T, b: T) => number {
  const sign = descending ? -1 : 1
  return (a, b) => {
    const x = of(a) ?? ''
    const y = of(b) ?? ''
    if (!x || !y) return x ? -1 : y ? 1 : 0
    return sign * collator.compare(x, y)
  }
}

/** Whether `text` contains `search`, case and accents aside. */
export function containsText(text: string | undefined, search: string): boolean {
  if (!text) return false
  return fold(text).includes(fold(search))
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}
