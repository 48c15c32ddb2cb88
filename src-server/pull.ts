/**
 * Pull: the records of a collection committed after a checkpoint, in commit order. The checkpoint is the last
 * `seq` the client has; since writers of a collection are serialized and take their seq under the lock, no row
 * can later appear below a checkpoint a reader has passed.
 */
import type pg from 'pg'
import type { Checkpoint, PullPage as WirePage } from '@core/sync/wire'
import type { User } from './auth'
import type { CollectionSpec } from './collections'

/** A page of a pull (the wire's `PullPage`), with its body already written out. */
export interface PulledPage extends Omit<WirePage, 'documents'> {
  /**
   * The response body, the wire's `PullPage` built as text: rows go from jsonb to the wire without a parse and
   * a stringify.
   */
  body: string
  count: number
}

/** Whether a user reads every record of a collection, or only their customers' records. */
export function readsAll(spec: CollectionSpec, user: User): boolean {
  return spec.owner === 'shared' || user.role !== 'rep'
}

/** Every record of the collection: shared ones, or anything for the back office. */
const ALL = `
  SELECT (data || jsonb_build_object('_deleted', deleted))::text AS doc, seq
    FROM documents
   WHERE collection = $1 AND seq > $2
   ORDER BY seq
   LIMIT $3`

/**
 * A rep's records, and the records they lost (revocations: their customer went to another rep) as tombstones
 * carrying only the id, so the record leaves their device without anything of its new owner's state. Both
 * sides take their seqs from the collection's sequence, so one checkpoint orders them. A record given back
 * has no revocation left (owner-changes.ts), and comes back as a row with a newer seq.
 */
const OWNED_AND_REVOKED = `
  (SELECT (data || jsonb_build_object('_deleted', deleted))::text AS doc, seq
     FROM documents
    WHERE collection = $1 AND owner_id = $4 AND seq > $2
    ORDER BY seq
    LIMIT $3)
  UNION ALL
  (SELECT jsonb_build_object('id', id, '_deleted', true)::text, seq
     FROM revocations
    WHERE collection = $1 AND user_id = $4 AND seq > $2
    ORDER BY seq
    LIMIT $3)
  ORDER BY seq
  LIMIT $3`

const REMAINING_ALL = `SELECT count(*) AS n FROM documents WHERE collection = $1 AND seq > $2`

const REMAINING_OWNED = `
  SELECT (SELECT count(*) FROM documents WHERE collection = $1 AND owner_id = $3 AND seq > $2)
       + (SELECT count(*) FROM revocations WHERE collection = $1 AND user_id = $3 AND seq > $2) AS n`

/**
 * One page of a pull.
 *
 * @param since - the client's checkpoint seq (0 for a first pull)
 * @param limit - the batch size
 */
export async function pull(
  pool: pg.Pool,
  spec: CollectionSpec,
  user: User,
  since: number,
  limit: number,
): Promise<PulledPage> {
  const all = readsAll(spec, user)
  const { rows } = await pool.query<{ doc: string; seq: string }>(
    all ? ALL : OWNED_AND_REVOKED,
    all ? [spec.name, since, limit] : [spec.name, since, limit, user.id],
  )
  const last = rows.at(-1)
  const checkpoint: Checkpoint = { seq: last ? Number(last.seq) : since }
  // Counted only after a full page: a page that is not full is the last one.
  const remaining =
    rows.length < limit
      ? 0
      : Number(
          (
            await pool.query<{ n: string }>(
              all ? REMAINING_ALL : REMAINING_OWNED,
              all ? [spec.name, checkpoint.seq] : [spec.name, checkpoint.seq, user.id],
            )
          ).rows[0]?.n ?? 0,
        )
  const body = `{"documents":[${rows.map((r) => r.doc).join(',')}],"checkpoint":${JSON.stringify(checkpoint)},"remaining":${remaining}}`
  return { body, count: rows.length, checkpoint, remaining }
}
