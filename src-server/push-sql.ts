/**
 * The two statements a push runs while it holds its collection's lock: one read of everything the checks need,
 * one write of everything accepted (seqs, rows, change notification). The lock serializes every writer of the
 * collection, so each round trip spent under it is paid by all of them: two, plus COMMIT (and a savepoint around
 * the write, so a row PostgreSQL refuses costs only that row).
 */
import type pg from 'pg'
import { CHANGES_CHANNEL, MAX_OWNERS } from './store'
import type { CheckedRecord, StoredRecord } from './validate'

export interface Master {
  doc: StoredRecord
  deleted: boolean
  ownerId: string | null
}

export interface PushState {
  masters: Map<string, Master>
  /**
   * Customer id → its owner, for the customers the batch names (a deleted one too: its records stay its owner's,
   * and are not taken for records of a customer the server never had).
   */
  owners: Map<string, string>
  /** Document number → the id of the record that holds it. */
  numbers: Map<string, string>
}

export interface Write {
  checked: CheckedRecord
  ownerId: string | null
}

/** Reads master states, customer owners and taken numbers for a batch, in one statement. */
export async function readState(
  client: pg.PoolClient,
  collection: string,
  checked: readonly CheckedRecord[],
): Promise<PushState> {
  const ids = checked.map((c) => c.doc.id)
  const customers = checked.map((c) => c.customerId).filter((id): id is string => id !== null)
  const numbers = checked.map((c) => c.number).filter((n): n is string => n !== null)
  const { rows } = await client.query<{
    kind: 'm' | 'c' | 'n'
    id: string
    data: StoredRecord | null
    deleted: boolean | null
    owner: string | null
    number: string | null
  }>(
    `SELECT 'm' AS kind, id, data, deleted, owner_id AS owner, NULL AS number FROM documents
      WHERE collection = $1 AND id = ANY($2)
     UNION ALL
     SELECT 'c', id, NULL, NULL, data->>'ownerId', NULL FROM documents
      WHERE collection = 'customers' AND id = ANY($3)
     UNION ALL
     SELECT 'n', id, NULL, NULL, NULL, number FROM documents
      WHERE collection = $1 AND number = ANY($4)`,
    [collection, ids, customers, numbers],
  )
  const state: PushState = { masters: new Map(), owners: new Map(), numbers: new Map() }
  for (const r of rows) {
    if (r.kind === 'm' && r.data)
      state.masters.set(r.id, { doc: r.data, deleted: r.deleted === true, ownerId: r.owner })
    else if (r.kind === 'c' && r.owner !== null) state.owners.set(r.id, r.owner)
    else if (r.kind === 'n' && r.number !== null) state.numbers.set(r.number, r.id)
  }
  return state
}

/**
 * Writes accepted records with the next seqs of the collection and queues the change notification.
 *
 * @returns the highest seq written
 */
export async function writeRecords(
  client: pg.PoolClient,
  collection: string,
  writes: readonly Write[],
): Promise<number> {
  const owners = [...new Set(writes.map((w) => w.ownerId))]
  const everyone = owners.includes(null) || owners.length > MAX_OWNERS
  const { rows } = await client.query<{ last: string }>(
    `WITH s AS (
       INSERT INTO collection_seq (collection, last_seq) VALUES ($1, $9)
       ON CONFLICT (collection) DO UPDATE SET last_seq = collection_seq.last_seq + $9
       RETURNING last_seq
     ), ins AS (
       INSERT INTO documents (collection, id, data, seq, owner_id, customer_id, number, deleted)
       SELECT $1, w.id, w.data, s.last_seq - $9 + w.n, w.owner_id, w.customer_id, w.number, w.deleted
         FROM s, unnest($2::text[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::boolean[])
                 WITH ORDINALITY AS w(id, data, owner_id, customer_id, number, deleted, n)
       ON CONFLICT (collection, id) DO UPDATE
         SET data = excluded.data, seq = excluded.seq, owner_id = excluded.owner_id,
             customer_id = excluded.customer_id, number = excluded.number,
             deleted = excluded.deleted, updated_at = now()
       RETURNING seq
     ), last AS (SELECT max(seq) AS seq FROM ins)
     SELECT last.seq AS last,
            pg_notify($10, json_build_object('collection', $1::text, 'seq', last.seq,
                                             'owners', $8::json)::text)
       FROM last`,
    [
      collection,
      writes.map((w) => w.checked.doc.id),
      writes.map((w) => JSON.stringify(w.checked.doc)),
      writes.map((w) => w.ownerId),
      writes.map((w) => w.checked.customerId),
      writes.map((w) => w.checked.number),
      writes.map((w) => w.checked.deleted),
      JSON.stringify(everyone ? null : owners),
      writes.length,
      CHANGES_CHANNEL,
    ],
  )
  return Number(rows[0]?.last)
}

/**
 * SQLSTATE classes that blame the data written: a data exception (text PostgreSQL cannot hold, a number out of
 * range), an integrity constraint, a program limit (a value too large to index). Anything else (a lost
 * connection, a deadlock, a shutdown) is not one row's fault and fails the push as a whole, to be retried.
 */
const ROW_FAULTS = new Set(['22', '23', '54'])

function isRowFault(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && ROW_FAULTS.has(code.slice(0, 2))
}

/** Runs `work` in a savepoint; false when PostgreSQL refused it for its data (rolled back, transaction usable). */
async function attempt(client: pg.PoolClient, work: () => Promise<unknown>): Promise<boolean> {
  await client.query('SAVEPOINT push_write')
  try {
    await work()
  } catch (e) {
    if (!isRowFault(e)) throw e
    await client.query('ROLLBACK TO SAVEPOINT push_write')
    return false
  }
  await client.query('RELEASE SAVEPOINT push_write')
  return true
}

/**
 * Writes like `writeRecords`, all at once; when PostgreSQL refuses the statement for its data, one by one, so a
 * row it cannot store (a check that let it through) is left out and the rest are stored.
 *
 * @returns the writes stored and those PostgreSQL refused
 */
export async function writeEach(
  client: pg.PoolClient,
  collection: string,
  writes: readonly Write[],
): Promise<{ written: Write[]; failed: Write[] }> {
  if (await attempt(client, () => writeRecords(client, collection, writes)))
    return { written: [...writes], failed: [] }
  const written: Write[] = []
  const failed: Write[] = []
  for (const write of writes)
    if (await attempt(client, () => writeRecords(client, collection, [write]))) written.push(write)
    else failed.push(write)
  return { written, failed }
}
