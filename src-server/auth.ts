/**
 * Accounts and sessions: users with a role, login with a rate limit on failures, and bearer tokens that expire.
 * A token is 32 random bytes shown to the client once; the database keeps only its SHA-256, so reading the
 * sessions table does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { ActorRole } from '@core/documents/types'
import { inTransaction } from './db'
import { dummyHash, hashPassword, verifyPassword } from './passwords'

export const ROLES: readonly ActorRole[] = ['rep', 'integration', 'admin']

/** A signed-in user as the routes see it. */
export interface User {
  id: string
  name: string
  role: ActorRole
}

export interface AuthOptions {
  /** How long a token lives. */
  tokenTtlMs: number
  /**
   * Failed sign-ins allowed without delay per name and address (`pair`), per name from every address, and per
   * address for every name. Past them each attempt waits `firstDelayMs`, doubled after every further failure,
   * up to `maxDelayMs`; a success starts the pair's count again.
   */
  freeFailures: Record<LimitScope, number>
  firstDelayMs: number
  maxDelayMs: number
  /** A count with no attempt for this long starts again from zero. */
  forgetAfterMs: number
  /** An address the name signed in from within this time is not held up by failures from other addresses. */
  knownAddressMs: number
}

/** What failed sign-ins are counted by (login_attempts.scope). */
export type LimitScope = 'pair' | 'name' | 'address'

export const DEFAULT_AUTH: AuthOptions = {
  tokenTtlMs: 12 * 60 * 60 * 1000,
  freeFailures: { pair: 5, name: 20, address: 50 },
  firstDelayMs: 2000,
  maxDelayMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 60 * 60 * 1000,
  knownAddressMs: 30 * 24 * 60 * 60 * 1000,
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; user: User }
  | { ok: false; error: 'invalidCredentials' }
  | { ok: false; error: 'tooManyAttempts'; retryAfterSeconds: number }

/** The channel that tells every server process of sessions ended (their live streams close at once). */
export const SESSIONS_CHANNEL = 'fieldbill_sessions'

/** A NOTIFY payload on SESSIONS_CHANNEL: every session of `user`, or only the one whose token hashes to `session`. */
export interface SessionsEnded {
  user: string
  session?: string
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest()

/**
 * Creates a user.
 *
 * @param input - `id` defaults to the name; documents name their owner by this id (`ownerId`)
 * @throws when the name or id is taken, the role unknown or the password shorter than 8 characters
 */
export async function createUser(
  pool: pg.Pool,
  input: { name: string; role: string; password: string; id?: string },
): Promise<User> {
  if (!ROLES.includes(input.role as ActorRole))
    throw new Error(`Unknown role ${input.role}: use ${ROLES.join(', ')}.`)
  if (input.password.length < 8) throw new Error('The password needs at least 8 characters.')
  if (!/^[\w.@-]{1,100}$/.test(input.name))
    throw new Error('A user name is 1 to 100 letters, digits, ".", "@", "_" or "-".')
  const id = input.id ?? input.name
  const hash = await hashPassword(input.password)
  await pool.query('INSERT INTO users (id, name, role, password_hash) VALUES ($1, $2, $3, $4)', [
    id,
    input.name,
    input.role,
    hash,
  ])
  return { id, name: input.name, role: input.role as ActorRole }
}

/** A key per scope; the name and address are joined by a character neither can hold. */
const scopeKey = (scope: LimitScope, name: string, ip: string) =>
  scope === 'pair' ? `${name}\n${ip}` : scope === 'name' ? name : ip

/**
 * Takes one attempt in a scope, or says until when the scope is held up. One UPDATE under the row's lock:
 * attempts that arrive together are admitted one after the other, each seeing the delay the one before set.
 * Clock time, not the transaction's start time, so an attempt that waited on the lock compares with now.
 */
async function takeAttempt(
  client: pg.PoolClient,
  scope: LimitScope,
  key: string,
  options: AuthOptions,
): Promise<{ admitted: true; succeededAt: Date | null } | { admitted: false; until: Date }> {
  await client.query(
    'INSERT INTO login_attempts (scope, key) VALUES ($1, $2) ON CONFLICT (scope, key) DO NOTHING',
    [scope, key],
  )
  const next = `(CASE WHEN updated_at < clock_timestamp() - make_interval(secs => $3) THEN 1
                      ELSE attempts + 1 END)`
  const taken = await client.query<{ succeeded_at: Date | null }>(
    `UPDATE login_attempts
        SET attempts = ${next},
            blocked_until = CASE WHEN ${next} >= $4
              THEN clock_timestamp() + make_interval(secs => least($6, $5 * power(2, least(${next} - $4, 40))))
              ELSE '-infinity' END,
            updated_at = clock_timestamp()
      WHERE scope = $1 AND key = $2 AND blocked_until <= clock_timestamp()
      RETURNING succeeded_at`,
    [
      scope,
      key,
      options.forgetAfterMs / 1000,
      options.freeFailures[scope],
      options.firstDelayMs / 1000,
      options.maxDelayMs / 1000,
    ],
  )
  const row = taken.rows[0]
  if (row) return { admitted: true, succeededAt: row.succeeded_at }
  const held = await client.query<{ blocked_until: Date }>(
    'SELECT blocked_until FROM login_attempts WHERE scope = $1 AND key = $2',
    [scope, key],
  )
  return { admitted: false, until: held.rows[0]?.blocked_until ?? new Date() }
}

/**
 * Counts an attempt in every scope that applies, before any password is checked, in one transaction that
 * locks the rows in one order (pair, name, address), so two attempts never deadlock. Refused in any scope,
 * nothing is counted. The name's count is skipped at an address the name signed in from lately: a stranger
 * guessing from elsewhere does not hold the user up there.
 */
async function admit(
  pool: pg.Pool,
  name: string,
  ip: string,
  options: AuthOptions,
): Promise<{ scopes: LimitScope[] } | { retryAt: Date }> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const scopes: LimitScope[] = []
    let known = false
    for (const scope of ['pair', 'name', 'address'] as const) {
      if (scope === 'name' && known) continue
      const taken = await takeAttempt(client, scope, scopeKey(scope, name, ip), options)
      if (!taken.admitted) {
        await client.query('ROLLBACK')
        return { retryAt: taken.until }
      }
      if (scope === 'pair')
        known = (taken.succeededAt?.getTime() ?? 0) > Date.now() - options.knownAddressMs
      scopes.push(scope)
    }
    await client.query('COMMIT')
    return { scopes }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

/**
 * A success: the pair starts again from nothing (and remembers the address); in the name and address counts
 * this attempt, counted as in flight, is taken back, while failures of others stay.
 */
async function succeeded(pool: pg.Pool, name: string, ip: string, scopes: LimitScope[]) {
  // One row per statement, in the order `admit` locks them: a single UPDATE of all three could lock them in
  // another order and deadlock with an attempt in flight.
  for (const scope of scopes)
    await pool.query(
      scope === 'pair'
        ? `UPDATE login_attempts SET attempts = 0, blocked_until = '-infinity',
                  succeeded_at = clock_timestamp()
            WHERE scope = $1 AND key = $2`
        : `UPDATE login_attempts SET attempts = greatest(attempts - 1, 0) WHERE scope = $1 AND key = $2`,
      [scope, scopeKey(scope, name, ip)],
    )
  await pool.query(
    "DELETE FROM login_attempts WHERE updated_at < now() - interval '31 days' AND blocked_until < now()",
  )
}

/**
 * Checks a name and password and opens a session. The attempt is counted per name and address, per name and
 * per address before the password is checked (see `admit`); held up in any of them, the answer is
 * `tooManyAttempts` with the wait, and no password is checked. A disabled user cannot sign in (the answer is
 * the same as for a wrong password, so it tells a guesser nothing).
 */
export async function login(
  pool: pg.Pool,
  credentials: { name: string; password: string; ip: string },
  options: AuthOptions = DEFAULT_AUTH,
): Promise<LoginResult> {
  const { name, password, ip } = credentials
  const admitted = await admit(pool, name, ip, options)
  if ('retryAt' in admitted)
    return {
      ok: false,
      error: 'tooManyAttempts',
      retryAfterSeconds: Math.max(1, Math.ceil((admitted.retryAt.getTime() - Date.now()) / 1000)),
    }
  const found = await pool.query<User & { password_hash: string }>(
    'SELECT id, name, role, password_hash FROM users WHERE name = $1 AND disabled_at IS NULL',
    [name],
  )
  const row = found.rows[0]
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash()))
  if (!row || !matches) return { ok: false, error: 'invalidCredentials' }
  await succeeded(pool, name, ip, admitted.scopes)
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + options.tokenTtlMs)
  await pool.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    row.id,
    expiresAt,
  ])
  await pool.query('DELETE FROM sessions WHERE expires_at < now()')
  return {
    ok: true,
    token,
    expiresAt: expiresAt.toISOString(),
    user: { id: row.id, name: row.name, role: row.role },
  }
}

