/**
 * Durability: the page is closed in the middle of a batch of saves (Settings → Load sample company writes about
 * 1,500 records in chunks), then reopened. Every stored record must be whole: each invoice and order passes
 * src-core's schema and its totals equal priceDocument's recomputation, each invoice's stored balance equals
 * the balance derived from the payments stored, and loading again finishes the company without duplicates.
 *
 * What this proves: RxDB's bulk writes on Dexie/IndexedDB are atomic per document (a transaction either
 * commits or not) and the load order keeps cross-collection data consistent. It does not simulate a power cut
 * of the whole machine (the browser process survives; the OS and disk flushing are not tested).
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  balanceDue,
  EMPTY_CATALOG,
  invoiceSchema,
  orderSchema,
  paymentSchema,
  priceLines,
  type Invoice,
  type Order,
  type Payment,
} from '../src-core/documents'
import { customerRecordSchema, productRecordSchema } from '../src-core/documents/record-schemas'

/** The IndexedDB stores of a database's collections; the sample company has a database of its own. */
const storesOf = (database: string) =>
  ({
    invoices: `rxdb-dexie-${database}--4--invoices`,
    orders: `rxdb-dexie-${database}--4--orders`,
    payments: `rxdb-dexie-${database}--1--payments`,
    customers: `rxdb-dexie-${database}--1--customers`,
    products: `rxdb-dexie-${database}--1--products`,
  }) as const
const STORES = storesOf('fieldbill-sample')

type Raw = Record<keyof typeof STORES, Record<string, unknown>[]>

/** Every live document of the collections, read straight from IndexedDB (no app code involved). */
async function readRaw(page: Page, stores = STORES): Promise<Raw> {
  return page.evaluate(async (stores) => {
    const readStore = (name: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error ?? new Error(`cannot open ${name}`))
        open.onsuccess = () => {
          const db = open.result
          // The app creates every collection's store when it opens, so a missing one means this spec reads the
          // wrong database (a schema version bump renames it): fail loudly instead of finding nothing.
          if (!db.objectStoreNames.contains('docs')) {
            db.close()
            reject(new Error(`${name} has no docs store: is the schema version in STORES current?`))
            return
          }
          const get = db.transaction('docs', 'readonly').objectStore('docs').getAll()
          get.onsuccess = () => {
            db.close()
            const docs = get.result as Record<string, unknown>[]
            resolve(docs.filter((d) => d._deleted !== '1' && d._deleted !== true))
          }
          get.onerror = () => reject(get.error ?? new Error(`cannot read ${name}`))
        }
      })
    const out: Record<string, Record<string, unknown>[]> = {}
    for (const [key, name] of Object.entries(stores)) out[key] = await readStore(name)
    return out as Raw
  }, stores)
}

/** The src-core record without RxDB's fields and the store's derived index keys. */
function plain<T>(doc: Record<string, unknown>, derived: string[] = []): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc))
    if (!k.startsWith('_') && !derived.includes(k)) out[k] = v
  return out as T
}

function expectWhole(raw: Raw): void {
  const payments = raw.payments.map((p) => plain<Payment>(p))
  for (const p of payments) expect(paymentSchema.safeParse(p).ok).toBe(true)
  for (const c of raw.customers)
    expect(customerRecordSchema.safeParse(plain(c, ['nameKey'])).ok).toBe(true)
  for (const p of raw.products)
    expect(productRecordSchema.safeParse(plain(p, ['nameKey'])).ok).toBe(true)
  for (const o of raw.orders) {
    const order = plain<Order>(o, [
      'deliveryDateKey',
      'totalKey',
      'createdAtDescKey',
      'deliveryDescKey',
    ])
    expect(orderSchema.safeParse(order)).toMatchObject({ ok: true })
    const again = priceLines(order, 'keep', EMPTY_CATALOG)
    expect(again.ok && again.document.totals).toEqual(order.totals)
  }
  for (const i of raw.invoices) {
    const invoice = plain<Invoice>(i, [
      'balanceDue',
      'balanceKey',
      'dueDateKey',
      'createdAtDescKey',
      'dueDescKey',
    ])
    expect(invoiceSchema.safeParse(invoice)).toMatchObject({ ok: true })
    const again = priceLines(invoice, 'keep', EMPTY_CATALOG)
    expect(again.ok && again.document.totals).toEqual(invoice.totals)
    expect(i.balanceDue).toBe(balanceDue(invoice, payments))
  }
}

