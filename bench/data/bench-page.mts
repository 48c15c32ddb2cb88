/**
 * The data benchmark's page, built by Vite and driven by bench/data.bench-run.ts. It exposes `window.bench`:
 * `seed()` writes the dataset into IndexedDB through the app's data layer; `rxdb(figure, runs)` and
 * `raw(figure, runs)` time one figure through RxDB (the app's repositories) or through Dexie directly on the
 * same IndexedDB tables RxDB's Dexie storage wrote, and answer every run's milliseconds.
 */
import Dexie, { type Table } from 'dexie'
import {
  closeDatabase,
  createRepositories,
  openDatabase,
  type Database,
  type Repositories,
} from '../../src-renderer/data'
import { insertDataset } from '../../src-renderer/data/sample/load'
import { invoiceSchema } from '../../src-renderer/data/schemas/documents'
import { BENCH_SIZES, benchDataset } from './bench-dataset.mjs'
import { conflictHandlerFor } from '../../src-renderer/sync/conflict-handler'

const DB_NAME = 'fieldbill-bench'
const PAGE = 50
const STATUSES = [
  'new',
  'partiallyShipped',
  'billed',
  'booked',
  'installed',
  'complete',
  'partial',
  'canceled',
] as const
const FROM = '2025-01-01T00:00:00.000Z'
const TO = '2025-03-01T00:00:00.000Z'

let repos: Repositories | undefined
let dexie: Dexie | undefined
let runCounter = 0
let invoiceCount = 50_000

