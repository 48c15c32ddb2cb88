import { afterEach, describe, expect, it } from 'vitest'
import { getChangedDocumentsSince, type RxCollection, type RxStorageDefaultCheckpoint } from 'rxdb'
import { closeDatabase, openTestDatabase } from '../test-support/test-db'
import type { Database } from '../collections'
import { generateDataset } from '../sample/dataset'
import { insertDataset } from '../sample/load'
import { INVOICE_INDEX } from './document-list-index'
import { keptListIndex } from './list-index-keeper'
import { storeScan } from './store-scan'

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

/** A store filled while no list ran: 700 invoices in bulks of 250 (a bulk's records share their write time). */
async function filled(): Promise<Database> {
  const data = generateDataset(11, {
    customers: 5,
    products: 20,
    opportunities: 0,
    orders: 0,
    invoices: 700,
  })
  const opened = await openTestDatabase()
  await insertDataset(opened, data, { validate: false, chunkSize: 250 })
  const gone = await opened.invoices.findByIds(['inv-3', 'inv-400', 'inv-699']).exec()
  for (const doc of gone.values()) await doc.remove()
  return opened
}

describe('reading a store by its last writes', () => {
  it('reads what RxDB reads, in the same order, a key range at a time', async () => {
    db = await filled()
    const collection = db.invoices as unknown as RxCollection
    const { documents: all } = await getChangedDocumentsSince<unknown, RxStorageDefaultCheckpoint>(
      collection.storageInstance,
      10_000,
    )
    const scan = await storeScan(collection)
    expect(scan.direct).toBe(true)
    const read: Array<{ id: string; _deleted: boolean }> = []
    let checkpoint: RxStorageDefaultCheckpoint | null = null
    let slices = 0
    for (;;) {
      const slice = await scan.next(checkpoint, 97)
      read.push(...(slice.documents as unknown as Array<{ id: string; _deleted: boolean }>))
      checkpoint = slice.checkpoint
      slices++
      if (slice.documents.length < 97) break
    }
    const summary = (docs: ReadonlyArray<{ id: string; _deleted: boolean }>) =>
      docs.map((d) => `${d.id}:${String(d._deleted)}`)
    expect(summary(read)).toEqual(
      summary(all as unknown as Array<{ id: string; _deleted: boolean }>),
    )
    expect(read.filter((d) => d._deleted).map((d) => d.id)).toEqual(
      expect.arrayContaining(['inv-3', 'inv-400', 'inv-699']),
    )
    expect(slices).toBeGreaterThan(7)
    // Nothing is left past the last checkpoint.
    expect((await scan.next(checkpoint, 97)).documents).toEqual([])
  }, 120_000)

  it('rebuilds a list index over a store filled while no list ran, from its Dexie table', async () => {
    db = await filled()
    const kept = keptListIndex(db, INVOICE_INDEX)
    const stats = await kept.startStats
    expect(stats).toMatchObject({ rebuilt: true, direct: true, restored: 0 })
    expect(stats.read).toBeGreaterThanOrEqual(700)
    expect(stats.slices).toBeGreaterThanOrEqual(1)
    expect(kept.index.count({})).toBe(697)
    expect(kept.index.count({})).toBe(await db.invoices.count().exec())
  }, 120_000)
})
