import { afterEach, describe, expect, it } from 'vitest'
import type { RxCollection } from 'rxdb'
import { closeDatabase, openTestDatabase } from '../test-support/test-db'
import type { Database } from '../collections'
import { documentListQuery, type DocumentFilter, type DocumentSort } from './document-lists'

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

const FROM = '2025-01-01T00:00:00.000Z'
const BEFORE = '2025-03-01T00:00:00.000Z'

/** Every list of the screens, both ways round: none may fall back to reading all matches and sorting. */
const LISTS: Array<[DocumentFilter<string, string>, DocumentSort, boolean | undefined]> = [
  [{}, 'createdAt', undefined],
  [{}, 'createdAt', false],
  [{ customerId: 'C1' }, 'createdAt', undefined],
  [{ state: 'active' }, 'createdAt', undefined],
  [{ status: 'new', createdFrom: FROM, createdBefore: BEFORE }, 'createdAt', undefined],
  [{ status: 'new', createdFrom: FROM, createdBefore: BEFORE }, 'createdAt', false],
  [{}, 'number', false],
  [{}, 'due', false],
  [{}, 'due', true],
  [{ state: 'active' }, 'due', false],
  [{ state: 'active' }, 'due', true],
]

describe('documentListQuery', () => {
  it.each(['invoice', 'order'] as const)(
    'answers every %s list from an index, in order',
    async (kind) => {
      db = await openTestDatabase()
      const collection = (kind === 'invoice' ? db.invoices : db.orders) as RxCollection<object>
      for (const [filter, sort, descending] of LISTS) {
        const listed = documentListQuery(kind, { page: 0, pageSize: 50, filter, sort, descending })
        // A date list's reverse (the last pages read from the end) is served by an index as well.
        for (const q of listed.reverse ? [listed, listed.reverse] : [listed]) {
          const direction = q.descending ? 'desc' : 'asc'
          const query = collection.find({
            selector: q.selector,
            sort: q.sort.map((f) => ({ [f]: direction })),
            limit: 51,
          })
          const plan = query.getPreparedQuery().queryPlan
          const what = `${JSON.stringify(filter)} ${sort} ${String(descending)}`
          expect(plan.sortSatisfiedByIndex, what).toBe(true)
          expect(plan.selectorSatisfiedByIndex, what).toBe(true)
        }
        if (sort === 'createdAt') expect(listed.reverse).toBeDefined()
      }
    },
  )
})
