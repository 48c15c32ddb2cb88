/**
 * The Fastify application: health and readiness, authentication on every other route, and the sync routes.
 * `buildApp` takes its pool and hub from the caller, so tests and `main.ts` wire the same app.
 */
import { STATUS_CODES } from 'node:http'
import type { FastifyError } from 'fastify'
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

/**
 * Pino options: JSON lines, and nothing that could hold a credential or a document. A request is logged by its
 * method and path: no query string, no headers, no body.
 */
export const LOGGER: FastifyServerOptions['logger'] = {
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password', 'token'],
  serializers: {
    req: (request: { method: string; url: string; ip?: string }) => ({
      method: request.method,
      url: request.url.split('?')[0],
      remoteAddress: request.ip,
    }),
  },
}

/** The answer to anything that fails inside the server: nothing of the failure (PostgreSQL's text, a stack). */
const INTERNAL = { error: 'internal', message: 'The server could not complete the request.' }

/**
 * What the log keeps of an unexpected error: its kind, code and stack frames. PostgreSQL's message is left out,
 * since it may quote the values written (a document's text, a number).
 */
export function loggedError(error: Error & { code?: unknown; severity?: unknown }) {
  const frames = error.stack?.split('\n').slice(1).join('\n')
  const fromDatabase = error.severity !== undefined
  return {
    type: error.name,
    code: error.code,
    ...(fromDatabase ? {} : { message: error.message }),
    stack: frames,
  }
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
  // A request the caller got wrong (validation, malformed JSON, too large) is answered in Fastify's words, which
  // name the field; anything else is a 500 that says nothing of what failed, logged without its values.
  app.setErrorHandler<FastifyError & { severity?: unknown }>((error, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500)
      return reply.code(status).send({
        statusCode: status,
        code: error.code,
        error: STATUS_CODES[status] ?? 'Bad Request',
        message: error.message,
      })
    request.log.error({ err: loggedError(error) }, 'request failed')
    return reply.code(500).send(INTERNAL)
  })
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
