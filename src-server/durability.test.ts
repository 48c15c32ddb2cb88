/**
 * The server as a process: killed in the middle of a push and restarted (nothing duplicated, nothing lost),
 * stopped with SIGTERM while a push is in flight (the push finishes), and concurrent pushes read by a puller
 * that must never skip a row.
 */
import { once } from 'node:events'
import { describe, expect, test } from 'vitest'
import { customer, invoice } from './test-support/documents'
import { databaseForFile } from './test-support/per-file'
import { client, create, createAndSignIn, signInAt, type Client } from './test-support/server'
import { holdCollectionLock, startServerProcess, waitForBlockedPush } from './test-support/process'

const { db, pool } = databaseForFile({ users: [{ name: 'gina' }] })

const signIn = (url: string): Promise<Client> => signInAt(url, 'gina')

const holdInvoiceLock = () => holdCollectionLock(db.url, 'invoices')
const startServer = () => startServerProcess(db.url)

const count = async (): Promise<{ n: number; max: number }> => {
  const { rows } = await pool.query<{ n: number; max: string | null }>(
    "SELECT count(*)::int AS n, max(seq) AS max FROM documents WHERE collection = 'invoices'",
  )
  return { n: rows[0]?.n ?? 0, max: Number(rows[0]?.max ?? 0) }
}

const gina = customer('C-gina', 'gina')
const batch = Array.from({ length: 200 }, (_, i) =>
  create(invoice(`K-${i}`, `INV-${String(i).padStart(5, '0')}-KILLED`, gina, 1)),
)

describe('a server killed in the middle of a push', () => {
  test('commits nothing; after a restart the retried push writes every row once', async () => {
    let server = await startServer()
    let rep = await signIn(server.url)
    expect((await rep.push('customers', [create(gina)])).rejections).toEqual([])
    const holder = await holdInvoiceLock()
    const inFlight = rep.push('invoices', batch).catch((e: Error) => e)
    await waitForBlockedPush(pool)
    await server.kill()
    expect(await inFlight).toBeInstanceOf(Error)
    await holder.end()
    expect(await count()).toEqual({ n: 0, max: 0 })

    server = await startServer()
    // Sessions live in PostgreSQL: the token survives the restart.
    rep = client(server.url, rep.token, 'gina')
    expect(await rep.push('invoices', batch)).toEqual({
      status: 200,
      conflicts: [],
      rejections: [],
    })
    const written = await count()
    expect(written.n).toBe(200)
    // The client cannot know whether its first attempt committed: it retries, and nothing changes.
    expect(await rep.push('invoices', batch)).toEqual({
      status: 200,
      conflicts: [],
      rejections: [],
    })
    expect(await count()).toEqual(written)
    expect((await rep.pullAll('invoices')).length).toBe(200)
    await server.kill()
  })
})

describe('SIGTERM', () => {
  test('finishes the push in flight, then exits cleanly', async () => {
    const server = await startServer()
    const rep = await signIn(server.url)
    const holder = await holdInvoiceLock()
    const row = create(invoice('T-1', 'INV-99999-SIGTRM', gina, 1))
    const inFlight = rep.push('invoices', [row])
    await waitForBlockedPush(pool)
    const exited = once(server.child, 'exit')
    server.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    await holder.end()
    expect(await inFlight).toEqual({ status: 200, conflicts: [], rejections: [] })
    expect(await exited).toEqual([0, null])
    const { rows } = await pool.query("SELECT 1 FROM documents WHERE id = 'T-1'")
    expect(rows).toHaveLength(1)
  })
})

describe('concurrent pushes', () => {
  test('a puller following checkpoints sees every row exactly once, in seq order', async () => {
    const server = await startServer()
    const writers = await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        const name = `w${w}`
        const rep = await createAndSignIn(pool, server.url, name, 'rep')
        await rep.push('customers', [create(customer(`C-${name}`, name))])
        return rep
      }),
    )
    const reader = await createAndSignIn(pool, server.url, 'reader', 'integration')
    const before = await count()
    let done = false
    const pushes = Promise.all(
      writers.map(async (rep, w) => {
        const c = customer(`C-w${w}`, `w${w}`)
        for (let b = 0; b < 10; b++) {
          const rows = Array.from({ length: 8 }, (_, i) =>
            create(invoice(`X-${w}-${b}-${i}`, `INV-${w}${b}${i}-CONCUR`, c, 1)),
          )
          const answer = await rep.push('invoices', rows)
          expect(answer.rejections).toEqual([])
        }
      }),
    ).finally(() => (done = true))
    const seen: number[] = []
    const ids = new Set<string>()
    let checkpoint = before.max
    for (let round = 0; round < 100_000; round++) {
      const finished = done
      const response = await reader.get(`/sync/invoices/pull?checkpoint=${checkpoint}&batchSize=7`)
      const page = (await response.json()) as {
        documents: Array<{ id: string }>
        checkpoint: { seq: number }
      }
      for (const d of page.documents) ids.add(d.id)
      seen.push(page.checkpoint.seq)
      checkpoint = page.checkpoint.seq
      if (finished && page.documents.length === 0) break
    }
    await pushes
    expect(ids.size).toBe(6 * 10 * 8)
    const after = await count()
    expect(after.n - before.n).toBe(6 * 10 * 8)
    // Seqs are dense: every reserved seq was committed, in order.
    expect(after.max - before.max).toBe(6 * 10 * 8)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    await server.kill()
  })
})
