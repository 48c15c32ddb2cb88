/**
 * The PostgreSQL side of the server: the pool, migrations (plain SQL files applied in order, each in its own
 * transaction, recorded in `schema_migrations`) and a transaction helper.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

/** The migrations shipped with the server. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/**
 * A pool for `DATABASE_URL`; sized for a small server, overridable. An idle connection that PostgreSQL drops
 * (a restart, a failover) is discarded by the pool; without a listener its error would end the process.
 */
export function createPool(
  connectionString: string,
  max = 10,
  onError: (e: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({ connectionString, max })
  pool.on('error', onError)
  return pool
}

/** Runs `work` in a transaction on one connection: COMMIT when it returns, ROLLBACK when it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

/** The migration files in order: `NNN-name.sql`. */
export async function migrationFiles(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = await readdir(dir)
  return names.filter((n) => /^\d{3}-[\w-]+\.sql$/.test(n)).sort()
}

/**
 * Applies pending migrations. Concurrent server starts are serialized by an advisory lock, so two processes
 * never apply the same file twice.
 *
 * @returns the names of the files applied now
 */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied: string[] = []
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock(7438001)')
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = await client.query<{ name: string }>('SELECT name FROM schema_migrations')
    const have = new Set(done.rows.map((r) => r.name))
    for (const name of await migrationFiles(dir)) {
      if (have.has(name)) continue
      const sql = await readFile(join(dir, name), 'utf8')
      await client.query('BEGIN')
      try {
        await client.query(sql)
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name])
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK')
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`, { cause: e })
      }
      applied.push(name)
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7438001)').catch(() => undefined)
    client.release()
  }
  return applied
}

/** Whether every shipped migration has been applied (readiness). */
export async function migrationsApplied(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<boolean> {
  const files = await migrationFiles(dir)
  const done = await pool.query<{ name: string }>(
    'SELECT name FROM schema_migrations WHERE name = ANY($1)',
    [files],
  )
  return done.rowCount === files.length
}
