/**
 * The sync wire contract: every route of the sync server, what each request carries and what each answer holds,
 * the refusal codes of a push and the events of the live stream. The desktop's sync client and the server both
 * import it, and the server's route schemas are the `json` of the request schemas here, so neither side can
 * change the protocol without the other seeing it. docs/sync.md explains the protocol; src-server/README.md
 * lists the routes with their limits.
 *
 * A request schema is checked at the server's edge (Fastify with Ajv, from `json`): a request out of its bounds
 * is a 400 naming the field before any handler runs. A pushed record's own fields are checked further on, by its
 * collection's document schema, so that a bad record is refused alone and the rest of the push is stored.
 */
import type { RefusalCode } from '@core/documents/commands'
import type { ActorRole } from '@core/documents/types'
import {
  anyObject,
  array,
  int,
  object,
  oneOf,
  optional,
  string,
  withDefault,
  type Infer,
} from '@core/schema'
import type { TransitionRefusal } from './transition'
import type { TotalsRefusal } from './validate-document'

// --- routes -----------------------------------------------------------------------------------------------------

/** The routes as Fastify registers them (`:collection` is a collection name of the desktop's store). */
export const SYNC_ROUTES = {
  health: '/health',
  ready: '/ready',
  login: '/auth/login',
  logout: '/auth/logout',
  me: '/auth/me',
  pull: '/sync/:collection/pull',
  push: '/sync/:collection/push',
  stream: '/sync/stream',
  /** One collection's stream: desktop apps of earlier releases open one per collection. */
  collectionStream: '/sync/:collection/stream',
} as const

/**
 * The path of one page of a pull.
 *
 * @example
 * pullPath('invoices', { checkpoint: 12, batchSize: 200 }) // '/sync/invoices/pull?checkpoint=12&batchSize=200'
 */
export const pullPath = (collection: string, query: PullQuery): string =>
  `/sync/${collection}/pull?checkpoint=${query.checkpoint}&batchSize=${query.batchSize}`

export const pushPath = (collection: string): string => `/sync/${collection}/push`

/** The one live stream of a client, following `collections` (all of them when none are named). */
export const streamPath = (collections: readonly string[] = []): string =>
  collections.length > 0 ? `/sync/stream?collections=${collections.join(',')}` : '/sync/stream'

// --- sign-in ----------------------------------------------------------------------------------------------------

export const ACTOR_ROLES = ['rep', 'integration', 'admin'] as const satisfies readonly ActorRole[]

/** POST /auth/login */
export const loginRequest = object({
  name: string({ min: 1, max: 100 }),
  password: string({ min: 1, max: 1000 }),
})
export type LoginRequest = Infer<typeof loginRequest>

/** The signed-in user as the server names them. */
export const syncUser = object({
  id: string({ min: 1, max: 200 }),
  name: string({ min: 1, max: 100 }),
  role: oneOf(ACTOR_ROLES),
})
export type SyncUser = Infer<typeof syncUser>

/** The answer to a sign-in: the bearer token (shown once), when it expires, and who it is. */
export const loginReply = object({
  token: string({ min: 20, max: 100 }),
  expiresAt: string({ min: 1, max: 40 }),
  user: syncUser,
})
export type LoginReply = Infer<typeof loginReply>

/** GET /auth/me */
export interface MeReply {
  user: SyncUser
}

// --- pull -------------------------------------------------------------------------------------------------------

/** A record as it travels: the src-core record, plus RxDB's deletion flag. */
export type WireDocument = Record<string, unknown> & { id: string; _deleted?: boolean }

/** Where a pull resumes: the last seq the client has (0 at first). */
export interface Checkpoint {
  seq: number
}

/** `:collection` of the sync routes. */
export const collectionParams = object({ collection: string({ min: 1, max: 100 }) })
export type CollectionParams = Infer<typeof collectionParams>

export const DEFAULT_BATCH_SIZE = 200
export const MAX_BATCH_SIZE = 5000

/** GET /sync/:collection/pull */
export const pullQuery = object({
  // A seq is a bigint in PostgreSQL but a number in JSON: beyond the safe integers it is no seq.
  checkpoint: withDefault(int({ min: 0, max: Number.MAX_SAFE_INTEGER }), 0),
  batchSize: withDefault(int({ min: 1, max: MAX_BATCH_SIZE }), DEFAULT_BATCH_SIZE),
})
export type PullQuery = Infer<typeof pullQuery>

/**
 * One page of a pull: the records with a seq above the checkpoint, in seq order; the checkpoint of the last one
 * (unchanged when nothing is new); how many records are left after this page. A record that left a rep comes
 * as a bare tombstone `{ id, _deleted: true }`.
 */
