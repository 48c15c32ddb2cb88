/** POST /auth/login, POST /auth/logout, GET /auth/me. */
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import {
  loginRequest,
  SYNC_ROUTES,
  type ErrorReply,
  type LoginReply,
  type LoginRequest,
  type MeReply,
} from '@core/sync/wire'
import { bearer, login, logout, type AuthOptions } from './auth'
import { LOGIN_BODY_LIMIT } from './limits'

export function registerAuthRoutes(app: FastifyInstance, pool: pg.Pool, options: AuthOptions) {
  app.post<{ Body: LoginRequest; Reply: LoginReply | ErrorReply }>(
    SYNC_ROUTES.login,
    {
      config: { public: true },
      // A name and a password: anything bigger is refused (413) before it is read whole.
      bodyLimit: LOGIN_BODY_LIMIT,
      schema: { body: loginRequest.json },
    },
    async (request, reply) => {
      const { name, password } = request.body
      const result = await login(pool, { name, password, ip: request.ip }, options)
      if (result.ok) {
        request.log.info({ user: result.user.id }, 'login')
        return { token: result.token, expiresAt: result.expiresAt, user: result.user }
      }
      request.log.warn({ name, error: result.error }, 'login refused')
      if (result.error === 'tooManyAttempts')
        return reply
          .code(429)
          .header('retry-after', String(result.retryAfterSeconds))
          .send({
            error: result.error,
            message: `Too many failed sign-ins. Try again in ${result.retryAfterSeconds} s.`,
            retryAfterSeconds: result.retryAfterSeconds,
          })
      return reply
        .code(401)
        .send({ error: result.error, message: 'The user name or password is wrong.' })
    },
  )

  app.post(SYNC_ROUTES.logout, async (request, reply) => {
    const token = bearer(request.headers.authorization)
    if (token) await logout(pool, token)
    return reply.code(204).send()
  })

  app.get(SYNC_ROUTES.me, (request) =>
    Promise.resolve<MeReply | { user: null }>({ user: request.user }),
  )
}
