/**
 * The Fastify application: health and readiness, authentication on every other route, and the sync routes.
 * `buildApp` takes its pool and hub from the caller, so tests and `main.ts` wire the same app.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type pg from 'pg'
import { authenticate, bearer, DEFAULT_AUTH, type AuthOptions, type User } from './auth'
import { ChangeHub } from './change-hub'
import { registerCors } from './cors'
import { migrationsApplied } from './db'
import { DEFAULT_LIMITS, registerPushRateLimit, timeoutOptions, type ServerLimits } from './limits'
import { registerAuthRoutes } from './routes-auth'
import { registerStreamRoutes } from './routes-stream'
import { registerSyncRoutes } from './routes-sync'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set on every route but the public ones. */
    user: User | null
  }
  interface FastifyInstance {
    changeHub: ChangeHub
  }
  interface FastifyContextConfig {
    /** Reachable without a token (health, readiness, login). */
    public?: boolean
  }
}

export interface AppOptions {
  pool: pg.Pool
  /** For the LISTEN connection of live streams (the pool's own connections are shared). */
  databaseUrl: string
  logger?: FastifyServerOptions['logger']
  auth?: Partial<AuthOptions>
  /** Browser origins allowed besides the desktop app (`WEB_ORIGIN`, `CORS_ORIGINS`). */
  corsOrigins?: readonly string[]
  /** Timeouts, live streams per user, push rate (limits.ts). */
  limits?: Partial<ServerLimits>
  /** Which proxies' `X-Forwarded-For` names the client (`TRUST_PROXY`); by default none. */
  trustProxy?: FastifyServerOptions['trustProxy']
}

/** Pino options: JSON lines, and nothing that could hold a credential. */
export const LOGGER: FastifyServerOptions['logger'] = {
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password', 'token'],
}

/**
 * Builds the app (not listening yet).
 *
 * @example
 * const app = buildApp({ pool, databaseUrl })
 * await app.listen({ host: '127.0.0.1', port: 0 })
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const { pool } = options
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const app = Fastify({
    ...timeoutOptions(limits),
    trustProxy: options.trustProxy ?? false,
    logger: options.logger ?? LOGGER,
    bodyLimit: 32 * 1024 * 1024,
    // In-flight requests finish on close; idle keep-alive sockets are closed at once.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  })
  app.decorateRequest('user', null)
  // Before authentication: a browser's preflight carries no token.
  registerCors(app, options.corsOrigins)
  const hub = new ChangeHub(options.databaseUrl, app.log, limits.sessionRecheckMs)
  app.decorate('changeHub', hub)
  app.addHook('onReady', async () => hub.start())

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public) return
    const token = bearer(request.headers.authorization)
    const user = token ? await authenticate(pool, token) : undefined
    if (!user)
      return reply.code(401).send({
        error: 'unauthenticated',
        message: 'Sign in again: the session is missing or expired.',
      })
    request.user = user
  })

  // Live streams never end on their own: close them first, so close() can finish the other requests.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
    await hub.stop()
  })
  // A request still in flight at close gets its answer, then its keep-alive socket is closed with it;
  // otherwise the idle socket would hold close() open.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close')
  })

  app.get('/health', { config: { public: true } }, () => Promise.resolve({ status: 'ok' }))

  app.get('/ready', { config: { public: true } }, async (_request, reply) => {
    try {
      if (await migrationsApplied(pool)) return { status: 'ready' }
      return reply.code(503).send({ status: 'migrations pending' })
    } catch {
      return reply.code(503).send({ status: 'database unreachable' })
    }
  })

  registerAuthRoutes(app, pool, { ...DEFAULT_AUTH, ...options.auth })
  registerPushRateLimit(app, limits)
  registerSyncRoutes(app, pool)
  registerStreamRoutes(app, hub, limits.streamsPerUser)
  return app
}
