/**
 * A sync server for one test file: its own embedded PostgreSQL, migrations applied, the Fastify app on
 * 127.0.0.1 at a free port, and small HTTP helpers that talk to it with fetch.
 */
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import type { ActorRole } from '@core/documents/types'
import {
  pullPath,
  pushPath,
  SYNC_ROUTES,
  type LoginReply,
  type PullPage,
  type PushAnswer,
  type WireDocument,
} from '@core/sync/wire'
import { buildApp } from '../app'
import { createUser, type AuthOptions } from '../auth'
import { createPool, migrate } from '../db'
import type { ServerLimits } from '../limits'
import { startTestDatabase, type TestDatabase } from './embedded-pg'

export interface TestServer {
  url: string
  pool: pg.Pool
  db: TestDatabase
  app: FastifyInstance
  /** Creates a user and signs in; returns the bearer token. */
  signIn(name: string, role: 'rep' | 'integration' | 'admin'): Promise<Client>
  stop(): Promise<void>
}

export interface Client {
  token: string
  userId: string
  get(path: string): Promise<Response>
  post(path: string, body: unknown): Promise<Response>
  /** POST /sync/:collection/push: the HTTP status and the parsed answer. */
  push(collection: string, rows: unknown[]): Promise<PushAnswer & { status: number }>
  /** Every document of a collection this user reads, following checkpoints to the end. */
  pullAll(collection: string, batchSize?: number): Promise<WireDocument[]>
}

export function client(url: string, token: string, userId: string): Client {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const self: Client = {
    token,
    userId,
    get: (path) => fetch(`${url}${path}`, { headers }),
    post: (path, body) =>
      fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
    async push(collection, rows) {
      const response = await self.post(pushPath(collection), { rows })
      const body = (await response.json()) as PushAnswer
      return { status: response.status, ...body }
    },
    async pullAll(collection, batchSize = 100) {
      const out: WireDocument[] = []
      let checkpoint = 0
      for (let page = 0; page < 10_000; page++) {
        const response = await self.get(pullPath(collection, { checkpoint, batchSize }))
        const body = (await response.json()) as PullPage
        out.push(...body.documents)
        if (body.documents.length < batchSize) break
        checkpoint = body.checkpoint.seq
      }
      return out
    },
  }
  return self
}

/** The password every test user gets. */
export const passwordOf = (name: string): string => `${name}-password`

/** Creates a user whose password is `passwordOf(name)`. */
export const addUser = (pool: pg.Pool, name: string, role: ActorRole = 'rep') =>
  createUser(pool, { name, role, password: passwordOf(name) })

/**
 * Signs in a user the database already has, at the server `url`.
 *
 * @throws when the server refuses the sign-in, naming its status
 */
export async function signInAt(url: string, name: string): Promise<Client> {
  const response = await fetch(`${url}${SYNC_ROUTES.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: passwordOf(name) }),
  })
  if (!response.ok) throw new Error(`${name} could not sign in: ${response.status}`)
  const body = (await response.json()) as LoginReply
  return client(url, body.token, body.user.id)
}

/** Creates a user and signs them in at the server `url`. */
export async function createAndSignIn(
  pool: pg.Pool,
  url: string,
  name: string,
  role: ActorRole,
): Promise<Client> {
  await addUser(pool, name, role)
  return signInAt(url, name)
}

/**
 * Pushes a test may send without being held back: the tests that are not about the push rate (a simulation of
 * five devices of one rep pushing thousands of times) run faster than any rep; attacks-login-limits.test.ts
 * tests the rate itself.
 */
export const UNLIMITED_PUSHES: Partial<ServerLimits> = {
  pushesPerSecond: 10_000,
  pushBurst: 10_000,
}

/** Starts PostgreSQL and the app. Call `stop()` in afterAll. */
export async function startTestServer(
  auth: Partial<AuthOptions> = {},
  limits: Partial<ServerLimits> = UNLIMITED_PUSHES,
  /** Page origins the server's CORS list allows (a bench's laptops are pages served from another origin). */
  corsOrigins?: readonly string[],
): Promise<TestServer> {
  const db = await startTestDatabase()
  const pool = createPool(db.url, 20)
  await migrate(pool)
  const app = buildApp({
    pool,
    databaseUrl: db.url,
    logger: false,
    auth,
    limits,
    ...(corsOrigins ? { corsOrigins } : {}),
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    pool,
    db,
    app,
    signIn: (name, role) => createAndSignIn(pool, url, name, role),
    async stop() {
      await app.close()
      await pool.end()
      await db.stop()
    },
  }
}

/** A push row that creates a record (no assumed master state). */
export const create = (doc: object) => ({ newDocumentState: { ...doc, _deleted: false } })

/** A push row that changes `before` into `after`. */
export const change = (before: object, after: object) => ({
  assumedMasterState: { ...before, _deleted: false },
  newDocumentState: { ...after, _deleted: false },
})
