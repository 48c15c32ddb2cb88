/**
 * Records that change owner: a customer given to another rep takes its records along (re-stamped with new seqs,
 * so the new owner pulls them), and the previous owner gets a revocation for each. Without it their pull, which
 * reads only what they own, would simply stop showing the record, and their device would keep it for ever; with
 * it their next pull sends a tombstone (pull.ts). Written in the mover's transaction, under the collection's
 * lock, with seqs from the collection's sequence, so checkpoints keep following commit order.
 */
import type pg from 'pg'
import { CUSTOMER_OWNED } from './collections'
import { allocateSeqs, lockCollection, notifyChange } from './store'

/** A record whose owner changed in this transaction. */
export interface OwnerChange {
  id: string
  /** The owner before (null: a shared record, or one no rep held). */
  from: string | null
  to: string | null
}

/**
 * Revokes moved records from their previous owners and clears the revocations of their new owners (a record
 * given back must not arrive as a tombstone after it). The caller holds the collection's lock.
 *
 * @example
 * await recordOwnerChanges(client, 'invoices', [{ id: 'I-1', from: 'ann', to: 'bob' }])
 */
export async function recordOwnerChanges(
  client: pg.PoolClient,
  collection: string,
  changes: readonly OwnerChange[],
): Promise<void> {
  const moved = changes.filter((c) => c.from !== c.to)
  const regained = moved.filter((c): c is OwnerChange & { to: string } => c.to !== null)
  if (regained.length > 0)
    await client.query(
      `DELETE FROM revocations r USING unnest($2::text[], $3::text[]) AS g(id, user_id)
        WHERE r.collection = $1 AND r.id = g.id AND r.user_id = g.user_id`,
      [collection, regained.map((c) => c.id), regained.map((c) => c.to)],
    )
  const lost = moved.filter((c): c is OwnerChange & { from: string } => c.from !== null)
  if (lost.length === 0) return
  const last = await allocateSeqs(client, collection, lost.length)
  const first = last - lost.length + 1
  await client.query(
    `INSERT INTO revocations (collection, id, user_id, seq)
     SELECT $1, r.id, r.user_id, r.seq FROM unnest($2::text[], $3::text[], $4::bigint[]) AS r(id, user_id, seq)
     ON CONFLICT (collection, id, user_id) DO UPDATE SET seq = excluded.seq, created_at = now()`,
    [collection, lost.map((c) => c.id), lost.map((c) => c.from), lost.map((_, i) => first + i)],
  )
  await notifyChange(
    client,
    collection,
    last,
    lost.map((c) => c.from),
  )
}

/**
 * Gives the records of customers that changed hands (or arrived after their records) to the customer's owner,
 * with new seqs so the new owner pulls them. Collections are locked in name order, after the customers lock
 * the caller holds; no writer takes them in another order, so this cannot deadlock.
 */
export async function restampCustomers(
  client: pg.PoolClient,
  customers: ReadonlyArray<Record<string, unknown> & { id: string }>,
): Promise<void> {
  const ids = customers.map((c) => c.id)
  const owners = customers.map((c) => String(c.ownerId))
  for (const collection of CUSTOMER_OWNED) {
    await lockCollection(client, collection)
    const { rows } = await client.query<{ id: string; owner: string; previous: string | null }>(
      `SELECT d.id, c.owner, d.owner_id AS previous FROM documents d
         JOIN unnest($2::text[], $3::text[]) AS c(id, owner) ON d.customer_id = c.id
        WHERE d.collection = $1 AND d.owner_id IS DISTINCT FROM c.owner`,
      [collection, ids, owners],
    )
    if (rows.length === 0) continue
    const last = await allocateSeqs(client, collection, rows.length)
    const first = last - rows.length + 1
    await client.query(
      `UPDATE documents d SET owner_id = r.owner, seq = r.seq, updated_at = now()
         FROM unnest($2::text[], $3::text[], $4::bigint[]) AS r(id, owner, seq)
        WHERE d.collection = $1 AND d.id = r.id`,
      [collection, rows.map((r) => r.id), rows.map((r) => r.owner), rows.map((_, i) => first + i)],
    )
    await notifyChange(
      client,
      collection,
      last,
      rows.map((r) => r.owner),
    )
    await recordOwnerChanges(
      client,
      collection,
      rows.map((r) => ({ id: r.id, from: r.previous, to: r.owner })),
    )
  }
}
