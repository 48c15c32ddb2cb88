/**
 * The set-up server test files share, in one place: a fresh embedded PostgreSQL with the migrations applied
 * (`databaseForFile`), or that and the app listening on 127.0.0.1 with users signed in (`serverForFile`), started
 * in Vitest's beforeAll and stopped in afterAll.
 *
 * Both return stand-ins a test file keeps at module scope (`const { server, ann } = serverForFile(…)`): each
 * reaches the real object once beforeAll has made it, and reading one earlier throws, naming it. A file's own
 * beforeAll, registered after the call, runs after this set-up; its afterAll runs before the tear-down.
 */
import type pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import type { ActorRole } from '@core/documents/types'
import type { AuthOptions } from '../auth'
import { createPool, migrate } from '../db'
import type { ServerLimits } from '../limits'
import { HOOK_TIMEOUT, startTestDatabase, type TestDatabase } from './embedded-pg'
import {
  addUser,
  create,
  startTestServer,
  UNLIMITED_PUSHES,
  type Client,
  type TestServer,
} from './server'

/** A stand-in for an object made later: it forwards every read to it, or throws while there is none. */
function later<T extends object>(name: string): { stand: T; set(value: T | undefined): void } {
  let current: T | undefined
  const stand = new Proxy({} as T, {
    get(_, key) {
      if (current === undefined)
        throw new Error(`${name} is not there: it is made in beforeAll (and only when asked for)`)
      const value: unknown = Reflect.get(current, key)
      return typeof value === 'function' ? (value as () => unknown).bind(current) : value
    },
  })
  return { stand, set: (value) => (current = value) }
}

export interface DatabaseOptions {
  /** Users created before the tests (password: `passwordOf(name)`). */
  users?: ReadonlyArray<{ name: string; role?: ActorRole }>
  poolSize?: number
}

/** A fresh PostgreSQL for this test file, migrated, with `users`; for tests that start server processes. */
export function databaseForFile(options: DatabaseOptions = {}): {
  db: TestDatabase
  pool: pg.Pool
} {
  const db = later<TestDatabase>('The test database')
  const pool = later<pg.Pool>('The test pool')
  let made: { db: TestDatabase; pool: pg.Pool } | undefined
  beforeAll(async () => {
    const started = await startTestDatabase()
    const opened = createPool(started.url, options.poolSize ?? 5)
    made = { db: started, pool: opened }
    db.set(started)
    pool.set(opened)
    await migrate(opened)
    for (const user of options.users ?? []) await addUser(opened, user.name, user.role)
  }, HOOK_TIMEOUT)
  afterAll(async () => {
    await made?.pool.end()
    await made?.db.stop()
  }, HOOK_TIMEOUT)
  return { db: db.stand, pool: pool.stand }
}

export interface ServerOptions {
  auth?: Partial<AuthOptions>
  limits?: Partial<ServerLimits>
  /** Reps signed in before the tests, each pushing the customer given (whose `ownerId` is the rep's name). */
  reps?: { ann?: object; bob?: object }
  /** Also signs in the back office: `erp` (integration) and `admin`. */
  backOffice?: boolean
}

type Team = Record<'ann' | 'bob' | 'erp' | 'admin', Client>

/**
 * The app on a fresh PostgreSQL for this test file, with the users asked for signed in.
 *
 * @example
 * const { server, ann, erp } = serverForFile({ reps: { ann: customer('C-ann', 'ann') }, backOffice: true })
 * test('…', async () => { expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([]) })
 */
export function serverForFile(options: ServerOptions = {}): { server: TestServer } & Team {
  const server = later<TestServer>('The test server')
  const users = {
    ann: later<Client>('ann (a rep: pass reps.ann)'),
    bob: later<Client>('bob (a rep: pass reps.bob)'),
    erp: later<Client>('erp (the back office: pass backOffice)'),
    admin: later<Client>('admin (the back office: pass backOffice)'),
  }
  let started: TestServer | undefined
  beforeAll(async () => {
    started = await startTestServer(options.auth, options.limits ?? UNLIMITED_PUSHES)
    server.set(started)
    for (const [name, owned] of Object.entries(options.reps ?? {})) {
      const rep = await started.signIn(name, 'rep')
      users[name as 'ann' | 'bob'].set(rep)
      const { rejections } = await rep.push('customers', [create(owned)])
      if (rejections.length > 0) throw new Error(`customer refused: ${JSON.stringify(rejections)}`)
    }
    if (options.backOffice) {
      users.erp.set(await started.signIn('erp', 'integration'))
      users.admin.set(await started.signIn('admin', 'admin'))
    }
  }, HOOK_TIMEOUT)
  afterAll(async () => {
    await started?.stop()
  }, HOOK_TIMEOUT)
  return {
    server: server.stand,
    ann: users.ann.stand,
    bob: users.bob.stand,
    erp: users.erp.stand,
    admin: users.admin.stand,
  }
}
