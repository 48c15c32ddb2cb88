/**
 * Sync as laptops see it: the app's own replication (`startSync` of src-renderer/sync, every collection, the
 * app's defaults) on the app's database in Chromium, against the real server on an embedded PostgreSQL, both
 * started and stopped here on 127.0.0.1.
 *
 * - first sync: 50,000 invoices (5 lines on average, the data bench's dataset) and their 2,000 customers on the
 *   server, pulled into an empty laptop; time from the start of replication until every collection's first
 *   replication is done (invoices/s, target ≥ 2,000), beside raw SELECTs of the same pages in PostgreSQL and the
 *   same pages pulled over HTTP by Node (no storage), so the figure shows where the time goes; then, in the same
 *   laptop, the same stored invoices written by plain Dexie `bulkPut` (a new table, the same indexes) and by
 *   RxDB `bulkInsert`, in pages of the far-behind pull's size (target: first sync ≥ 0.7 × bulkPut). RUNS laptops
 *   each (BENCH_SYNC_RUNS), median and p95;
 * - round trip: laptop A renames an invoice through the repository (as the form's Save does), A's replication
 *   pushes it, the server's live stream tells laptop B, B pulls it; time from the start of A's local write until
 *   B's local document has the new name (median and p95 over ROUND_TRIPS edits, target median ≤ 250 ms).
 *
 * One JSON line per figure (`{"bench":"sync-laptops",…}`). `BENCH_SYNC_INVOICES` seeds fewer invoices (a quick
 * check of the harness); the figures are for 50,000.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { expect, it } from 'vitest'
import type { Customer, Invoice } from '../src-core/documents'
import { customer, invoice } from '../src-server/test-support/documents'
import {
  create,
  startTestServer,
  UNLIMITED_PUSHES,
  type Client,
  type TestServer,
} from '../src-server/test-support/server'
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
  topFunctions,
} from './browser'

const INVOICES = benchInvoices('BENCH_SYNC_INVOICES')
/** First syncs, each into a new laptop, each followed by the storage's own figures in the same laptop. */
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 5)
const ROUND_TRIPS = 50
const WARM_UP = 5
/** Edits lost one after another that end the round trip: the sync is broken, not slow. */
const MAX_LOST_IN_A_ROW = 3
/** The app's pull batch (replication.ts default): raw and HTTP pages are the same size. */
const PAGE = 200
/**
 * The page of a far-behind pull (replication.ts BULK_PAGE), in which a first sync of 50,000 is written: the
 * storage's own figures write the same rows in transactions of this size.
 */
const BULK_PAGE = 2000
const SEED_CHUNK = 5000

/** What the page exposes (bench/data/sync-page.mts); typed here because this file has no DOM types. */
interface Laptop {
  open(name: string): Promise<void>
  firstSync(
    url: string,
    token: string,
    user: { userId: string; role: 'rep' },
    trace?: boolean,
  ): Promise<{ ms: number; perCollection: Record<string, number>; invoices: number }>
  watch(id: string, name: string): void
  arrived(id: string, name: string, timeoutMs: number): Promise<number | null>
  edit(id: string, name: string): Promise<{ start: number; end: number }>
  refusals(): string[]
  close(): Promise<string[]>
  storageCeiling(page: number): Promise<{ rawDexie: number; rxdb: number; docs: number }>
}
/** The page's global, used inline in `page.evaluate` callbacks (they run in the page and see no closures). */
type PageGlobal = { laptop: Laptop }

/**
 * The data bench's dataset (bench/data/bench-dataset.mts), loaded by a computed specifier: that module
 * imports renderer code, which tsconfig.node.json (holding bench/) does not list.
 */
async function dataset(invoices: number): Promise<{ customers: Customer[]; invoices: Invoice[] }> {
  const specifier = './data/bench-dataset.mjs'
  const mod = (await import(/* @vite-ignore */ specifier)) as {
    BENCH_SIZES: Record<string, number>
    benchDataset(
      seed: number,
      sizes: Record<string, number>,
    ): { data: { customers: Customer[]; invoices: Invoice[] } }
  }
  return mod.benchDataset(20_251_127, { ...mod.BENCH_SIZES, invoices }).data
}

