/**
 * The small pieces of SQL the push path shares: the per-collection lock, the per-collection sequence and change
 * notifications.
 */
import type pg from 'pg'
import { lockKey } from './collections'

/** The channel every server process LISTENs on to wake its live streams. */
export const CHANGES_CHANNEL = 'fieldbill_changes'

/** A change notification: collection, highest seq written, and the owners concerned (null: everyone). */
export interface ChangeEvent {
  collection: string
  seq: number
  owners: string[] | null
}

/** Past this many owners a notification goes to everyone: NOTIFY payloads are limited to 8000 bytes. */
export const MAX_OWNERS = 50

/**
 * Serializes the writers of one collection until COMMIT. Seqs are taken only under this lock, so they are
 * handed out in commit order: the property that lets a pull never skip a row committed late.
 */
export async function lockCollection(client: pg.PoolClient, collection: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey(collection)])
}

/** Reserves `count` seqs of a collection (under its lock) and returns the last of them. */
export async function allocateSeqs(
  client: pg.PoolClient,
  collection: string,
  count: number,
): Promise<number> {
  const { rows } = await client.query<{ last_seq: string }>(
    `INSERT INTO collection_seq (collection, last_seq) VALUES ($1, $2)
     ON CONFLICT (collection) DO UPDATE SET last_seq = collection_seq.last_seq + $2
     RETURNING last_seq`,
    [collection, count],
  )
  return Number(rows[0]?.last_seq)
}

/** Queues a change notification; PostgreSQL delivers it at COMMIT, and drops it on ROLLBACK. */
export async function notifyChange(
  client: pg.PoolClient,
  collection: string,
  seq: number,
  owners: (string | null)[],
): Promise<void> {
  const distinct = [...new Set(owners)]
  const everyone = distinct.includes(null) || distinct.length > MAX_OWNERS
  const event: ChangeEvent = {
    collection,
    seq,
    owners: everyone ? null : (distinct as string[]),
  }
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(event)])
}
