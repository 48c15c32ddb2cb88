/**
 * A real sync server for the sync specs: a fresh database on the run's embedded PostgreSQL (e2e/global-setup.ts)
 * and `src-server/main.ts` in a child process on 127.0.0.1, both started by the spec's worker and stopped by it
 * (the child by its PID).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createUser } from '../src-server/auth'
import { createPool } from '../src-server/db'
import {
  freePort,
  startTestDatabase,
  type TestDatabase,
} from '../src-server/test-support/embedded-pg'

export interface SyncServer {
  url: string
  /** Creates a user with this password (at least 8 characters). */
  addUser(name: string, role: 'rep' | 'integration' | 'admin', password: string): Promise<void>
  /**
   * Signs in as this user and pushes these records as new, as a desktop's replication would; a rejection
   * fails the caller.
   */
  push(user: string, password: string, collection: string, records: object[]): Promise<void>
  /** The sessions of this user the server holds (signed in and not ended). */
  sessions(user: string): Promise<number>
  stop(): Promise<void>
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)))
  })
}

/**
 * Starts PostgreSQL and the server; migrations are applied by the server itself.
 *
 * @param options.webOrigins - origins let in besides the browser build's (the desktop project's stand-in origin)
 */
export async function startSyncServer(
  options: { webOrigins?: string[] } = {},
): Promise<SyncServer> {
  const db: TestDatabase = await startTestDatabase()
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      // The browser build the specs drive (playwright.config.ts): the server lets only that origin in.
      WEB_ORIGIN: [
        `http://127.0.0.1:${process.env.E2E_PORT ?? 5199}`,
        ...(options.webOrigins ?? []),
      ].join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await waitForListening(child).catch(async (e: unknown) => {
    if (child.pid) process.kill(child.pid, 'SIGKILL')
    await db.stop()
    throw e
  })
  const pool = createPool(db.url, 2)
  return {
    url,
    async addUser(name, role, password) {
      await createUser(pool, { name, role, password })
    },
    async push(user, password, collection, records) {
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: user, password }),
      })
      const { token } = (await login.json()) as { token: string }
      const rows = records.map((r) => ({ newDocumentState: { ...r, _deleted: false } }))
      const answer = await fetch(`${url}/sync/${collection}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows }),
      })
      const body = (await answer.json()) as { rejections?: unknown[]; conflicts?: unknown[] }
      if (!answer.ok || body.rejections?.length || body.conflicts?.length)
        throw new Error(`push of ${collection} refused: ${answer.status} ${JSON.stringify(body)}`)
    },
    async sessions(user) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE u.name = $1 AND s.expires_at > now()`,
        [user],
      )
      return rows[0]?.n ?? 0
    },
    async stop() {
      await pool.end()
      if (child.pid && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        process.kill(child.pid, 'SIGTERM')
        await exited
      }
      await db.stop()
    },
  }
}