export interface PullPage {
  documents: WireDocument[]
  checkpoint: Checkpoint
  remaining: number
}

// --- push -------------------------------------------------------------------------------------------------------

export const MAX_PUSH_ROWS = 1000

/**
 * One row of RxDB's push: the state the device last saw from the server (none for a new record), and its own.
 * The edge checks only that both are objects: the record's collection checks its fields, row by row.
 */
export const pushRow = object({
  assumedMasterState: optional(anyObject()),
  newDocumentState: anyObject(),
})
export type PushRow = Infer<typeof pushRow>

/** POST /sync/:collection/push */
export const pushRequest = object({ rows: array(pushRow, { max: MAX_PUSH_ROWS }) })
export type PushRequest = Infer<typeof pushRequest>

/** The codes of refusals the server makes itself, besides those of the src-core rules it runs. */
export const SERVER_REFUSAL_CODES = [
  /** The record's shape: the reason names the field. */
  'invalid',
  /** A record written in another user's name. */
  'wrongAuthor',
  /** A rep's new record names a customer the server does not have yet: the device sends it again later. */
  'unknownCustomer',
  /** A payment whose invoice the server does not have yet: the device sends it again later. */
  'invoiceMissing',
  'invoiceMismatch',
  'invoiceDeleted',
  'invoiceCanceled',
  /** A recorded payment changed or deleted (it is voided instead). */
  'ledgerImmutable',
  'duplicateNumber',
  /** PostgreSQL refused the row for its data; the rest of the push is stored. */
  'notStored',
] as const

/** Why a pushed record was refused: a server code, or the code of the src-core rule that refused it. */
export type PushRefusalCode =
  | (typeof SERVER_REFUSAL_CODES)[number]
  | RefusalCode
  | TransitionRefusal['code']
  | TotalsRefusal['code']

/** A pushed record the server did not store. */
export interface PushRefusal {
  id: string
  code: PushRefusalCode
  /** A sentence for the rep. */
  reason: string
  /**
   * The record as the server holds it (null: it holds none), on refusals made against the stored state, so the
   * device goes back to it; absent when the record alone is refused (malformed, forged totals, role).
   */
  master?: WireDocument | null
}

/**
 * The answer to a push: the stored states of the records whose assumed master state was not the stored one
 * (for the device's merge; what RxDB's push handler returns), and the records refused.
 */
export interface PushAnswer {
  conflicts: WireDocument[]
  rejections: PushRefusal[]
}

// --- live stream ------------------------------------------------------------------------------------------------

/** GET /sync/stream: `collections` is a comma-separated list of names (none: every collection). */
export const streamQuery = object({ collections: optional(string({ max: 1000 })) })
export type StreamQuery = Infer<typeof streamQuery>

/** What a `change` event carries: a record of `collection` was written with this seq. */
export interface ChangeSignal {
  collection: string
  seq: number
}

/**
 * An event of the live stream. It is only a signal ("pull now"): the pull carries the data. `resync` comes on
 * every connect and whenever the server may have missed changes; every collection pulls then.
 */
export type StreamEvent =
  { event: 'change'; data: ChangeSignal } | { event: 'resync'; data: typeof RESYNC }

export const RESYNC = 'RESYNC'

/** The server writes this comment every 20 s; a client that hears nothing for longer reconnects. */
export const KEEP_ALIVE = ': keep-alive\n\n'
export const KEEP_ALIVE_MS = 20_000

/** An event as it goes down the stream (server-sent events). */
export const streamEventText = ({ event, data }: StreamEvent): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

/**
 * The collection an event asks to pull, or undefined when every collection should pull: a `resync`, or an event
 * this client does not know, which is safest read the same way.
 *
 * @example
 * changedCollection({ event: 'change', data: '{"collection":"orders","seq":7}' }) // 'orders'
 * changedCollection({ event: 'resync', data: '"RESYNC"' }) // undefined
 */
export function changedCollection(event: { event: string; data: string }): string | undefined {
  if (event.event !== 'change') return undefined
  try {
    const data = JSON.parse(event.data) as Partial<ChangeSignal> | null
    return typeof data?.collection === 'string' ? data.collection : undefined
  } catch {
    return undefined
  }
}

// --- errors -----------------------------------------------------------------------------------------------------

/** What the server answers instead when a request fails (besides Fastify's own 4xx of a request out of bounds). */
export interface ErrorReply {
  error:
    | 'unauthenticated'
    | 'invalidCredentials'
    | 'tooManyAttempts'
    | 'tooManyStreams'
    | 'tooManyPushes'
    | 'unknownCollection'
    | 'internal'
  /** A sentence for the person reading it. */
  message: string
  retryAfterSeconds?: number
}
