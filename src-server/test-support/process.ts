/**
 * The sync server as its own process (`npm run server`'s entry under tsx), for tests that kill it: SIGKILL in the
 * middle of a push, a restart on the same port, and a collection's lock held from outside so a push is caught
 * inside its transaction.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import pg from 'pg'
import { lockKey } from '../collections'
import { createPool, migrate } from '../db'
import { startTestDatabase } from './embedded-pg'
import { createAndSignIn, type Client } from './server'

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** SIGKILL, as a crash or a pulled plug would: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>
}

/**
 * Starts `src-server/main.ts` in a process of its own (node --import tsx, so its PID is the server itself).
 *
 * @param port - 0 for a free port; a restart passes the port it had, so clients find it again
 */
export async function startServerProcess(databaseUrl: string, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  for await (const chunk of child.stdout) {
    out += String(chunk)
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
    if (url)
      return {
        child,
        url,
        async kill() {
          if (child.exitCode !== null || child.signalCode !== null) return
          const exited = once(child, 'exit')
          child.kill('SIGKILL')
          await exited
        },
      }
  }
  throw new Error(`server did not start: ${out}`)
}

/** Holds a collection's push lock from outside, so a push waits inside its transaction until `end()`. */
export async function holdCollectionLock(
  databaseUrl: string,
  collection: string,
): Promise<pg.Client> {
  const holder = new pg.Client({ connectionString: databaseUrl })
  await holder.connect()
  await holder.query('SELECT pg_advisory_lock($1)', [lockKey(collection)])
  return holder
}

/** Resolves once a push waits on a held collection lock (in this database: the cluster may hold others). */
export async function waitForBlockedPush(pool: pg.Pool): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
          AND datname = current_database()`,
    )
    if (rows.length > 0) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('no push reached the held lock')
}

/** PostgreSQL and a server process that a test kills and restarts on the same port (the client's URL). */
export interface KillableServer {
  readonly url: string
  signIn(name: string, role: 'rep' | 'integration' | 'admin'): Promise<Client>
  /** Pushes of `collection` wait inside their transaction until `release()`. */
  blockPushes(collection: string): Promise<{ release(): Promise<void> }>
  waitForBlockedPush(): Promise<void>
  kill(): Promise<void>
  restart(): Promise<void>
  /** Rows of a collection in the database (tombstones included). */
  count(collection: string): Promise<number>
  stop(): Promise<void>
}

export async function startKillableServer(): Promise<KillableServer> {
  const db = await startTestDatabase()
  const pool = createPool(db.url, 5)
  await migrate(pool)
  let server = await startServerProcess(db.url)
  const url = server.url
  const port = Number(new URL(url).port)
  return {
    url,
    signIn: (name, role) => createAndSignIn(pool, url, name, role),
    async blockPushes(collection) {
      const holder = await holdCollectionLock(db.url, collection)
      return { release: () => holder.end() }
    },
    waitForBlockedPush: () => waitForBlockedPush(pool),
    kill: () => server.kill(),
    async restart() {
      await server.kill()
      server = await startServerProcess(db.url, port)
    },
    async count(collection) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM documents WHERE collection = $1',
        [collection],
      )
      return rows[0]?.n ?? 0
    },
    async stop() {
      await server.kill()
      await pool.end()
      await db.stop()
    },
  }
}

/** One PostgreSQL and two server processes on it, as a company runs several behind a load balancer. */
export interface ServerPair {
  readonly urls: readonly [string, string]
  /** Signs in on the first process; the session is PostgreSQL's, so the token serves on either. */
  signIn(name: string, role: 'rep' | 'integration' | 'admin'): Promise<Client>
  stop(): Promise<void>
}

export async function startServerPair(): Promise<ServerPair> {
  const db = await startTestDatabase()
  const pool = createPool(db.url, 5)
  await migrate(pool)
  const first = await startServerProcess(db.url)
  const second = await startServerProcess(db.url)
  return {
    urls: [first.url, second.url],
    signIn: (name, role) => createAndSignIn(pool, first.url, name, role),
    async stop() {
      await Promise.all([first.kill(), second.kill()])
      await pool.end()
      await db.stop()
    },
  }
}
