/**
 * The live stream routes (server-sent events, see README.md):
 * GET /sync/stream, one stream for every collection (or those named in `?collections=`), and the older
 * GET /sync/:collection/stream for one. A browser opens at most 6 HTTP/1.1 connections to a server and every
 * stream holds one, so a client keeps a single stream; the per-collection route stays for desktop apps of
 * earlier releases, which open one per collection.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  collectionParams,
  KEEP_ALIVE,
  KEEP_ALIVE_MS,
  RESYNC,
  streamEventText,
  streamQuery,
  SYNC_ROUTES,
  type CollectionParams,
  type StreamEvent,
  type StreamQuery,
} from '@core/sync/wire'
import { bearer, sessionId } from './auth'
import type { ChangeHub } from './change-hub'
import { COLLECTIONS } from './collections'

const unknownCollection = (reply: FastifyReply, name: string) =>
  reply.code(404).send({ error: 'unknownCollection', message: `No collection ${name}.` })

/**
 * Answers with an event stream of the changes to `collections` that the signed-in user reads (the hub filters
 * by owner), starting with a resync: whatever happened while the client was away, it pulls once now. A user
 * holding `maxPerUser` streams already gets 429: a client keeps one, so many are a leak or an attack.
 */
function openStream(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: ChangeHub,
  collections: ReadonlySet<string>,
  maxPerUser: number,
): FastifyReply | undefined {
  if (!request.user) return
  if (hub.countFor(request.user.id) >= maxPerUser)
    return reply
      .code(429)
      .header('retry-after', '60')
      .send({
        error: 'tooManyStreams',
        message: `At most ${maxPerUser} live streams per user: close one first.`,
      })
  reply.hijack()
  const raw = reply.raw
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  const send = (event: StreamEvent) => raw.write(streamEventText(event))
  const heartbeat = setInterval(() => raw.write(KEEP_ALIVE), KEEP_ALIVE_MS)
  const unsubscribe = hub.subscribe({
    collections,
    user: request.user,
    session: sessionId(bearer(request.headers.authorization) ?? ''),
    send,
    close: () => raw.end(),
  })
  raw.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
  send({ event: 'resync', data: RESYNC })
}

export function registerStreamRoutes(app: FastifyInstance, hub: ChangeHub, maxPerUser: number) {
  app.get<{ Querystring: StreamQuery }>(
    SYNC_ROUTES.stream,
    { schema: { querystring: streamQuery.json } },
    async (request, reply) => {
      const asked = request.query.collections?.split(',').filter((n) => n !== '')
      const names = asked && asked.length > 0 ? asked : [...COLLECTIONS.keys()]
      const unknown = names.find((n) => !COLLECTIONS.has(n))
      if (unknown !== undefined) return unknownCollection(reply, unknown)
      return openStream(request, reply, hub, new Set(names), maxPerUser)
    },
  )

  app.get<{ Params: CollectionParams }>(
    SYNC_ROUTES.collectionStream,
    { schema: { params: collectionParams.json } },
    async (request, reply) => {
      const name = request.params.collection
      if (!COLLECTIONS.has(name)) return unknownCollection(reply, name)
      return openStream(request, reply, hub, new Set([name]), maxPerUser)
    },
  )
}
