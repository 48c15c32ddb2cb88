/**
 * One rep's large pushes do not starve another rep's small one: the server process (as `npm run server` runs it)
 * on a real PostgreSQL, one rep pushing batches of 1,000 invoices back to back while another pushes one invoice
 * at a time. A push holds the collection's lock for one slice of rows, not for its whole batch, so the small
 * push waits for a slice at most.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { customer, invoice } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import { databaseForFile } from './test-support/per-file'
import { startServerProcess, type ServerProcess } from './test-support/process'
import { create, signInAt, type Client } from './test-support/server'

/**
 * The longest a one-invoice push may take while another rep pushes 1,000-invoice batches. Measured on a 2-core
 * machine shared with other test runs (load average 19–22): 0.05–0.96 s with slices of 50 rows (idle: 75–130 ms);
 * with a whole batch in one transaction: 3.4–5.1 s.
 */
const BOUND_MS = 2000
const BATCHES = 4
const BATCH_ROWS = 1000

const { db, pool } = databaseForFile({ users: [{ name: 'big' }, { name: 'small' }] })
let server: ServerProcess

beforeAll(async () => {
  server = await startServerProcess(db.url)
}, HOOK_TIMEOUT)

afterAll(async () => {
  await server?.kill()
}, HOOK_TIMEOUT)

const signIn = (name: string): Promise<Client> => signInAt(server.url, name)

const countOf = async (owner: string): Promise<number> => {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM documents WHERE collection = 'invoices' AND owner_id = $1",
    [owner],
  )
  return rows[0]?.n ?? 0
}

test('a one-invoice push waits for a slice of another rep’s 1,000-invoice push, not for all of it', async () => {
  const big = await signIn('big')
  const small = await signIn('small')
  const bigCustomer = customer('C-big', 'big')
  const smallCustomer = customer('C-small', 'small')
  expect((await big.push('customers', [create(bigCustomer)])).rejections).toEqual([])
  expect((await small.push('customers', [create(smallCustomer)])).rejections).toEqual([])

  const smallPush = async (i: number): Promise<number> => {
    const doc = invoice(`S-${i}`, `INV-${String(i).padStart(5, '0')}-SMALLS`, smallCustomer, 1)
    const started = performance.now()
    const answer = await small.push('invoices', [create(doc)])
    const took = performance.now() - started
    expect(answer).toEqual({ status: 200, conflicts: [], rejections: [] })
    return took
  }
  const idle = [await smallPush(0), await smallPush(1)]

  const batches = Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: BATCH_ROWS }, (_, i) => {
      const n = b * BATCH_ROWS + i
      return create(invoice(`B-${n}`, `INV-${String(n).padStart(5, '0')}-BIGONE`, bigCustomer, 1))
    }),
  )
  let bigDone = false
  const bigPushes = (async () => {
    for (const rows of batches) {
      const answer = await big.push('invoices', rows)
      expect(answer.rejections).toEqual([])
    }
  })().finally(() => (bigDone = true))

  // Measure only while the large pushes are writing.
  for (let i = 0; i < 1000 && (await countOf('big')) === 0; i++)
    await new Promise((r) => setTimeout(r, 10))
  const loaded: number[] = []
  for (let i = 2; i < 40 && !bigDone; i++) loaded.push(await smallPush(i))
  await bigPushes
  console.info(
    `one-invoice push: idle ${idle.map((t) => t.toFixed(0)).join(', ')} ms; beside ${BATCHES} × ${BATCH_ROWS}-invoice pushes: ${loaded.map((t) => t.toFixed(0)).join(', ')} ms`,
  )
  expect(await countOf('big')).toBe(BATCHES * BATCH_ROWS)
  // Every small push measured started while the large ones were still writing; a few at least.
  expect(loaded.length).toBeGreaterThanOrEqual(3)
  expect(Math.max(...loaded)).toBeLessThanOrEqual(BOUND_MS)
}, 240_000)
