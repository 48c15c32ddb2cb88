/**
 * Pull: the records of a collection committed after a checkpoint, in commit order. The checkpoint is the last
 * `seq` the client has; since writers of a collection are serialized and take their seq under the lock, no row
 * can later appear below a checkpoint a reader has passed.
 */
import type pg from 'pg'
import type { User } from './auth'
import type { CollectionSpec } from './collections'

export interface PullPage {
  /** The response body, built as text: rows go from jsonb to the wire without a parse and a stringify. */
  body: string
  count: number
  checkpoint: { seq: number }
}

/** Whether a user reads every record of a collection, or only their customers' records. */
export function readsAll(spec: CollectionSpec, user: User): boolean {
  return spec.owner === 'shared' || user.role !== 'rep'
}

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
): Promise<PullPage> {
  const all = readsAll(spec, user)
  const { rows } = await pool.query<{ doc: string; seq: string }>(
    `SELECT (data || jsonb_build_object('_deleted', deleted))::text AS doc, seq
       FROM documents
      WHERE collection = $1 AND seq > $2 ${all ? '' : 'AND owner_id = $4'}
      ORDER BY seq
      LIMIT $3`,
    all ? [spec.name, since, limit] : [spec.name, since, limit, user.id],
  )
  const last = rows.at(-1)
  const checkpoint = { seq: last ? Number(last.seq) : since }
  const body = `{"documents":[${rows.map((r) => r.doc).join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`
  return { body, count: rows.length, checkpoint }
}