function print(figure: string, values: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: 'sync-laptops', figure, ...values }))
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9

type Server = TestServer

/**
 * The real server on an embedded PostgreSQL, as the tests start it, with the bench page's origin allowed by its
 * CORS list (the laptops are pages of a browser, served from another origin than the server).
 */
async function startBenchServer(pageOrigin: string): Promise<Server> {
  return startTestServer({}, UNLIMITED_PUSHES, [pageOrigin])
}

/** The customers through the real push (validated), the invoices with SQL: the pull is measured, not the push. */
async function seedServer(server: Server, rep: Client): Promise<{ customers: number }> {
  const data = await dataset(INVOICES)
  const customers: Customer[] = data.customers.map((c) => ({ ...c, ownerId: rep.userId }))
  for (let i = 0; i < customers.length; i += 500) {
    const answer = await rep.push('customers', customers.slice(i, i + 500).map(create))
    if (answer.rejections.length > 0) throw new Error(JSON.stringify(answer.rejections[0]))
  }
  const invoices: Invoice[] = data.invoices
  for (let i = 0; i < invoices.length; i += SEED_CHUNK) {
    const chunk = invoices.slice(i, i + SEED_CHUNK)
    // Seqs taken under the same counter the server advances, as its own writer does.
    await server.pool.query(
      `WITH s AS (
         INSERT INTO collection_seq (collection, last_seq) VALUES ('invoices', $5)
         ON CONFLICT (collection) DO UPDATE SET last_seq = collection_seq.last_seq + $5
         RETURNING last_seq - $5 AS first)
       INSERT INTO documents (collection, id, data, seq, owner_id, customer_id, number)
       SELECT 'invoices', w.id, w.data, s.first + w.n, $6, w.customer, w.number
         FROM s, unnest($1::text[], $2::jsonb[], $3::text[], $4::text[])
              WITH ORDINALITY AS w(id, data, customer, number, n)`,
      [
        chunk.map((d) => d.id),
        chunk.map((d) => JSON.stringify(d)),
        chunk.map((d) => d.customerId),
        chunk.map((d) => d.number),
        chunk.length,
        rep.userId,
      ],
    )
  }
  await server.pool.query('VACUUM ANALYZE documents')
  return { customers: customers.length }
}

/** The pages a first sync pulls, read straight from PostgreSQL. */
async function rawSelects(server: Server, ownerId: string): Promise<number> {
  const start = process.hrtime.bigint()
  let selected = 0
  let checkpoint = 0
  for (;;) {
    const { rows } = await server.pool.query<{ doc: string; seq: string }>(
      `SELECT data::text AS doc, seq FROM documents
        WHERE collection = 'invoices' AND owner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [ownerId, checkpoint, PAGE],
    )
    selected += rows.length
    checkpoint = Number(rows.at(-1)?.seq ?? checkpoint)
    if (rows.length < PAGE) break
  }
  return selected / seconds(start)
}

/** The same pages over HTTP, parsed by Node and thrown away. */
async function httpPulls(rep: Client): Promise<number> {
  const start = process.hrtime.bigint()
  const pulled = (await rep.pullAll('invoices', PAGE)).length
  return pulled / seconds(start)
}

async function laptop(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
  // The console names no URL for a failed request: this line does.
  page.on('response', (r) => {
    if (r.status() >= 400)
      console.error(`laptop: HTTP ${r.status()} ${r.request().method()} ${r.url()}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`laptop: ${m.text()}`)
  })
  await page.goto(url)
  await page.waitForFunction(() => 'laptop' in globalThis)
  await page.evaluate(() => (globalThis as unknown as PageGlobal).laptop.open('fieldbill'))
  return page
}

/** The laptop signs in as the rep of `rep`'s token (as the app's Connect does) and syncs everything. */
function firstSync(page: Page, url: string, rep: Client) {
  const user = { userId: rep.userId, role: 'rep' as const }
  return page.evaluate(
    ([u, t, who, trace]) =>
      (globalThis as unknown as PageGlobal).laptop.firstSync(u, t, who, trace),
    [url, rep.token, user, !!process.env.BENCH_SYNC_TRACE] as const,
  )
}

