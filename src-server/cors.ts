/**
 * CORS for the desktop's renderer and the web build, which run on another origin than the server: a strict
 * allow-list, never `*`. Allowed by default: the desktop app (`app://fieldbill`) and a web build on this
 * machine (`http://127.0.0.1:<port>`, `http://localhost:<port>`); `CORS_ORIGINS` (comma-separated, exact
 * origins) adds the web build's address in a deployment. No cookies are involved (the token is a header), so
 * credentials are never allowed.
 */
import type { FastifyInstance } from 'fastify'

const LOCAL_WEB = /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/

/** Whether `origin` may call the API from a browser. */
export function corsAllows(origin: string, extra: readonly string[] = []): boolean {
  return origin === 'app://fieldbill' || LOCAL_WEB.test(origin) || extra.includes(origin)
}

/** The extra origins of `CORS_ORIGINS`. */
export function corsOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
}

/**
 * Adds the CORS headers for allowed origins and answers their preflights. Register it before the
 * authentication hook: a preflight carries no token and must not be refused for that.
 */
export function registerCors(app: FastifyInstance, extra: readonly string[] = []): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    if (typeof origin !== 'string' || !corsAllows(origin, extra)) return
    // On the raw response: the live stream hijacks the reply and writes its own head, which keeps these.
    reply.raw.setHeader('access-control-allow-origin', origin)
    reply.raw.setHeader('vary', 'Origin')
    reply.raw.setHeader('access-control-expose-headers', 'Retry-After')
    if (request.method !== 'OPTIONS') return
    reply.raw.setHeader('access-control-allow-methods', 'GET, POST')
    reply.raw.setHeader('access-control-allow-headers', 'authorization, content-type')
    reply.raw.setHeader('access-control-max-age', '600')
    return reply.code(204).send()
  })
}
