/**
 * Sync server benchmarks against a real PostgreSQL (embedded, started and stopped here):
 * - push: 20 concurrent clients pushing new invoices through HTTP (validation, repricing, compare-and-set,
 *   per-collection lock), beside raw INSERTs of the same rows in the same batches from 20 connections
 *   (target: push ≥ 25 % of raw);
 * - pull: 50,000 invoices pulled over HTTP by Node (client parses every page, stores nothing), beside raw
 *   SELECTs of the same pages: the server's side of a first sync. The first sync as a laptop does it (the app's
 *   replication into its IndexedDB store, target ≥ 2,000 invoices/s) is measured in sync-laptops.bench-run.ts.
 * Each figure is one JSON line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type pg from 'pg'
import { buildApp } from '../src-server/app'
import { createUser } from '../src-server/auth'
import { createPool, migrate } from '../src-server/db'
import { customer, invoice } from '../src-server/test-support/documents'
import { startTestDatabase, type TestDatabase } from '../src-server/test-support/embedded-pg'
import { client, create, type Client } from '../src-server/test-support/server'
import type { Invoice } from '../src-core/documents/types'
import { benchInvoices, loadAverage } from './browser'

const CLIENTS = 20
const BATCHES = 10
const BATCH = 50
/** The invoices a first sync pulls: the company's (BENCH_INVOICES makes it fewer). */
const PULL_DOCS = benchInvoices()
const PULL_BATCH = 1000

let db: TestDatabase
let pool: pg.Pool
let app: ReturnType<typeof buildApp>
let url: string

const round = (x: number) => Math.round(x)
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9

beforeAll(async () => {
  db = await startTestDatabase()
  pool = createPool(db.url, 30)
  await migrate(pool)
  app = buildApp({ pool, databaseUrl: db.url, logger: false })
  url = await app.listen({ host: '127.0.0.1', port: 0 })
}, 120_000)

afterAll(async () => {
  await app?.close()
  await pool?.end()
  await db?.stop()
}, 120_000)

async function rep(name: string): Promise<Client> {
  await createUser(pool, { name, role: 'rep', password: `${name}-password` })
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `${name}-password` }),
  })
  const { token } = (await response.json()) as { token: string }
  return client(url, token, name)
}

/** Every client's batches of invoices, built through the src-core rules (3 lines each). */
function workload(clients: number): Invoice[][][] {
  return Array.from({ length: clients }, (_, c) => {
    const owner = customer(`C-${c}`, `rep${c}`)
    return Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: BATCH }, (_, i) => {
        const n = `${c}-${b}-${i}`
        return invoice(`I-${n}`, `INV-${n}-BENCH`, owner, 3)
      }),
    )
  })
}

async function rawInserts(batches: Invoice[][][]): Promise<number> {
  await pool.query('CREATE TABLE raw_documents (LIKE documents INCLUDING ALL)')
  let seq = 0
  const start = process.hrtime.bigint()
  await Promise.all(
    batches.map(async (own) => {
      for (const batch of own) {
        const first = seq
        seq += batch.length
        await pool.query(
          `INSERT INTO raw_documents (collection, id, data, seq, owner_id, customer_id, number)
           SELECT 'invoices', w.id, w.data, w.seq, w.owner, w.customer, w.number
             FROM unnest($1::text[], $2::jsonb[], $3::bigint[], $4::text[], $5::text[], $6::text[])
               AS w(id, data, seq, owner, customer, number)`,
          [
            batch.map((d) => d.id),
            batch.map((d) => JSON.stringify(d)),
            batch.map((_, i) => first + i + 1),
            batch.map((d) => d.ownerId),
            batch.map((d) => d.customerId),
            batch.map((d) => d.number),
          ],
        )
      }
    }),
  )
  return seconds(start)
}

