/**
 * Live streams: one LISTEN connection per server process receives the change notifications every process sends
 * at COMMIT (store.ts) and wakes the server-sent-event streams that care: a stream follows a set of collections
 * (a client's one stream follows all of them), and hears of a change only when the user reads what was written.
 * Streams carry no documents, only "pull now": the pull path stays the one place that decides what a user may
 * read.
 */
import pg from 'pg'
import type { FastifyBaseLogger } from 'fastify'
import { RESYNC, type StreamEvent } from '@core/sync/wire'
import { SESSIONS_CHANNEL, type SessionsEnded, type User } from './auth'
import { COLLECTIONS } from './collections'
import { readsAll } from './pull'
import { CHANGES_CHANNEL, type ChangeEvent } from './store'

export interface Subscriber {
  /** The collections whose changes the stream tells of. */
  collections: ReadonlySet<string>
  user: User
  /** The session the stream was opened with (`sessionId`): ended, it closes the stream. */
  session: string
  /** Sends one event: `change` with the seq written, or `resync` when events may have been missed. */
  send(event: StreamEvent): void
  close(): void
}

const RECONNECT_MS = 1000

export class ChangeHub {
  private listener: pg.Client | undefined
  private readonly subscribers = new Set<Subscriber>()
  private stopped = false
  private reconnectTimer: NodeJS.Timeout | undefined

  private recheckTimer: NodeJS.Timeout | undefined

  /**
   * @param recheckMs - how often the streams' sessions are checked against the database: a session that
   *   expired, or ended while the listener was reconnecting (its notification lost), ends its stream then
   */
  constructor(
    private readonly connectionString: string,
    private readonly log: FastifyBaseLogger,
    private readonly recheckMs = 60_000,
  ) {}

  /** Connects and LISTENs; resolves once listening. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', (msg) =>
      msg.channel === SESSIONS_CHANNEL ? this.endSessions(msg.payload) : this.dispatch(msg.payload),
    )
    client.on('error', (e) => this.lost(client, e))
    client.on('end', () => this.lost(client))
    await client.connect()
    await client.query(`LISTEN ${CHANGES_CHANNEL}`)
    await client.query(`LISTEN ${SESSIONS_CHANNEL}`)
    this.listener = client
    if (!this.recheckTimer) {
      this.recheckTimer = setInterval(() => void this.recheckSessions(), this.recheckMs)
      this.recheckTimer.unref()
    }
  }

  /** Ends the streams whose session is gone, expired, or whose user was disabled. */
  async recheckSessions(): Promise<void> {
    const listener = this.listener
    if (!listener || this.subscribers.size === 0) return
    const users = [...new Set([...this.subscribers].map((s) => s.user.id))]
    try {
      const { rows } = await listener.query<{ session: string }>(
        `SELECT substr(encode(s.token_hash, 'hex'), 1, 32) AS session
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.user_id = ANY($1) AND s.expires_at > now() AND u.disabled_at IS NULL`,
        [users],
      )
      const live = new Set(rows.map((r) => r.session))
      for (const s of [...this.subscribers])
        if (!live.has(s.session)) {
          this.subscribers.delete(s)
          s.close()
        }
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'session recheck failed')
    }
  }

  /** Adds a stream; returns the function that removes it. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber)
    return () => this.subscribers.delete(subscriber)
  }

  /** How many streams are open (for readiness logs and tests). */
  get size(): number {
    return this.subscribers.size
  }

  /** How many streams `userId` holds open on this process. */
  countFor(userId: string): number {
    let n = 0
    for (const s of this.subscribers) if (s.user.id === userId) n++
    return n
  }

  /** Ends every stream (clients reconnect to another process) and the LISTEN connection. */
  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.reconnectTimer)
    clearInterval(this.recheckTimer)
    for (const s of this.subscribers) s.close()
    this.subscribers.clear()
    const listener = this.listener
    this.listener = undefined
    await listener?.end().catch(() => undefined)
  }

  private dispatch(payload: string | undefined): void {
    let event: ChangeEvent
    try {
      event = JSON.parse(payload ?? '') as ChangeEvent
    } catch {
      return
    }
    const spec = COLLECTIONS.get(event.collection)
    for (const s of this.subscribers) {
      if (!s.collections.has(event.collection)) continue
      const concerned =
        !spec || readsAll(spec, s.user) || event.owners === null || event.owners.includes(s.user.id)
      if (concerned)
        s.send({ event: 'change', data: { collection: event.collection, seq: event.seq } })
    }
  }

  /**
   * Closes the streams of sessions that ended (a logout, sessions revoked, a user disabled), on whichever
   * process they were opened: the client's reconnect is then refused with 401 and it asks to sign in.
   */
  private endSessions(payload: string | undefined): void {
    let ended: SessionsEnded
    try {
      ended = JSON.parse(payload ?? '') as SessionsEnded
    } catch {
      return
    }
    for (const s of [...this.subscribers]) {
      if (s.user.id !== ended.user) continue
      if (ended.session !== undefined && ended.session !== s.session) continue
      this.subscribers.delete(s)
      s.close()
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.stopped || this.listener !== client) return
    this.listener = undefined
    this.log.warn({ err: error?.message }, 'change listener lost; reconnecting')
    const retry = () => {
      if (this.stopped) return
      this.start()
        .then(() => {
          // Notifications sent while we were away are gone: every stream pulls to catch up, and sessions
          // ended meanwhile end their streams.
          for (const s of this.subscribers) s.send({ event: 'resync', data: RESYNC })
          void this.recheckSessions()
        })
        .catch(() => {
          this.reconnectTimer = setTimeout(retry, RECONNECT_MS)
        })
    }
    this.reconnectTimer = setTimeout(retry, RECONNECT_MS)
  }
}
