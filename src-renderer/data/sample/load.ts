/**
 * Writing a generated company into a database: every record checked by src-core's schemas first, then bulk
 * inserts in chunks (one IndexedDB transaction per chunk and collection). Used by Settings → Load sample
 * company, by the benchmarks and by tests.
 */
import {
  invoiceSchema,
  opportunitySchema,
  orderSchema,
  paymentSchema,
  type LedgerEntry,
} from '@core/documents'
import {
  companySettingsRecordSchema,
  customerRecordSchema,
  discountListRecordSchema,
  priceListItemRecordSchema,
  priceListRecordSchema,
  productRecordSchema,
  unitGroupRecordSchema,
} from '@core/documents/record-schemas'
import { createNumberingState } from '@core/numbering'
import type { Schema } from '@core/schema'
import type { CollectionName, Database } from '../collections'
import { readLocal, writeLocal } from '../local-docs'
import { createSettingsRepository } from '../repositories/settings'
import { defaultEnv } from '../repositories/env'
import { toCatalogRefDoc, toCustomerDoc, toInvoiceDoc, toOrderDoc, toProductDoc } from '../stored'
import { generateDataset, SAMPLE_COMPANY_SIZES, type Dataset } from './dataset'

/** How far a load has got: records written so far out of all. */
export type LoadProgress = (progress: { done: number; total: number }) => void

export interface InsertOptions {
  /** Records per bulk insert. */
  chunkSize?: number
  onProgress?: LoadProgress
  /** Check every record with src-core's schemas first (default true; benchmarks of pure insert speed skip it). */
  validate?: boolean
  /** Resuming an interrupted load: records already stored (same id) count as written. */
  resume?: boolean
}

/** A bulk write's errors other than "this id is already stored" (409), which a resumed load expects. */
function realErrors(errors: Array<{ status: number }>, resume: boolean) {
  return resume ? errors.filter((e) => e.status !== 409) : errors
}

function checkAll<T>(schema: Schema<T>, what: string, records: readonly T[]): void {
  for (const record of records) {
    const parsed = schema.safeParse(record)
    if (!parsed.ok) throw new Error(`Generated ${what} is not valid: ${parsed.error}`)
  }
}

function validateDataset(data: Dataset): void {
  checkAll(companySettingsRecordSchema, 'settings', [data.settings])
  checkAll(customerRecordSchema, 'customer', data.customers)
  checkAll(unitGroupRecordSchema, 'unit group', data.unitGroups)
  checkAll(productRecordSchema, 'product', data.products)
  checkAll(priceListRecordSchema, 'price list', data.priceLists)
  checkAll(discountListRecordSchema, 'discount list', data.discountLists)
  checkAll(priceListItemRecordSchema, 'price list item', data.priceListItems)
  checkAll(opportunitySchema, 'opportunity', data.opportunities)
  checkAll(orderSchema, 'order', data.orders)
  checkAll(invoiceSchema, 'invoice', data.invoices)
  checkAll(paymentSchema, 'payment', data.payments)
}

function storedRecords(data: Dataset): Array<[CollectionName, object[]]> {
  const byInvoice = new Map<string, LedgerEntry[]>()
  for (const p of data.payments)
    byInvoice.set(p.invoiceId, [...(byInvoice.get(p.invoiceId) ?? []), p])
  return [
    ['settings', [data.settings]],
    ['customers', data.customers.map(toCustomerDoc)],
    ['products', data.products.map(toProductDoc)],
    [
      'catalogrefs',
      [
        ...data.unitGroups.map((r) => toCatalogRefDoc('unitGroup', r)),
        ...data.priceLists.map((r) => toCatalogRefDoc('priceList', r)),
        ...data.discountLists.map((r) => toCatalogRefDoc('discountList', r)),
      ],
    ],
    ['pricelistitems', data.priceListItems],
    ['opportunities', data.opportunities],
    ['orders', data.orders.map(toOrderDoc)],
    // Payments before their invoices: a load cut short leaves at worst payments whose invoice is missing,
    // never an invoice whose stored balance counts payments that are not there.
    ['payments', data.payments],
    ['invoices', data.invoices.map((i) => toInvoiceDoc(i, byInvoice.get(i.id) ?? []))],
  ]
}

