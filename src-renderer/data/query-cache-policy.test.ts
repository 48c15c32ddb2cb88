import { afterEach, describe, expect, it } from 'vitest'
import type { RxQuery } from 'rxdb'
import { closeDatabase, openTestDatabase } from './test-support/test-db'
import type { Database } from './collections'
import { generateDataset } from './sample/dataset'
import { insertDataset } from './sample/load'
import { LARGE_RESULT } from './query-cache-policy'

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

const cached = (query: RxQuery) =>
  [
    ...(
      db?.customers as unknown as { _queryCache: { _map: Map<string, RxQuery> } }
    )._queryCache._map.values(),
  ].includes(query)

describe("RxDB's query cache", () => {
  it('drops a large result no one watches, and keeps a watched one and a small one', async () => {
    const customers = LARGE_RESULT + 20
    const data = generateDataset(3, {
      customers,
      products: 1,
      opportunities: 0,
      orders: 0,
      invoices: 0,
    })
    db = await openTestDatabase()
    await insertDataset(db, data, { validate: false })
    const unwatched = db.customers.find()
    expect(await unwatched.exec()).toHaveLength(customers)
    const watched = db.customers.find({ selector: {}, sort: [{ nameKey: 'asc' }] })
    const subscription = watched.$.subscribe()
    try {
      await watched.exec()
      const small = db.customers.find({ selector: {}, limit: 5 })
      await small.exec()
      // A new query of the collection starts RxDB's clean-up once the thread is idle.
      await db.customers.findOne('nobody').exec()
      await expect.poll(() => cached(unwatched), { timeout: 10_000 }).toBe(false)
      expect(cached(watched)).toBe(true)
      expect(cached(small)).toBe(true)
    } finally {
      subscription.unsubscribe()
    }
  })
})