async function openRx(): Promise<Repositories> {
  repos ??= createRepositories(await openDatabase({ name: DB_NAME, conflictHandlerFor }))
  return repos
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

/** An id and a customer from the data, picked by run number so runs do not just hit one cached document. */
function invoiceId(n: number): string {
  return `binv-${((n * 7919) % invoiceCount) + 1}`
}
let customerIds: string[] = []
/** Loaded once, before any timing, so no figure pays for picking its customer. */
async function loadCustomerIds(db: Database): Promise<void> {
  if (customerIds.length === 0) customerIds = (await db.customers.find().exec()).map((d) => d.id)
}
function customerId(n: number): string {
  return customerIds[(n * 31) % customerIds.length] ?? ''
}
/**
 * Each run asks a different question (another window, another status), so RxDB's query cache cannot answer a
 * repeat: the figures are of queries that really reach IndexedDB.
 */
function dateWindow(n: number): { from: string; to: string } {
  const from = Date.parse(FROM) + (n % 60) * 86_400_000
  return { from: new Date(from).toISOString(), to: new Date(from + 59 * 86_400_000).toISOString() }
}
function until(n: number): string {
  return new Date(Date.parse(TO) + n * 3_600_000).toISOString()
}

const rxFigures: Record<string, (n: number) => Promise<unknown>> = {
  async firstPage(n) {
    if (repos) await closeDatabase(repos.db)
    repos = undefined
    return rxFigures.firstPageQuery?.(n)
  },
  async firstPageQuery() {
    const r = await openRx()
    return r.invoices.page({ page: 0, pageSize: PAGE, sort: 'createdAt' })
  },
  async statusDateQuery(n) {
    const r = await openRx()
    const status = STATUSES[n % 3] ?? 'new'
    const { from, to } = dateWindow(n)
    // The Invoices list's query: newest first, through the repository (an index range, no count).
    const filter = { status, createdFrom: from, createdBefore: to }
    return r.invoices.page({ page: 0, pageSize: PAGE, sort: 'createdAt', filter })
  },
  async customerQuery(n) {
    const r = await openRx()
    const filter = { customerId: customerId(n) }
    return r.invoices.page({ page: 0, pageSize: PAGE, sort: 'createdAt', filter })
  },
  async countsByStatus(n) {
    const r = await openRx()
    const selector = (status: (typeof STATUSES)[number]) => ({
      status,
      createdAt: { $lt: until(n) },
    })
    return Promise.all(STATUSES.map((s) => r.db.invoices.count({ selector: selector(s) }).exec()))
  },
  async openInvoice(n) {
    const r = await openRx()
    return r.invoices.get(invoiceId(n))
  },
  async saveInvoice(n) {
    const r = await openRx()
    const [doc] = await r.db.invoices
      .find({ selector: { state: 'active' }, sort: [{ createdAt: 'asc' }], skip: n, limit: 1 })
      .exec()
    if (!doc) throw new Error('no active invoice to edit')
    // Only the save is timed: the caller of `timed` below measures `apply` alone.
    return () => r.invoices.apply(doc.id, { type: 'editHeader', changes: { name: `Edited ${n}` } })
  },
}

type Docs = Table<Record<string, unknown>, string>

async function rawDocs(): Promise<{ docs: Docs; deleted: unknown }> {
  if (!dexie) {
    // RxDB's Dexie storage keeps each collection in its own IndexedDB database, named after the collection's
    // schema version: read from the schema, so a new version cannot leave this figure on a database that is gone.
    dexie = new Dexie(`rxdb-dexie-${DB_NAME}--${invoiceSchema.version}--invoices`)
    await dexie.open()
  }
  const docs: Docs = dexie.table('docs')
  // IndexedDB cannot index booleans, so RxDB stores `_deleted` in its indexes as '0' / '1'.
  const sample = await docs.limit(1).first()
  return { docs, deleted: typeof sample?._deleted === 'string' ? '0' : 0 }
}

const MIN = Dexie.minKey
const MAX = Dexie.maxKey

/**
 * The raw reads do what the repository does: a page is PAGE + 1 rows (the extra one says whether a next page
 * exists) and no count: lists do not wait for one (repositories/paging.ts).
 */
const rawFigures: Record<string, (n: number) => Promise<unknown>> = {
  async firstPage(n) {
    dexie?.close()
    dexie = undefined
    return rawFigures.firstPageQuery?.(n)
  },
  async firstPageQuery() {
    const { docs, deleted: d } = await rawDocs()
    return docs
      .where('[_deleted+createdAt+id]')
      .between([d, MIN, MIN], [d, MAX, MAX])
      .reverse()
      .limit(PAGE + 1)
      .toArray()
  },
  async statusDateQuery(n) {
    const { docs, deleted: d } = await rawDocs()
    const status = STATUSES[n % 3] ?? 'new'
    const { from, to } = dateWindow(n)
    return docs
      .where('[_deleted+status+createdAt+id]')
      .between([d, status, from, MIN], [d, status, to, MIN])
      .reverse()
      .limit(PAGE + 1)
      .toArray()
  },
  async customerQuery(n) {
    const { docs, deleted: d } = await rawDocs()
    const id = customerId(n)
    return docs
      .where('[_deleted+customerId+createdAt+id]')
      .between([d, id, MIN, MIN], [d, id, MAX, MAX])
      .reverse()
      .limit(PAGE + 1)
      .toArray()
  },
  async countsByStatus(n) {
    const { docs, deleted: d } = await rawDocs()
    return Promise.all(
      STATUSES.map((s) =>
        docs
          .where('[_deleted+status+createdAt+id]')
          .between([d, s, MIN, MIN], [d, s, until(n), MIN])
          .count(),
      ),
    )
  },
  async openInvoice(n) {
    const { docs } = await rawDocs()
    return docs.get(invoiceId(n))
  },
}

async function measure(
  figures: Record<string, (n: number) => Promise<unknown>>,
  figure: string,
  runs: number,
): Promise<number[]> {
  const run = figures[figure]
  if (!run) throw new Error(`unknown figure ${figure}`)
  await loadCustomerIds((await openRx()).db)
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const n = runCounter++
    if (figure === 'saveInvoice') {
      const save = (await run(n)) as () => Promise<{ ok: boolean }>
      const start = performance.now()
      const saved = await save()
      times.push(performance.now() - start)
      if (!saved.ok) throw new Error('the edited invoice was refused')
    } else times.push(await timed(() => run(n)))
  }
  return times
}

async function seed(invoices: number) {
  invoiceCount = invoices
  const { data, stats } = benchDataset(20_251_127, { ...BENCH_SIZES, invoices })
  const db = await openDatabase({ name: DB_NAME, conflictHandlerFor })
  const start = performance.now()
  await insertDataset(db, data, { validate: false, chunkSize: 2000 })
  const insertMs = Math.round(performance.now() - start)
  await closeDatabase(db)
  return { ...stats, insertMs }
}

declare global {
  interface Window {
    bench: {
      seed: typeof seed
      rxdb: (figure: string, runs: number) => Promise<number[]>
      raw: (figure: string, runs: number) => Promise<number[]>
    }
  }
}

window.bench = {
  seed,
  rxdb: (figure, runs) => measure(rxFigures, figure, runs),
  raw: (figure, runs) => measure(rawFigures, figure, runs),
}