/**
 * Inserts a dataset. Each chunk is one atomic bulk write per collection; each document is written whole or not
 * at all. Throws on the first failed write (e.g. a duplicate id).
 */
export async function insertDataset(db: Database, data: Dataset, options: InsertOptions = {}) {
  if (options.validate ?? true) validateDataset(data)
  const chunkSize = options.chunkSize ?? 500
  const groups = storedRecords(data)
  const total = groups.reduce((n, [, records]) => n + records.length, 0)
  let done = 0
  options.onProgress?.({ done, total })
  for (const [name, records] of groups) {
    for (let start = 0; start < records.length; start += chunkSize) {
      const chunk = records.slice(start, start + chunkSize)
      const collection = db[name] as {
        bulkInsert(docs: object[]): Promise<{ error: Array<{ status: number }> }>
      }
      const errors = realErrors((await collection.bulkInsert(chunk)).error, !!options.resume)
      if (errors.length > 0) throw new Error(`${errors.length} ${name} could not be written.`)
      done += chunk.length
      options.onProgress?.({ done, total })
    }
  }
  await writeLocal(db, 'numbering-invoice', data.numbering.invoice)
  await writeLocal(db, 'numbering-order', data.numbering.order)
  return { total }
}

/** Thrown when the sample company is asked for on a database that already holds data. */
export class DatabaseNotEmptyError extends Error {
  constructor() {
    super(
      'The sample company can only be loaded into an empty database. This one already has data, which was left as it was.',
    )
    this.name = 'DatabaseNotEmptyError'
  }
}

/** The local document that marks a sample load under way: what to regenerate if it must be resumed. */
export const SAMPLE_LOAD_DOC = 'sample-load'

interface SampleLoadPlan {
  seed: number
  asOf: string
}

/** Whether a sample load was interrupted (the page closed mid-way); loading again finishes it. */
export async function sampleLoadInterrupted(db: Database): Promise<boolean> {
  return (await readLocal<SampleLoadPlan>(db, SAMPLE_LOAD_DOC)) !== undefined
}

/** Whether a database holds no company yet, a sample load cut short, or data (a whole sample or anything else). */
export async function sampleStatus(db: Database): Promise<'empty' | 'interrupted' | 'loaded'> {
  if (await sampleLoadInterrupted(db)) return 'interrupted'
  return (await createSettingsRepository(db, defaultEnv()).isEmpty()) ? 'empty' : 'loaded'
}

/**
 * Settings → Load sample company: about 50 customers, 200 products, two price lists in two currencies,
 * 20 opportunities, 100 orders and 300 invoices in every state with their payments, dated up to today.
 *
 * A load interrupted half-way (the page closed) leaves whole records only, and a marker: calling this again
 * regenerates the same company from the stored seed and date and writes the records still missing.
 *
 * @throws DatabaseNotEmptyError when the database holds other data (nothing is written)
 */
export async function loadSampleCompany(
  db: Database,
  options: { onProgress?: LoadProgress; asOf?: string; seed?: number } = {},
): Promise<{ total: number }> {
  const env = defaultEnv()
  const interrupted = await readLocal<SampleLoadPlan>(db, SAMPLE_LOAD_DOC)
  if (!interrupted && !(await createSettingsRepository(db, env).isEmpty()))
    throw new DatabaseNotEmptyError()
  const plan = interrupted ?? {
    seed: options.seed ?? 2025,
    asOf: options.asOf ?? new Date().toISOString(),
  }
  await writeLocal(db, SAMPLE_LOAD_DOC, plan)
  const data = generateDataset(plan.seed, SAMPLE_COMPANY_SIZES, { asOf: plan.asOf })
  // This device numbers its own documents with its own random key, after the sample's counters.
  for (const kind of ['invoice', 'order'] as const)
    data.numbering[kind] = createNumberingState(env.random, data.numbering[kind].nextCounter)
  // Small chunks: the progress bar moves, and a closed page loses at most one chunk per collection in flight.
  const insert: InsertOptions = { resume: interrupted !== undefined, chunkSize: 100 }
  if (options.onProgress) insert.onProgress = options.onProgress
  const result = await insertDataset(db, data, insert)
  await (await db.getLocal(SAMPLE_LOAD_DOC))?.remove()
  return result
}
