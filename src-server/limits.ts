/**
 * What one client may take of the server: timeouts that cut off a client dribbling its request, a cap on live
 * streams per user, and a push rate per user (a token bucket). The stream count and the buckets live in the
 * process: behind a load balancer each process keeps its own, so a user gets at most that much per process.
 * Every figure can be set by environment (see `limitsFromEnv` and src-server/README.md).
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { DEFAULT_AUTH, type AuthOptions } from './auth'

export interface ServerLimits {
  /** The whole request (headers and body) must arrive within this time, or the socket is closed. */
  requestTimeoutMs: number
  /** A socket with no traffic for this long is closed (above the live stream's 20 s keep-alive). */
  connectionTimeoutMs: number
  /** An idle keep-alive socket is closed after this time. */
  keepAliveTimeoutMs: number
  /** Live streams one user may hold open at once on this process. */
  streamsPerUser: number
  /** How often open live streams' sessions are checked (an expired session ends its stream). */
  sessionRecheckMs: number
  /** Pushes per second one user may send, on average, and the burst allowed above it. */
  pushesPerSecond: number
  pushBurst: number
}

export const DEFAULT_LIMITS: ServerLimits = {
  // A push of 200 invoices over a slow mobile link still arrives within it.
  requestTimeoutMs: 60_000,
  connectionTimeoutMs: 90_000,
  // Fastify's own default: above a load balancer's usual 60 s, so the balancer closes an idle socket first
  // and never sends a request on one the server is closing.
  keepAliveTimeoutMs: 72_000,
  streamsPerUser: 20,
  sessionRecheckMs: 60_000,
  pushesPerSecond: 10,
  pushBurst: 60,
}

/** The bodies `/auth/login` accepts: a name and a password fit many times over. */
export const LOGIN_BODY_LIMIT = 4 * 1024

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name]
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, not ${value}.`)
  return n
}

/**
 * The limits with what the environment sets: REQUEST_TIMEOUT_MS, CONNECTION_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS,
 * STREAMS_PER_USER, SESSION_RECHECK_MS, PUSHES_PER_SECOND, PUSH_BURST.
 *
 * @throws naming the variable when one is not a positive number
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): ServerLimits {
  const pick = (name: string, fallback: number) => positive(env, name) ?? fallback
  return {
    requestTimeoutMs: pick('REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
    connectionTimeoutMs: pick('CONNECTION_TIMEOUT_MS', DEFAULT_LIMITS.connectionTimeoutMs),
    keepAliveTimeoutMs: pick('KEEP_ALIVE_TIMEOUT_MS', DEFAULT_LIMITS.keepAliveTimeoutMs),
    streamsPerUser: pick('STREAMS_PER_USER', DEFAULT_LIMITS.streamsPerUser),
    sessionRecheckMs: pick('SESSION_RECHECK_MS', DEFAULT_LIMITS.sessionRecheckMs),
    pushesPerSecond: pick('PUSHES_PER_SECOND', DEFAULT_LIMITS.pushesPerSecond),
    pushBurst: pick('PUSH_BURST', DEFAULT_LIMITS.pushBurst),
  }
}

/**
 * The sign-in limits with what the environment sets: LOGIN_FREE_FAILURES (per name and address),
 * LOGIN_FREE_FAILURES_PER_NAME, LOGIN_FREE_FAILURES_PER_ADDRESS, LOGIN_FIRST_DELAY_MS, LOGIN_MAX_DELAY_MS.
 *
 * @throws naming the variable when one is not a positive number
 */
export function authFromEnv(env: NodeJS.ProcessEnv): AuthOptions {
  const pick = (name: string, fallback: number) => positive(env, name) ?? fallback
  const free = DEFAULT_AUTH.freeFailures
  return {
    ...DEFAULT_AUTH,
    freeFailures: {
      pair: pick('LOGIN_FREE_FAILURES', free.pair),
      name: pick('LOGIN_FREE_FAILURES_PER_NAME', free.name),
      address: pick('LOGIN_FREE_FAILURES_PER_ADDRESS', free.address),
    },
    firstDelayMs: pick('LOGIN_FIRST_DELAY_MS', DEFAULT_AUTH.firstDelayMs),
    maxDelayMs: pick('LOGIN_MAX_DELAY_MS', DEFAULT_AUTH.maxDelayMs),
  }
}

/**
 * Fastify's `trustProxy` from TRUST_PROXY: unset or `false`, the socket's address is the client's; `true`
 * trusts every proxy (only when nothing but the proxy can reach the server); a number trusts that many hops;
 * anything else is a comma-separated list of proxy addresses or subnets (`loopback`, `10.0.0.0/8`, …), whose
 * `X-Forwarded-For` is believed.
 */
export function trustProxyFromEnv(value: string | undefined): FastifyServerOptions['trustProxy'] {
  const v = (value ?? '').trim()
  if (v === '' || v === 'false') return false
  if (v === 'true') return true
  if (/^\d+$/.test(v)) {
    const hops = Number(v)
    return (_address: string, hop: number) => hop < hops
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** The Fastify options that carry the timeouts. */
export function timeoutOptions(limits: ServerLimits): Partial<FastifyServerOptions> {
  return {
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the request timeout every `connectionsCheckingInterval` (30 s by default): check often
    // enough that the timeout holds roughly as set. Headers have no longer than the whole request.
    http: {
      connectionsCheckingInterval: Math.max(100, Math.min(limits.requestTimeoutMs / 4, 5_000)),
      headersTimeout: Math.min(limits.requestTimeoutMs, 60_000),
    },
  } as Partial<FastifyServerOptions>
}

/** A token bucket per user: `burst` pushes at once, refilled at `perSecond`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now = () => Date.now(),
  ) {}

  /** Takes one token for `key`; when none is left, the seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now()
    if (this.buckets.size > 10_000) this.sweep(now)
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    )
    bucket.at = now
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.perSecond) }
  }

  /** Forgets full buckets, so the map holds only users that pushed lately. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst)
        this.buckets.delete(key)
  }
}

/** Answers a push past the user's rate with 429 and `Retry-After` (the desktop waits that long). */
export function registerPushRateLimit(app: FastifyInstance, limits: ServerLimits): void {
  const pushes = new RateLimiter(limits.pushesPerSecond, limits.pushBurst)
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/sync/:collection/push') return
    if (!request.user) return
    const taken = pushes.take(request.user.id)
    if (taken.ok) return
    return reply
      .code(429)
      .header('retry-after', String(taken.retryAfterSeconds))
      .send({
        error: 'tooManyPushes',
        message: `Too many pushes; try again in ${taken.retryAfterSeconds} s.`,
        retryAfterSeconds: taken.retryAfterSeconds,
      })
  })
}
