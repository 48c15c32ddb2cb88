import { afterEach, describe, expect, it } from 'vitest'
import { EMPTY_CATALOG, invoiceSchema, orderSchema, priceLines } from '@core/documents'
import { closeDatabase, openTestDatabase } from '../test-support/test-db'
import { createRepositories } from '../repositories'
import type { Database } from '../collections'
import { generateDataset, SAMPLE_COMPANY_SIZES } from './dataset'
import {
  DatabaseNotEmptyError,
  insertDataset,
  loadSampleCompany,
  sampleLoadInterrupted,
} from './load'

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

describe('sample data', () => {
  it('is the same for the same seed, and different for another', () => {
    const small = { customers: 5, products: 20, opportunities: 2, orders: 10, invoices: 20 }
    expect(generateDataset(7, small)).toEqual(generateDataset(7, small))
    expect(generateDataset(8, small).invoices).not.toEqual(generateDataset(7, small).invoices)
  })

  it('covers every invoice state with totals priceDocument agrees with', () => {
    const data = generateDataset(2025)
    expect(data.customers).toHaveLength(SAMPLE_COMPANY_SIZES.customers)
    expect(data.invoices).toHaveLength(300)
    const statuses = new Set(data.invoices.map((i) => i.status))
    for (const s of ['new', 'billed', 'complete', 'partial', 'canceled'])
      expect(statuses).toContain(s)
    expect(new Set(data.orders.map((o) => o.state)).size).toBe(5)
    expect(new Set(data.invoices.map((i) => i.currencyCode))).toEqual(new Set(['USD', 'EUR']))
    for (const invoice of data.invoices) {
      expect(invoiceSchema.safeParse(invoice).ok).toBe(true)
      const again = priceLines(invoice, 'keep', EMPTY_CATALOG)
      expect(again.ok && again.document.totals).toEqual(invoice.totals)
    }
  })

  it('clones beyond the template pool into valid documents with their own ids and numbers', () => {
    const sizes = { customers: 10, products: 30, opportunities: 0, orders: 520, invoices: 650 }
    const data = generateDataset(3, sizes)
    expect(new Set(data.invoices.map((i) => i.number)).size).toBe(650)
    expect(new Set(data.payments.map((p) => p.id)).size).toBe(data.payments.length)
    for (const invoice of data.invoices.slice(500)) {
      expect(invoiceSchema.safeParse(invoice).ok).toBe(true)
      const customer = data.customers.find((c) => c.id === invoice.customerId)
      expect(customer?.currencyCode).toBe(invoice.currencyCode)
    }
    for (const order of data.orders.slice(500)) expect(orderSchema.safeParse(order).ok).toBe(true)
  })

  it('loads into an empty database, numbers new documents after it, and refuses a second time', async () => {
    db = await openTestDatabase()
    const progress: number[] = []
    const { total } = await loadSampleCompany(db, { onProgress: (p) => progress.push(p.done) })
    expect(progress.at(-1)).toBe(total)
    expect(await db.invoices.count().exec()).toBe(300)
    expect(await sampleLoadInterrupted(db)).toBe(false)
    const repos = createRepositories(db)
    const paidCount = await db.invoices.count({ selector: { state: 'paid' } }).exec()
    expect(paidCount).toBeGreaterThan(50)
    const open = await repos.invoices.page({
      page: 0,
      pageSize: 5,
      sort: 'due',
      filter: { state: 'active' },
    })
    expect(open.rows).toHaveLength(5)
    const created = await repos.invoices.create({ customerId: 'cust-1', name: 'New one' })
    expect(created.ok && created.value.number).toMatch(/^INV-00301-/)
    await expect(loadSampleCompany(db)).rejects.toBeInstanceOf(DatabaseNotEmptyError)
  })

  it('resumes an interrupted load without duplicating anything', async () => {
    db = await openTestDatabase()
    const data = generateDataset(2025, SAMPLE_COMPANY_SIZES, { asOf: '2025-06-30T00:00:00.000Z' })
    await db.upsertLocal('sample-load', { seed: 2025, asOf: '2025-06-30T00:00:00.000Z' })
    // What a page closed mid-load leaves: the first customers, nothing else.
    await insertDataset(db, {
      ...data,
      customers: data.customers.slice(0, 10),
      products: [],
      priceListItems: [],
      opportunities: [],
      orders: [],
      invoices: [],
      payments: [],
      unitGroups: [],
      priceLists: [],
      discountLists: [],
    })
    expect(await sampleLoadInterrupted(db)).toBe(true)
    await loadSampleCompany(db)
    expect(await db.customers.count().exec()).toBe(50)
    expect(await db.invoices.count().exec()).toBe(300)
    expect(await sampleLoadInterrupted(db)).toBe(false)
  })
})