test('a page closed in the middle of a batch of saves leaves only whole records', async ({
  page,
  context,
}, testInfo) => {
  // The desktop app has one window: a second tab on the same storage exists only in the browser project.
  // eslint-disable-next-line playwright/no-skipped-test
  test.skip(testInfo.project.name === 'electron', 'needs a second browser tab on the same storage')
  // Generating and writing the company takes seconds on a loaded CI machine.
  test.setTimeout(180_000)
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  // Close while invoices (written last, 300 in chunks of 100) are being written: right after the first
  // invoice chunk, while the second is being written, so that the last chunk never starts. Polling the progress
  // from the test missed that moment on a loaded machine, so the page itself watches its progress line and, at
  // that moment, tells the test and stops running script (a busy loop): the write in flight can never finish,
  // and the page is closed with it. The watch is installed on every load of the page: Load sample company
  // reloads it into the sample company's own database, which then loads.
  let frozen: () => void = () => undefined
  const atMoment = new Promise<void>((resolve) => (frozen = resolve))
  await page.exposeFunction('fieldbillTestFrozen', () => frozen())
  await page.addInitScript(() => {
    const progress = /^(\d+) of (\d+) records written$/
    const watch = () => {
      for (const p of document.querySelectorAll('p')) {
        const m = progress.exec(p.textContent ?? '')
        if (!m) continue
        const [done, total] = [Number(m[1]), Number(m[2])]
        if (done > total - 300 && done <= total - 200) {
          void (
            window as unknown as { fieldbillTestFrozen: () => Promise<void> }
          ).fieldbillTestFrozen()
          for (;;) {
            // frozen until the page is closed
          }
        }
      }
    }
    new MutationObserver(watch).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
  await page.getByRole('button', { name: 'Load sample company' }).click()
  await atMoment
  await page.close({ runBeforeUnload: false })

  const reopened = await context.newPage()
  await reopened.goto('/#/settings')
  const partial = await readRaw(reopened)
  testInfo.annotations.push({
    type: 'after close',
    description: Object.entries(partial)
      .map(([k, v]) => `${k}: ${v.length}`)
      .join(', '),
  })
  expectWhole(partial)
  expect(partial.invoices.length, 'closed while invoices were written').toBeGreaterThan(0)
  expect(partial.invoices.length, 'the load was really interrupted').toBeLessThan(300)

  // Loading again finishes the interrupted company: every record exactly once.
  await reopened.getByRole('button', { name: 'Load sample company' }).click()
  await expect(reopened.getByText(/^Sample company loaded/)).toBeVisible({ timeout: 120_000 })
  const full = await readRaw(reopened)
  expect(full.invoices).toHaveLength(300)
  expect(full.orders).toHaveLength(100)
  expect(full.customers).toHaveLength(50)
  expectWhole(full)

  // The whole sample company offers no second load, and the rep's own database was never written to.
  await expect(reopened.getByRole('button', { name: 'Load sample company' })).toBeHidden()
  await reopened.getByRole('button', { name: 'Back to my data' }).first().click()
  await expect(reopened.getByRole('complementary', { name: 'Sample company' })).toBeHidden()
  const own = await readRaw(reopened, storesOf('fieldbill'))
  expect(own.invoices).toHaveLength(0)
  expect(own.customers).toHaveLength(0)
})
