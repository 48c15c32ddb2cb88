/**
 * A list's own in-memory index of one collection: per record only what its screen filters, sorts and searches
 * on, plus counts per filter kept as records come and go. It answers a search ("any part" of a number, "any
 * word start" of a name) and "1–25 of 49,812" without reading IndexedDB; the rows of a page are then read by id.
 *
 * A linear pass over compact entries is the search: 50,000 entries take a few milliseconds per keystroke, and
 * unlike a token index (MiniSearch) it finds any part of a number, costs nothing to keep on a write and
 * restores from one small stored array.
 */

/** What a list keeps of one record. `fields` are for filters and sorting, `parts` are found by any part of
 * them, `words` by the start of any of their words. */
export interface IndexEntry {
  id: string
  fields: Readonly<Record<string, string>>
  parts: readonly string[]
  words: readonly string[]
}

/** The fields whose values are counted ("23 paid"): a filter on one of them alone is answered from counts. */
export type CountedFields = readonly string[]

/** One filter's value per counted field; at most one set is answered from the kept counts. */
export type CountFilter = Readonly<Record<string, string | undefined>>

/** The words of a text as a search compares them: lower case, split on spaces and punctuation. */
export function searchWords(text: string): string[] {
  return text
    .toLocaleLowerCase('en-US')
    .split(/[\s,;:/()"'.]+/)
    .filter((w) => w !== '')
}

/**
 * Whether every word of a search finds a record: inside one of its `parts` (any position, lower case) or at the
 * start of one of its `words` (searchWords). The kept indexes search so; a list that scans uses it too.
 */
export function matchesSearch(
  text: string,
  parts: readonly string[],
  words: readonly string[],
): boolean {
  return searchWords(text).every(
    (w) => parts.some((p) => p.includes(w)) || words.some((x) => x.startsWith(w)),
  )
}

const countKey = (field: string, value: string) => `${field}\u0000${value}`
const ALL = ''

export class ListIndex {
  private readonly entries = new Map<string, IndexEntry>()
  private readonly counts = new Map<string, number>()

  constructor(private readonly counted: CountedFields) {}

  get size(): number {
    return this.entries.size
  }

  /** Puts a record in (or replaces it); `undefined` takes it out (deleted). */
  put(id: string, entry: IndexEntry | undefined): void {
    const before = this.entries.get(id)
    if (before) this.tally(before, -1)
    if (entry) {
      this.entries.set(id, entry)
      this.tally(entry, 1)
    } else this.entries.delete(id)
  }

  private tally(entry: IndexEntry, by: number): void {
    const add = (key: string) => {
      const n = (this.counts.get(key) ?? 0) + by
      if (n === 0) this.counts.delete(key)
      else this.counts.set(key, n)
    }
    add(ALL)
    for (const field of this.counted) {
      const value = entry.fields[field]
      if (value !== undefined) add(countKey(field, value))
    }
  }

  /**
   * The number of records matching a filter on at most one counted field, or undefined when the counts do not
   * answer it (two fields at once, or a field that is not counted).
   */
  count(filter: CountFilter): number | undefined {
    const set = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')
    if (set.length === 0) return this.counts.get(ALL) ?? 0
    const [only] = set
    if (set.length > 1 || !only || !this.counted.includes(only[0])) return undefined
    return this.counts.get(countKey(only[0], only[1] as string)) ?? 0
  }

  get(id: string): IndexEntry | undefined {
    return this.entries.get(id)
  }

  /**
   * The records every word of `text` finds: in some part (any position), at the start of some word, or through
   * `related` (a word → the values of `relatedField` it finds, e.g. the customers whose name it starts).
   */
  search(
    text: string,
    options: {
      keep?: (entry: IndexEntry) => boolean
      related?: { field: string; find: (word: string) => ReadonlySet<string> }
    } = {},
  ): IndexEntry[] {
    const words = searchWords(text)
    const related = options.related
    const linked = words.map((w) => related?.find(w))
    const found: IndexEntry[] = []
    for (const entry of this.entries.values()) {
      if (options.keep && !options.keep(entry)) continue
      let all = true
      for (let k = 0; k < words.length && all; k++) {
        const w = words[k] as string
        const via = linked[k]
        all =
          entry.parts.some((p) => p.includes(w)) ||
          entry.words.some((x) => x.startsWith(w)) ||
          (via !== undefined && related !== undefined && via.has(entry.fields[related.field] ?? ''))
      }
      if (all) found.push(entry)
    }
    return found
  }

  /** The ids whose words start with `word` (a small index, such as customers, searched by a larger one). */
  wordStarts(word: string): Set<string> {
    const ids = new Set<string>()
    for (const entry of this.entries.values())
      if (entry.words.some((x) => x.startsWith(word))) ids.add(entry.id)
    return ids
  }

  /** A compact array for storing: [id, fields…, parts, words] rows under the field names. */
  toStored(): StoredListIndex {
    const names = new Set<string>()
    for (const e of this.entries.values()) for (const f of Object.keys(e.fields)) names.add(f)
    const fields = [...names]
    const rows: StoredRow[] = []
    for (const e of this.entries.values())
      rows.push([e.id, fields.map((f) => e.fields[f] ?? null), [...e.parts], [...e.words]])
    return { fields, rows }
  }

  /** Empties the index. */
  clear(): void {
    this.entries.clear()
    this.counts.clear()
  }

  /** Refills from a stored array (replacing what is held). */
  load(stored: StoredListIndex): void {
    this.clear()
    this.loadRows(stored, 0, stored.rows.length)
  }

  /** Adds the stored rows from `start` up to `end` (a slice of a long load). */
  loadRows(stored: StoredListIndex, start: number, end: number): void {
    for (const [id, values, parts, words] of stored.rows.slice(start, end)) {
      const fields: Record<string, string> = {}
      stored.fields.forEach((f, k) => {
        const v = values[k]
        if (v !== null && v !== undefined) fields[f] = v
      })
      this.put(id, { id, fields, parts, words })
    }
  }
}

type StoredRow = [string, Array<string | null>, string[], string[]]

export interface StoredListIndex {
  fields: string[]
  rows: StoredRow[]
}