/** The user a bearer token belongs to, or undefined when it is unknown, expired or its user disabled. */
export async function authenticate(pool: pg.Pool, token: string): Promise<User | undefined> {
  const { rows } = await pool.query<User>(
    `SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
    [hashToken(token)],
  )
  return rows[0]
}

/** The id of a session as the sessions channel names it (a hash prefix: no credential). */
export const sessionId = (token: string): string => hashToken(token).toString('hex').slice(0, 32)

const notifySessionsEnded = (client: pg.Pool | pg.PoolClient, ended: SessionsEnded) =>
  client.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, JSON.stringify(ended)])

/** Ends a session; its live streams on every server process close. */
export async function logout(pool: pg.Pool, token: string): Promise<void> {
  const { rows } = await pool.query<{ user_id: string }>(
    'DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id',
    [hashToken(token)],
  )
  const user = rows[0]?.user_id
  if (user) await notifySessionsEnded(pool, { user, session: sessionId(token) })
}

/**
 * Ends every session of a user, and with `disable` also stops them signing in again (`enable` lifts it).
 * Every server process hears of it and closes the user's live streams; their next pull or push gets 401.
 *
 * @returns the number of sessions ended, or undefined when no user has that name
 */
export async function setUserAccess(
  pool: pg.Pool,
  name: string,
  change: 'revokeSessions' | 'disable' | 'enable',
): Promise<number | undefined> {
  return inTransaction(pool, async (client) => {
    const found = await client.query<{ id: string }>(
      `UPDATE users SET disabled_at = CASE $2 WHEN 'disable' THEN coalesce(disabled_at, now())
                                             WHEN 'enable' THEN NULL ELSE disabled_at END
        WHERE name = $1 RETURNING id`,
      [name, change],
    )
    const id = found.rows[0]?.id
    if (id === undefined) return undefined
    if (change === 'enable') return 0
    const ended = await client.query('DELETE FROM sessions WHERE user_id = $1', [id])
    // Delivered at COMMIT, so no process closes a stream for a change that did not happen.
    await notifySessionsEnded(client, { user: id })
    return ended.rowCount ?? 0
  })
}

/** The bearer token of an Authorization header, if it holds one. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([\w-]{20,100})$/.exec(header ?? '')
  return match?.[1]
}