/**
 * BENCH_SYNC_PROFILE=1: a CPU profile of the laptop's page during the first sync, written to
 * bench/results/first-sync.cpuprofile (open it in Chromium's DevTools, Performance panel); the page is then
 * built unminified, so the profile names functions.
 */
async function startProfile(page: Page): Promise<{ stop(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.start')
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop')
      const file = join(RESULTS_DIR, 'first-sync.cpuprofile')
      await writeFile(file, JSON.stringify(profile))
      print('profile', { file, top: topFunctions(profile) })
    },
  }
}

/** Median, p95 and every run of one figure. */
function spread(values: number[], digits = 0) {
  const r = (x: number) => (digits ? round2(x) : Math.round(x))
  return { median: r(median(values)), p95: r(p95(values)), runs: values.map(r) }
}

async function measureFirstSync(
  browser: Browser,
  pageUrl: string,
  server: Server,
  ann: Client,
  customers: number,
) {
  const raw: number[] = []
  const http: number[] = []
  const load = await loadAverage()
  for (let k = 0; k < RUNS; k++) {
    raw.push(await rawSelects(server, ann.userId))
    http.push(await httpPulls(ann))
  }
  print('serverSide', {
    invoices: INVOICES,
    batchSize: PAGE,
    rawSelectInvoicesPerSecond: spread(raw),
    httpPullInvoicesPerSecond: spread(http),
    loadAverage: load,
    loadAverageAtEnd: await loadAverage(),
  })

  const perSecond: number[] = []
  const secondsTaken: number[] = []
  const rawDexie: number[] = []
  const rxdb: number[] = []
  const ratio: number[] = []
  const loads: number[][] = []
  for (let k = 0; k < RUNS; k++) {
    loads.push(await loadAverage())
    const page = await laptop(browser, pageUrl)
    const profiler =
      process.env.BENCH_SYNC_PROFILE && k === 0 ? await startProfile(page) : undefined
    const { ms, perCollection, invoices } = await firstSync(page, server.url, ann)
    if (profiler) await profiler.stop()
    const errors = await page.evaluate(() => (globalThis as unknown as PageGlobal).laptop.close())
    expect(errors).toEqual([])
    expect(invoices).toBe(INVOICES)
    // The same stored rows, written by the storage alone in this laptop right after its sync.
    const ceiling = await page.evaluate(
      (n) => (globalThis as unknown as PageGlobal).laptop.storageCeiling(n),
      BULK_PAGE,
    )
    const rate = invoices / (ms / 1000)
    perSecond.push(rate)
    secondsTaken.push(ms / 1000)
    rawDexie.push(ceiling.rawDexie)
    rxdb.push(ceiling.rxdb)
    ratio.push(rate / ceiling.rawDexie)
    print('firstSyncRun', {
      run: k + 1,
      invoices,
      seconds: round2(ms / 1000),
      invoicesPerSecond: Math.round(rate),
      rawDexieBulkPutInvoicesPerSecond: Math.round(ceiling.rawDexie),
      rxdbBulkInsertInvoicesPerSecond: Math.round(ceiling.rxdb),
      ratioToRawDexie: round2(rate / ceiling.rawDexie),
      msUntilEachCollectionDone: perCollection,
      loadAverage: loads.at(-1),
    })
    await page.context().close()
  }
  print('firstSync', {
    invoices: INVOICES,
    customers,
    seconds: spread(secondsTaken, 2),
    invoicesPerSecond: spread(perSecond),
    msPerInvoice: spread(
      secondsTaken.map((x) => (x * 1000) / INVOICES),
      2,
    ),
    target: 2000,
    met: median(perSecond) >= 2000,
    loadAverage: loads[0],
    loadAverageAtEnd: await loadAverage(),
  })
  print('firstSyncAgainstStorage', {
    invoices: INVOICES,
    batchSize: BULK_PAGE,
    rawDexieBulkPutInvoicesPerSecond: spread(rawDexie),
    rxdbBulkInsertInvoicesPerSecond: spread(rxdb),
    firstSyncInvoicesPerSecond: spread(perSecond),
    ratioToRawDexie: spread(ratio, 2),
    target: 0.7,
    met: median(ratio) >= 0.7,
    loadAverage: loads[0],
    loadAverageAtEnd: await loadAverage(),
  })
}

