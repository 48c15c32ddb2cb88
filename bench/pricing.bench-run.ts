/**
 * Pricing benchmarks: one 200-line invoice (target: median under 1 ms), and repricing 10,000 invoices after
 * a catalog change. Inputs come from a seeded PRNG so runs are comparable; every figure is one JSON line.
 */
import { expect, it } from 'vitest'
import { add, formatDecimal, mul, parseDecimal } from '../src-core/money'
import {
  priceDocument,
  type CatalogPrice,
  type DiscountList,
  type PriceDocumentInput,
  type PricingLineInput,
} from '../src-core/pricing'
import { loadAverage, median, p95 } from './browser'

/** mulberry32: small, fast and seeded; only picks integers here, never money. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

/** A decimal string units / 10^scale from an integer; money stays exact even in bench data. */
const money = (units: number, scale = 2): string =>
  formatDecimal({ units: BigInt(units), scale }, scale)

const METHODS = [
  'currencyAmount',
  'percentOfList',
  'markupCurrentCost',
  'marginStandardCost',
] as const

function catalogItem(pick: (n: number) => number): CatalogPrice {
  const method = METHODS[pick(METHODS.length)] ?? 'currencyAmount'
  const price = money(100 + pick(100_000))
  const rounding = [
    { policy: 'up', option: 'endsIn', amount: '0.99' },
    { policy: 'nearest', option: 'multipleOf', amount: '0.05' },
    { policy: 'none' },
  ][pick(3)] as CatalogPrice['rounding']
  if (method === 'currencyAmount') return { pricingMethod: method, amount: price }
  const percentage = money(pick(9000), 2)
  return {
    pricingMethod: method,
    percentage,
    listPrice: price,
    currentCost: price,
    standardCost: price,
    rounding,
  }
}

const discountList: DiscountList = {
  type: 'percentage',
  bands: [
    { from: '10', to: '49', value: '5' },
    { from: '50', to: '999', value: '12.5' },
  ],
}

/** What a line keeps when its catalog item changes: quantity (a quarter fractional), discount and tax. */
function lineDetails(pick: (n: number) => number) {
  return {
    quantity: pick(4) === 0 ? money(pick(10_000), 3) : String(1 + pick(120)),
    manualDiscount: money(pick(500)),
    tax: money(pick(2000)),
  }
}

function line(pick: (n: number) => number, catalog: readonly CatalogPrice[]): PricingLineInput {
  const base = lineDetails(pick)
  if (pick(10) === 0) return { ...base, pricePerUnit: money(pick(50_000)) }
  return {
    ...base,
    catalog: catalog[pick(catalog.length)] ?? { pricingMethod: 'currencyAmount', amount: '1' },
    discountList,
  }
}

const settings = { pricingPrecision: 4, currencyPrecision: 2, discountMethod: 'lineItem' } as const
const header = {
  discountPercent: '2.5',
  discountAmount: '10.00',
  freightAmount: '25.00',
  exchangeRate: '1.0850',
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000

it('priceDocument, 200 lines', async () => {
  const pick = prng(42)
  const catalog = Array.from({ length: 500 }, () => catalogItem(pick))
  const input: PriceDocumentInput = {
    settings,
    header,
    lines: Array.from({ length: 200 }, () => line(pick, catalog)),
  }
  for (let i = 0; i < 300; i++) priceDocument(input)
  const runs = 2000
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    priceDocument(input)
    times.push((performance.now() - start) * 1000)
  }
  times.sort((a, b) => a - b)
  const figure = {
    bench: 'priceDocument',
    lines: 200,
    medianMicros: round3(percentile(times, 0.5)),
    p95Micros: round3(percentile(times, 0.95)),
    runs,
    targetMicros: 1000,
    met: percentile(times, 0.5) <= 1000,
    loadAverage: await loadAverage(),
  }
  console.log(JSON.stringify(figure))
  expect(priceDocument(input).lines).toHaveLength(200)
})

/** Repricing all 10,000 is timed this many times (each a second or more): a median and a p95 over them. */
const REPRICE_RUNS = 5

it('reprice 10,000 invoices after a catalog change', async () => {
  const pick = prng(7)
  const catalog = Array.from({ length: 2000 }, () => catalogItem(pick))
  const invoices = Array.from({ length: 10_000 }, () =>
    Array.from({ length: 5 + pick(16) }, () => ({
      ref: pick(catalog.length),
      ...lineDetails(pick),
    })),
  )
  // Each line keeps its quantity, discount and tax; only the catalog item behind it changes.
  const priceAll = (items: readonly CatalogPrice[]) =>
    invoices.map((lines) =>
      priceDocument({
        settings,
        header,
        lines: lines.map(({ ref, ...details }) => ({
          ...details,
          catalog: items[ref] ?? { pricingMethod: 'currencyAmount', amount: '1' },
          discountList,
        })),
      }),
    )
  priceAll(catalog) // warm-up, and the invoices as they were
  // A 3 % price rise on every item, computed exactly.
  const rise = parseDecimal('1.03')
  const raised = catalog.map((item) => {
    const bump = (v: string | undefined) =>
      v === undefined ? v : formatDecimal(mul(parseDecimal(v), rise), 2)
    return {
      ...item,
      amount: bump(item.amount),
      listPrice: bump(item.listPrice),
      currentCost: bump(item.currentCost),
      standardCost: bump(item.standardCost),
    }
  })
  const times: number[] = []
  let repriced = priceAll(raised)
  for (let k = 0; k < REPRICE_RUNS; k++) {
    const start = process.hrtime.bigint()
    repriced = priceAll(raised)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const totalMs = median(times)
  const lines = invoices.reduce((n, invoice) => n + invoice.length, 0)
  console.log(
    JSON.stringify({
      bench: 'reprice',
      invoices: invoices.length,
      lines,
      runs: times.length,
      totalMs: round3(totalMs),
      medianMs: round3(totalMs),
      p95Ms: round3(p95(times)),
      perInvoiceMicros: round3((totalMs * 1000) / invoices.length),
      loadAverage: await loadAverage(),
    }),
  )
  const sum = repriced.reduce(
    (total, r) => add(total, parseDecimal(r.totals.totalAmount)),
    parseDecimal('0'),
  )
  expect(sum.units).not.toBe(0n)
})
