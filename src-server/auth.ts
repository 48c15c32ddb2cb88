/**
 * Accounts and sessions: users with a role, login with a rate limit on failures, and bearer tokens that expire.
 * A token is 32 random bytes shown to the client once; the database keeps only its SHA-256, so reading the
 * sessions table does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { ActorRole } from '../src-core/documents/types'
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
  /** Failed logins allowed per user name, and per client address, within `failureWindowMs`. */
  maxFailuresPerName: number
  maxFailuresPerIp: number
  failureWindowMs: number
}

export const DEFAULT_AUTH: AuthOptions = {
  tokenTtlMs: 12 * 60 * 60 * 1000,
  maxFailuresPerName: 5,
  maxFailuresPerIp: 50,
  failureWindowMs: 15 * 60 * 1000,
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: string; user: User }
  | { ok: false; error: 'invalidCredentials' }
  | { ok: false; error: 'tooManyAttempts'; retryAfterSeconds: number }

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

async function recentFailures(pool: pg.Pool, name: string, ip: string, windowMs: number) {
  const { rows } = await pool.query<{ by_name: string; by_ip: string; oldest: Date | null }>(
    `SELECT count(*) FILTER (WHERE name = $1) AS by_name, count(*) FILTER (WHERE ip = $2) AS by_ip,
            min(at) AS oldest
       FROM login_failures
      WHERE (name = $1 OR ip = $2) AND at > now() - make_interval(secs => $3)`,
    [name, ip, windowMs / 1000],
  )
  const row = rows[0]
  return {
    byName: Number(row?.by_name ?? 0),
    byIp: Number(row?.by_ip ?? 0),
    oldest: row?.oldest ?? new Date(),
  }
}

/**
 * Checks a name and password and opens a session. Failures are counted per name and per address; past the
 * limit every attempt is refused without checking the password, until the window has passed.
 */
export async function login(
  pool: pg.Pool,
  credentials: { name: string; password: string; ip: string },
  options: AuthOptions = DEFAULT_AUTH,
): Promise<LoginResult> {
  const { name, password, ip } = credentials
  const failures = await recentFailures(pool, name, ip, options.failureWindowMs)
  if (failures.byName >= options.maxFailuresPerName || failures.byIp >= options.maxFailuresPerIp) {
    const retryAt = failures.oldest.getTime() + options.failureWindowMs
    return {
      ok: false,
      error: 'tooManyAttempts',
      retryAfterSeconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)),
    }
  }
  const found = await pool.query<User & { password_hash: string }>(
    'SELECT id, name, role, password_hash FROM users WHERE name = $1',
    [name],
  )
  const row = found.rows[0]
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash()))
  if (!row || !matches) {
    await pool.query('INSERT INTO login_failures (name, ip) VALUES ($1, $2)', [name, ip])
    return { ok: false, error: 'invalidCredentials' }
  }
  await pool.query("DELETE FROM login_failures WHERE name = $1 OR at < now() - interval '1 day'", [
    name,
  ])
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

/** The user a bearer token belongs to, or undefined when it is unknown or expired. */
export async function authenticate(pool: pg.Pool, token: string): Promise<User | undefined> {
  const { rows } = await pool.query<User>(
    `SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hashToken(token)],
  )
  return rows[0]
}

/** Ends a session. */
export async function logout(pool: pg.Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])
}

/** The bearer token of an Authorization header, if it holds one. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([\w-]{20,100})$/.exec(header ?? '')
  return match?.[1]
}