async function measureRoundTrip(browser: Browser, pageUrl: string, server: Server) {
  const bob = await server.signIn('bob', 'rep')
  const owner = customer('C-bob', bob.userId)
  const shared = invoice('I-bob', 'INV-BOB-000001', owner, 3)
  expect((await bob.push('customers', [create(owner)])).rejections).toEqual([])
  expect((await bob.push('invoices', [create(shared)])).rejections).toEqual([])
  const [a, b] = await Promise.all([laptop(browser, pageUrl), laptop(browser, pageUrl)])
  if (!a || !b) throw new Error('two laptops expected')
  for (const page of [a, b]) expect((await firstSync(page, server.url, bob)).invoices).toBe(1)

  const trips: number[] = []
  const writes: number[] = []
  let lost = 0
  let lostInARow = 0
  for (let n = 0; n < WARM_UP + ROUND_TRIPS; n++) {
    const name = `Edited on A ${n}`
    await b.evaluate(([id, v]) => (globalThis as unknown as PageGlobal).laptop.watch(id, v), [
      shared.id,
      name,
    ] as const)
    const { start, end } = await a.evaluate(
      ([id, v]) => (globalThis as unknown as PageGlobal).laptop.edit(id, v),
      [shared.id, name] as const,
    )
    const at = await b.evaluate(
      ([id, v]) => (globalThis as unknown as PageGlobal).laptop.arrived(id, v, 15_000),
      [shared.id, name] as const,
    )
    if (at === null) {
      // A refused push never arrives: say why at once instead of waiting out every other edit.
      const refused = await a.evaluate(() =>
        (globalThis as unknown as PageGlobal).laptop.refusals(),
      )
      if (refused.length > 0) throw new Error(`laptop A's edit was refused: ${refused.join('; ')}`)
      if (++lostInARow >= MAX_LOST_IN_A_ROW)
        throw new Error(`${lostInARow} edits in a row did not reach laptop B within 15 s`)
    } else lostInARow = 0
    if (n < WARM_UP) continue
    if (at === null) lost++
    else trips.push(at - start)
    writes.push(end - start)
  }
  print('roundTrip', {
    edits: ROUND_TRIPS,
    medianMs: round2(median(trips)),
    p95Ms: round2(p95(trips)),
    maxMs: round2(Math.max(...trips)),
    localWriteMedianMs: round2(median(writes)),
    notArrivedIn15s: lost,
    runs: trips.length,
    target: 250,
    met: median(trips) <= 250,
    loadAverage: await loadAverage(),
  })
  for (const page of [a, b]) {
    const errors = await page.evaluate(() => (globalThis as unknown as PageGlobal).laptop.close())
    expect(errors).toEqual([])
  }
  expect(lost).toBe(0)
}

it('sync laptops: first sync of 50,000 invoices and the round trip of one edit', async () => {
  const outDir = join(RESULTS_DIR, 'sync-page')
  await buildBenchPage('sync.html', outDir, '/', !process.env.BENCH_SYNC_PROFILE)
  const { server: pageServer, url: pageUrl } = await serve({ '/': outDir })
  const server = await startBenchServer(new URL(pageUrl).origin)
  const { path: executablePath, args } = await chromiumSettings()
  const browser = await chromium.launch({
    headless: true,
    args,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    const ann = await server.signIn('ann', 'rep')
    // The seed first, so the round trip is measured on a server of a real company's size, not on an empty
    // one; the round trip (a minute) before the first syncs (many minutes at 50,000), so a run cut short
    // still has it.
    const seeding = process.hrtime.bigint()
    const { customers } = await seedServer(server, ann)
    print('seeded', { invoices: INVOICES, customers, seconds: round2(seconds(seeding)) })
    await measureRoundTrip(browser, `${pageUrl}sync.html`, server)
    await measureFirstSync(browser, `${pageUrl}sync.html`, server, ann, customers)
  } finally {
    await browser.close()
    await server.stop()
    pageServer.close()
  }
}, 7_200_000)