it('push throughput, 20 concurrent clients, beside raw inserts', async () => {
  const reps = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => rep(`rep${c}`)))
  await Promise.all(
    reps.map((r, c) => r.push('customers', [create(customer(`C-${c}`, `rep${c}`))])),
  )
  const batches = workload(CLIENTS)
  const total = CLIENTS * BATCHES * BATCH
  const start = process.hrtime.bigint()
  await Promise.all(
    reps.map(async (r, c) => {
      for (const batch of batches[c] ?? []) {
        const answer = await r.push('invoices', batch.map(create))
        if (answer.rejections.length > 0) throw new Error(JSON.stringify(answer.rejections[0]))
      }
    }),
  )
  const pushSeconds = seconds(start)
  const rawSeconds = await rawInserts(batches)
  const push = total / pushSeconds
  const raw = total / rawSeconds
  console.log(
    JSON.stringify({
      bench: 'sync-push',
      clients: CLIENTS,
      batchSize: BATCH,
      documents: total,
      pushDocsPerSecond: round(push),
      rawInsertDocsPerSecond: round(raw),
      ratio: Math.round((push / raw) * 1000) / 1000,
      target: 0.25,
      met: push / raw >= 0.25,
      loadAverage: await loadAverage(),
    }),
  )
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM documents WHERE collection = 'invoices'",
  )
  expect(rows[0]?.n).toBe(total)
})

it('50,000 invoices pulled over HTTP beside raw selects', async () => {
  const reader = await rep('puller')
  const owner = customer('C-puller', 'puller')
  await reader.push('customers', [create(owner)])
  const template = invoice('T', 'T', owner, 3)
  // Seeded with SQL: the pull path, not the push path, is measured here.
  const { rows: seqRows } = await pool.query<{ last_seq: string }>(
    "SELECT last_seq FROM collection_seq WHERE collection = 'invoices'",
  )
  const firstSeq = Number(seqRows[0]?.last_seq ?? 0)
  await pool.query(
    `INSERT INTO documents (collection, id, data, seq, owner_id, customer_id, number)
     SELECT 'invoices', 'P-' || g, jsonb_set(jsonb_set($1::jsonb, '{id}', to_jsonb('P-' || g)),
            '{number}', to_jsonb('PULL-' || g)), $2 + g, 'puller', 'C-puller', 'PULL-' || g
       FROM generate_series(1, $3) AS g`,
    [JSON.stringify(template), firstSeq, PULL_DOCS],
  )
  await pool.query(
    "UPDATE collection_seq SET last_seq = last_seq + $1 WHERE collection = 'invoices'",
    [PULL_DOCS],
  )
  await pool.query('VACUUM ANALYZE documents')

  let start = process.hrtime.bigint()
  let pulled = 0
  let checkpoint = 0
  for (let page = 0; page < 1000; page++) {
    const response = await reader.get(
      `/sync/invoices/pull?checkpoint=${checkpoint}&batchSize=${PULL_BATCH}`,
    )
    const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } }
    pulled += body.documents.length
    checkpoint = body.checkpoint.seq
    if (body.documents.length < PULL_BATCH) break
  }
  const httpSeconds = seconds(start)

  start = process.hrtime.bigint()
  let selected = 0
  checkpoint = 0
  for (let page = 0; page < 1000; page++) {
    const { rows } = await pool.query<{ data: unknown; seq: string }>(
      `SELECT data, seq FROM documents
        WHERE collection = 'invoices' AND owner_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      ['puller', checkpoint, PULL_BATCH],
    )
    selected += rows.length
    checkpoint = Number(rows.at(-1)?.seq ?? checkpoint)
    if (rows.length < PULL_BATCH) break
  }
  const rawSeconds = seconds(start)
  console.log(
    JSON.stringify({
      bench: 'sync-pull',
      documents: pulled,
      batchSize: PULL_BATCH,
      pullDocsPerSecond: round(pulled / httpSeconds),
      rawSelectDocsPerSecond: round(selected / rawSeconds),
      httpPullSeconds: Math.round(httpSeconds * 100) / 100,
      loadAverage: await loadAverage(),
    }),
  )
  expect(pulled).toBe(PULL_DOCS)
  expect(selected).toBe(PULL_DOCS)
})
