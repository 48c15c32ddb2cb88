/**
 * The benchmark's company: 2,000 customers, 5,000 products and 50,000 invoices of 5 lines on average.
 *
 * The colleague's seeded `generateDataset` builds every document through the src-core commands (one repricing
 * per added line), which takes about 5 ms an invoice: 50,000 would take over four minutes. So it builds the
 * customers, the catalog and a pool of template invoices, and this module derives the 50,000 from the pool:
 * each takes a template's header, state and history, lines from two templates (3 to 7 lines, 5 on average),
 * a customer, a creation date spread over the year and a unique number, and its totals are recomputed with
 * src-core's `priceLines` ('keep' mode: stored prices, exact totals). Paid invoices get one payment of their total.
 * Seeded throughout: the same run gives the same data.
 */
import {
  EMPTY_CATALOG,
  invoiceSchema,
  priceLines,
  type Invoice,
  type Payment,
} from '../../src-core/documents'
import { generateDataset, type Dataset } from '../../src-renderer/data/sample/dataset'
import { createPrng } from '../../src-renderer/data/sample/prng'

export interface BenchSizes {
  customers: number
  products: number
  invoices: number
  /** Template invoices generated through the rules. */
  pool: number
}

export const BENCH_SIZES: BenchSizes = {
  customers: 2000,
  products: 5000,
  invoices: 50_000,
  pool: 600,
}

const YEAR_MS = 365 * 86_400_000

function derive(
  i: number,
  a: Invoice,
  b: Invoice,
  lineCount: number,
  customerId: string,
  createdAtMs: number,
): Invoice {
  const id = `binv-${i + 1}`
  const lines = [...a.lines, ...b.lines].slice(0, lineCount).map((line, k) => ({
    ...line,
    id: `${id}-L${k + 1}`,
  }))
  const createdAt = new Date(createdAtMs).toISOString()
  const draft: Invoice = {
    ...a,
    id,
    number: `INV-${String(i + 1).padStart(6, '0')}-BENCH${(i % 10).toString()}`,
    name: `Invoice ${i + 1}`,
    customerId,
    createdAt,
    updatedAt: createdAt,
    lines,
  }
  const priced = priceLines(draft, 'keep', EMPTY_CATALOG)
  if (!priced.ok) throw new Error(`bench invoice ${id}: ${priced.refusal.reason}`)
  return priced.document
}

/**
 * Generates the benchmark dataset.
 *
 * @returns the dataset, and how long generation took
 */
export function benchDataset(seed: number, sizes: BenchSizes = BENCH_SIZES) {
  const started = performance.now()
  const base: Dataset = generateDataset(seed, {
    customers: sizes.customers,
    products: sizes.products,
    invoices: sizes.pool,
    orders: 20,
    opportunities: 10,
  })
  const poolMs = performance.now() - started
  const prng = createPrng(seed + 1)
  const pool = base.invoices.filter((inv) => inv.lines.length > 0)
  const start = Date.parse('2024-07-01T00:00:00.000Z')
  const invoices: Invoice[] = []
  const payments: Payment[] = []
  for (let i = 0; i < sizes.invoices; i++) {
    const a = pool[prng.int(0, pool.length - 1)]!
    // Lines come from `a`, topped up from `b`; templates hold 1 to 6 lines, so draw `b` until both hold enough.
    let b = pool[prng.int(0, pool.length - 1)]!
    const want = prng.int(3, 7)
    while (a.lines.length + b.lines.length < want) b = pool[prng.int(0, pool.length - 1)]!
    const customer = base.customers[i % base.customers.length]!
    const at = start + Math.floor((YEAR_MS * i) / sizes.invoices)
    const invoice = derive(i, a, b, want, customer.id, at)
    invoices.push(invoice)
    if (invoice.state === 'paid')
      payments.push({
        kind: 'payment',
        id: `bpay-${i + 1}`,
        updatedAt: invoice.updatedAt,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        date: invoice.createdAt.slice(0, 10),
        amount: invoice.totals.totalAmount,
        currencyCode: invoice.currencyCode,
        method: 'bankTransfer',
        recordedAt: invoice.updatedAt,
        recordedBy: invoice.createdBy,
      })
  }
  // A sample is checked with the src-core schema: derived invoices must be as valid as the templates.
  for (let i = 0; i < invoices.length; i += 997) {
    const parsed = invoiceSchema.safeParse(invoices[i])
    if (!parsed.ok) throw new Error(`bench invoice ${i} is not valid: ${parsed.error}`)
  }
  const lines = invoices.reduce((n, inv) => n + inv.lines.length, 0)
  const data: Dataset = { ...base, invoices, payments }
  return {
    data,
    stats: {
      poolMs: Math.round(poolMs),
      generateMs: Math.round(performance.now() - started),
      invoices: invoices.length,
      linesPerInvoice: Math.round((lines / invoices.length) * 100) / 100,
      payments: payments.length,
    },
  }
}
