/**
 * One PostgreSQL cluster for a whole test run, in place of one per test file: the run's global set-up (Vitest's
 * and Playwright's) starts a small coordinator on 127.0.0.1 and names it in `FIELDBILL_TEST_PG`, which the test
 * processes inherit. `startTestDatabase()` there asks it for a database: the first ask starts the cluster (a run
 * of pure tests never does), each ask gets a new empty database (CREATE DATABASE, as fresh as a new cluster's),
 * and a database given back is dropped. Databases keep files apart: LISTEN/NOTIFY, advisory locks and sessions
 * are each database's own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { SHARED_CLUSTER_ENV, startCluster, type TestCluster } from './embedded-pg'

export interface SharedCluster {
  /** The coordinator's address, as `FIELDBILL_TEST_PG` carries it. */
  address: string
  stop(): Promise<void>
}

/** Test files in parallel each hold pools and server processes; PostgreSQL's default of 100 is too few. */
const MAX_CONNECTIONS = 500

/** Starts the coordinator (not yet the cluster). */
export async function startSharedCluster(): Promise<SharedCluster> {
  let started: Promise<{ cluster: TestCluster; admin: pg.Client }> | undefined
  let made = 0
  // One statement at a time on the admin connection, in the order asked.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work)
    queue = next.catch(() => undefined)
    return next
  }
  const cluster = () =>
    (started ??= (async () => {
      const c = await startCluster(['-c', `max_connections=${MAX_CONNECTIONS}`])
      const admin = new pg.Client({ connectionString: c.urlOf('postgres') })
      await admin.connect()
      return { cluster: c, admin }
    })())

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { cluster: c, admin } = await cluster()
    if (req.method === 'POST' && req.url === '/databases') {
      const name = `test_${process.pid}_${++made}`
      await serially(() => admin.query(`CREATE DATABASE ${name}`))
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ name, url: c.urlOf(name) }))
      return
    }
    const dropped = /^\/databases\/(test_\d+_\d+)$/.exec(req.url ?? '')?.[1]
    if (req.method === 'DELETE' && dropped) {
      // FORCE: a server process a test killed may leave a connection PostgreSQL has not noticed yet.
      await serially(() => admin.query(`DROP DATABASE IF EXISTS ${dropped} WITH (FORCE)`))
      res.writeHead(204).end()
      return
    }
    res.writeHead(404).end(`No ${req.method} ${req.url}`)
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((e: unknown) => {
      res.writeHead(500).end(e instanceof Error ? (e.stack ?? e.message) : String(e))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    address: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      if (!started) return
      const { cluster: c, admin } = await started
      await admin.end()
      await c.stop()
    },
  }
}

/**
 * A global set-up (Vitest's `globalSetup`, Playwright's): starts the coordinator and names it to the test
 * processes; the function it returns is the tear-down.
 */
export async function setUpSharedCluster(): Promise<() => Promise<void>> {
  const shared = await startSharedCluster()
  process.env[SHARED_CLUSTER_ENV] = shared.address
  return async () => {
    delete process.env[SHARED_CLUSTER_ENV]
    await shared.stop()
  }
}
