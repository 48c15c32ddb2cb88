/**
 * The replication routes, one pair per collection (see README.md for the protocol):
 * GET /sync/:collection/pull, POST /sync/:collection/push. The live streams are in routes-stream.ts.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type pg from 'pg'
import {
  collectionParams,
  pullQuery,
  pushRequest,
  SYNC_ROUTES,
  type CollectionParams,
  type PullQuery,
  type ErrorReply,
  type PushAnswer,
  type PushRequest,
} from '@core/sync/wire'
import type { User } from './auth'
import { COLLECTIONS, type CollectionSpec } from './collections'
import { pull } from './pull'
import { push } from './push'

function specOr404(name: string, reply: FastifyReply): CollectionSpec | undefined {
  const spec = COLLECTIONS.get(name)
  if (!spec)
    void reply.code(404).send({ error: 'unknownCollection', message: `No collection ${name}.` })
  return spec
}

const actorOf = (user: User) => ({ userId: user.id, role: user.role })

export function registerSyncRoutes(app: FastifyInstance, pool: pg.Pool) {
  app.get<{ Params: CollectionParams; Querystring: PullQuery }>(
    SYNC_ROUTES.pull,
    { schema: { params: collectionParams.json, querystring: pullQuery.json } },
    async (request, reply) => {
      const spec = specOr404(request.params.collection, reply)
      if (!spec || !request.user) return reply
      const { checkpoint, batchSize } = request.query
      const page = await pull(pool, spec, request.user, checkpoint, batchSize)
      return reply.type('application/json; charset=utf-8').send(page.body)
    },
  )

  app.post<{ Params: CollectionParams; Body: PushRequest; Reply: PushAnswer | ErrorReply }>(
    SYNC_ROUTES.push,
    { schema: { params: collectionParams.json, body: pushRequest.json } },
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
