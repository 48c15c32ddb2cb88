/**
 * The replication routes, one pair per collection (see README.md for the protocol):
 * GET /sync/:collection/pull, POST /sync/:collection/push. The live streams are in routes-stream.ts.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type pg from 'pg'
import type { User } from './auth'
import { COLLECTIONS, type CollectionSpec } from './collections'
import { pull } from './pull'
import { push, type PushRow } from './push'

const MAX_PUSH_ROWS = 1000

interface Params {
  collection: string
}

const params = {
  type: 'object',
  required: ['collection'],
  properties: { collection: { type: 'string' } },
} as const

function specOr404(name: string, reply: FastifyReply): CollectionSpec | undefined {
  const spec = COLLECTIONS.get(name)
  if (!spec)
    void reply.code(404).send({ error: 'unknownCollection', message: `No collection ${name}.` })
  return spec
}

const actorOf = (user: User) => ({ userId: user.id, role: user.role })

export function registerSyncRoutes(app: FastifyInstance, pool: pg.Pool) {
  app.get<{ Params: Params; Querystring: { checkpoint: number; batchSize: number } }>(
    '/sync/:collection/pull',
    {
      schema: {
        params,
        querystring: {
          type: 'object',
          properties: {
            // A seq is a bigint in PostgreSQL but a number in JSON: beyond the safe integers it is no seq.
            checkpoint: {
              type: 'integer',
              minimum: 0,
              maximum: Number.MAX_SAFE_INTEGER,
              default: 0,
            },
            batchSize: { type: 'integer', minimum: 1, maximum: 5000, default: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      const spec = specOr404(request.params.collection, reply)
      if (!spec || !request.user) return reply
      const { checkpoint, batchSize } = request.query
      const page = await pull(pool, spec, request.user, checkpoint, batchSize)
      return reply.type('application/json; charset=utf-8').send(page.body)
    },
  )

  app.post<{ Params: Params; Body: { rows: PushRow[] } }>(
    '/sync/:collection/push',
    {
      schema: {
        params,
        body: {
          type: 'object',
          required: ['rows'],
          properties: {
            rows: {
              type: 'array',
              maxItems: MAX_PUSH_ROWS,
              items: {
                type: 'object',
                required: ['newDocumentState'],
                properties: { newDocumentState: { type: 'object' } },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const spec = specOr404(request.params.collection, reply)
      if (!spec || !request.user) return reply
      const result = await push(pool, spec, actorOf(request.user), request.body.rows)
      const { conflicts, rejections, written } = result
      request.log.info(
        {
          collection: spec.name,
          user: request.user.id,
          rows: request.body.rows.length,
          written,
          conflicts: conflicts.length,
          rejections: rejections.map((r) => ({ id: r.id, code: r.code })),
        },
        'push',
      )
      return { conflicts, rejections }
    },
  )
}
