/**
 * CORS for the desktop's renderer and the web build, which run on another origin than the server: a strict
 * allow-list of exact origins, never `*` and never a pattern. Allowed: the desktop app (`app://fieldbill`) and
 * the origins configured for the web build (`WEB_ORIGIN`, and `CORS_ORIGINS` of earlier releases; each
 * comma-separated). Any other page, a local one on another port included, gets no CORS headers, so a browser
 * will not let it read the answers. No cookies are involved (the token is a header), so credentials are never
 * allowed.
 */
import type { FastifyInstance } from 'fastify'

/** The desktop app's own origin (its renderer is served by the `app:` protocol). */
export const APP_ORIGIN = 'app://fieldbill'

/** Whether `origin` may call the API from a browser. */
export function corsAllows(origin: string, extra: readonly string[] = []): boolean {
  return origin === APP_ORIGIN || extra.includes(origin)
}

/**
 * The configured web origins (`WEB_ORIGIN`, `CORS_ORIGINS`): comma-separated, exact, a trailing slash dropped.
 */
export function corsOriginsFromEnv(...values: Array<string | undefined>): string[] {
  return values
    .flatMap((value) => (value ?? '').split(','))
    .map((o) => o.trim().replace(/\/+$/, ''))
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
