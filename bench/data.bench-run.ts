/**
 * The data benchmark: the app's data layer (RxDB on Dexie) in real Chromium, on 50,000 invoices (5 lines on
 * average), 5,000 products and 2,000 customers, with the same reads done through Dexie directly on the same
 * IndexedDB data. One JSON line per figure: `{"bench":"data","figure":…,"ms":…,"target":…,"met":…}`.
 *
 * The page (bench/data/) is built with Vite into bench/results/, served on 127.0.0.1 and driven by Playwright
 * in one persistent profile: "cold" is the first open in a new page (new JS heap, IndexedDB already on disk),
 * "warm" the median of reopening in the same page. Not part of `npm test`; run with `npm run bench`.
 */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { expect, it } from 'vitest'
import {
  benchInvoices,
  buildBenchPage,
  chromiumSettings,
  loadAverage,
  median,
  p95,
  RESULTS_DIR,
  round2,
  serve,
} from './browser'

const results = RESULTS_DIR
const outDir = join(results, 'data-page')
const profile = join(results, 'data-profile')
const RUNS = 7
/** Reopening the database is the slow figure (seconds each on 50,000 invoices): fewer runs, but 5 for a p95. */
const WARM_OPENS = 5
const COLD_OPENS = 5
/** BENCH_DATA_INVOICES (or BENCH_INVOICES) runs a smaller dataset (a quick check of the harness). */
const INVOICES = benchInvoices('BENCH_DATA_INVOICES')

/** What the page exposes (bench/data/bench-page.mts); typed here because this file has no DOM types. */
interface BenchApi {
  seed(invoices: number): Promise<Record<string, number>>
  rxdb(figure: string, runs: number): Promise<number[]>
  raw(figure: string, runs: number): Promise<number[]>
}
/** The page's global; used inline in `page.evaluate` callbacks, which run in the page and see no closures. */
type PageGlobal = { bench: BenchApi }

const round = round2

/** The machine is shared: each figure carries the load average at the time it was taken. */
async function print(figure: string, values: Record<string, unknown>): Promise<void> {
  console.log(
    JSON.stringify({ bench: 'data', figure, loadAverage: await loadAverage(), ...values }),
  )
}

/** A figure over its runs: `ms` is the median (the target is on it), with the p95. */
async function report(
  figure: string,
  times: number[],
  target?: number,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const ms = median(times)
  const met = target === undefined ? undefined : ms <= target
  await print(figure, {
    ms: round(ms),
    medianMs: round(ms),
    p95Ms: round(p95(times)),
    runs: times.length,
    ...(target === undefined ? {} : { target, met }),
    ...extra,
  })
}

async function freshPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  await page.goto(url)
  await page.waitForFunction(() => 'bench' in globalThis)
  return page
}

/** Times one figure through RxDB and through raw Dexie, and prints both with their ratio. */
async function compare(
  page: Page,
  key: string,
  name: string,
  target: number | undefined,
  runs: number,
): Promise<void> {
  const times = (engine: 'rxdb' | 'raw') =>
    page.evaluate(([e, f, n]) => (globalThis as unknown as PageGlobal).bench[e](f, n), [
      engine,
      key,
      runs,
    ] as const)
  const rxTimes = await times('rxdb')
  const rawTimes = await times('raw')
  const rx = median(rxTimes)
  const raw = median(rawTimes)
  // The same page query repeated is answered by RxDB's query cache: shown, but no ratio is drawn from it.
  const cached = key === 'firstPageQuery'
  await report(name, rxTimes, target, {
    rawMs: round(raw),
    rawP95Ms: round(p95(rawTimes)),
    ...(cached ? { rxdbQueryCache: true } : {}),
  })
  if (!cached)
    await print(`${name}RatioToRawDexie`, { ratio: round(rx / raw), target: 2, met: rx / raw <= 2 })
}

/** The renderer's JS heap after a garbage collection, with the dataset open (CDP Performance metrics). */
async function reportHeap(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const mb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024
  await print('rendererJsHeap', { mb: round(mb), target: 200, met: mb <= 200 })
}

it('data: RxDB on Dexie in Chromium, 50,000 invoices, against raw Dexie', async () => {
  await rm(profile, { recursive: true, force: true })
  await mkdir(results, { recursive: true })
  await buildBenchPage('index.html', outDir)
  const { server, url } = await serve({ '/': outDir })
  const { path: executablePath, args } = await chromiumSettings()
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    args,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    const seeding = await freshPage(context, url)
    const seeded = await seeding.evaluate(
      (n) => (globalThis as unknown as PageGlobal).bench.seed(n),
      INVOICES,
    )
    await print('dataset', seeded)
    await seeding.close()

    // Cold: the first open in a new page (a new JS heap each run; IndexedDB already on disk).
    const cold: number[] = []
    for (let k = 0; k < COLD_OPENS; k++) {
      const fresh = await freshPage(context, url)
      const [ms = NaN] = await fresh.evaluate(() =>
        (globalThis as unknown as PageGlobal).bench.rxdb('firstPage', 1),
      )
      cold.push(ms)
      await fresh.close()
    }
    await report('firstPageCold', cold)
    const page = await freshPage(context, url)
    // Quick figures first and the slow reopen last, so a slow machine still prints most of them.
    const figures = [
      ['firstPageQuery', 'firstPageQueryOnOpenDatabase', undefined, RUNS],
      ['statusDateQuery', 'filteredStatusDateRange', 50, RUNS],
      ['customerQuery', 'filteredOneCustomer', 50, RUNS],
      ['countsByStatus', 'countsByStatus', undefined, RUNS],
      ['openInvoice', 'openInvoice', undefined, RUNS],
    ] as const
    for (const [key, name, target, runs] of figures) await compare(page, key, name, target, runs)
    const saves = await page.evaluate(
      (n) => (globalThis as unknown as PageGlobal).bench.rxdb('saveInvoice', n),
      RUNS,
    )
    await report('saveEditedInvoice', saves, 30)
    await reportHeap(context, page)
    await compare(page, 'firstPage', 'firstPageWarm', 300, WARM_OPENS)
    expect(seeded.invoices).toBe(INVOICES)
  } finally {
    await context.close()
    server.close()
  }
}, 2_400_000)
