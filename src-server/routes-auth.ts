/** POST /auth/login, POST /auth/logout, GET /auth/me. */
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import { bearer, login, logout, type AuthOptions } from './auth'
import { LOGIN_BODY_LIMIT } from './limits'

export function registerAuthRoutes(app: FastifyInstance, pool: pg.Pool, options: AuthOptions) {
  app.post<{ Body: { name: string; password: string } }>(
    '/auth/login',
    {
      config: { public: true },
      // A name and a password: anything bigger is refused (413) before it is read whole.
      bodyLimit: LOGIN_BODY_LIMIT,
      schema: {
        body: {
          type: 'object',
          required: ['name', 'password'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 1000 },
          },
        },
      },
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

  app.post('/auth/logout', async (request, reply) => {
    const token = bearer(request.headers.authorization)
    if (token) await logout(pool, token)
    return reply.code(204).send()
  })

  app.get('/auth/me', (request) => Promise.resolve({ user: request.user }))
}
