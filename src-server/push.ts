/**
 * Push: compare-and-set of a batch of records in one transaction, under the collection's advisory lock.
 *
 * For each row: if the pushed state equals the stored one, nothing happens (a replayed push changes nothing);
 * if the client's assumed master state is not the stored one, the stored one comes back as a conflict for the
 * client's merge; otherwise the record is checked (validate.ts) and written with the next seq, or refused with
 * a reason. A NOTIFY in the same transaction tells every server process to wake its live streams after COMMIT.
 */
import type pg from 'pg'
import type { Actor } from '../src-core/documents/types'
import { jsonEqual } from '../src-core/sync/json'
import type { CollectionSpec } from './collections'
import { inTransaction } from './db'
import { allocateSeqs, lockCollection, notifyChange, restampCustomers } from './store'
import {
  checkAgainstMaster,
  checkPushed,
  ownerOf,
  type CheckedRecord,
  type Refusal,
  type StoredRecord,
} from './validate'

/** One row of RxDB's push: the state the client last saw from the server, and its new state. */
export interface PushRow {
  assumedMasterState?: unknown
  newDocumentState: unknown
}

export interface PushResult {
  /** Current master states of conflicting records (RxDB's push handler returns exactly these). */
  conflicts: unknown[]
  /** Records refused, with reasons; not stored. */
  rejections: Refusal[]
  /** How many records were written. */
  written: number
}

interface Master {
  doc: StoredRecord
  deleted: boolean
  ownerId: string | null
}

interface Write {
  checked: CheckedRecord
  ownerId: string | null
}

const wire = (m: Master): unknown => ({ ...m.doc, _deleted: m.deleted })

async function readMasters(
  client: pg.PoolClient,
  collection: string,
  ids: string[],
): Promise<Map<string, Master>> {
  const { rows } = await client.query<{
    id: string
    data: StoredRecord
    deleted: boolean
    owner_id: string | null
  }>('SELECT id, data, deleted, owner_id FROM documents WHERE collection = $1 AND id = ANY($2)', [
    collection,
    ids,
  ])
  return new Map(rows.map((r) => [r.id, { doc: r.data, deleted: r.deleted, ownerId: r.owner_id }]))
}

async function customerOwners(
  client: pg.PoolClient,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => id !== null)
  if (wanted.length === 0) return new Map()
  const { rows } = await client.query<{ id: string; owner: string }>(
    `SELECT id, data->>'ownerId' AS owner FROM documents
      WHERE collection = 'customers' AND id = ANY($1) AND NOT deleted`,
    [wanted],
  )
  return new Map(rows.map((r) => [r.id, r.owner]))
}

/** Numbers already taken by other records, for a batch that claims them. */
async function takenNumbers(
  client: pg.PoolClient,
  collection: string,
  numbers: string[],
): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map()
  const { rows } = await client.query<{ id: string; number: string }>(
    'SELECT id, number FROM documents WHERE collection = $1 AND number = ANY($2)',
    [collection, numbers],
  )
  return new Map(rows.map((r) => [r.number, r.id]))
}

async function writeRecords(client: pg.PoolClient, collection: string, writes: Write[]) {
  const last = await allocateSeqs(client, collection, writes.length)
  const first = last - writes.length + 1
  await client.query(
    `INSERT INTO documents (collection, id, data, seq, owner_id, customer_id, number, deleted)
     SELECT $1, w.id, w.data, w.seq, w.owner_id, w.customer_id, w.number, w.deleted
       FROM unnest($2::text[], $3::jsonb[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                   $8::boolean[]) AS w(id, data, seq, owner_id, customer_id, number, deleted)
     ON CONFLICT (collection, id) DO UPDATE
       SET data = excluded.data, seq = excluded.seq, owner_id = excluded.owner_id,
           customer_id = excluded.customer_id, number = excluded.number,
           deleted = excluded.deleted, updated_at = now()`,
    [
      collection,
      writes.map((w) => w.checked.doc.id),
      writes.map((w) => JSON.stringify(w.checked.doc)),
      writes.map((_, i) => first + i),
      writes.map((w) => w.ownerId),
      writes.map((w) => w.checked.customerId),
      writes.map((w) => w.checked.number),
      writes.map((w) => w.checked.deleted),
    ],
  )
  return last
}

/**
 * Applies one push.
 *
 * @param rows - RxDB's push rows
 * @param actor - who pushes; ownership and lifecycle are checked for this actor
 */
export async function push(
  pool: pg.Pool,
  spec: CollectionSpec,
  actor: Actor,
  rows: readonly PushRow[],
): Promise<PushResult> {
  const rejections: Refusal[] = []
  const candidates: Array<{ row: PushRow; checked: CheckedRecord }> = []
  const seen = new Set<string>()
  for (const row of rows) {
    const checked = checkPushed(spec, actor, row.newDocumentState)
    if ('code' in checked) rejections.push(checked)
    else if (seen.has(checked.doc.id))
      rejections.push({ id: checked.doc.id, code: 'invalid', reason: 'Pushed twice in one batch.' })
    else {
      seen.add(checked.doc.id)
      candidates.push({ row, checked })
    }
  }
  if (candidates.length === 0) return { conflicts: [], rejections, written: 0 }
  return inTransaction(pool, async (client) => {
    await lockCollection(client, spec.name)
    const masters = await readMasters(client, spec.name, [...seen])
    const owners = await customerOwners(
      client,
      candidates.map((c) => c.checked.customerId),
    )
    const conflicts: unknown[] = []
    const writes: Write[] = []
    for (const { row, checked } of candidates) {
      const master = masters.get(checked.doc.id)
      const pushed = { ...checked.doc, _deleted: checked.deleted }
      if (master && jsonEqual(wire(master), pushed)) continue
      if (master && !jsonEqual(row.assumedMasterState, wire(master))) {
        conflicts.push(wire(master))
        continue
      }
      const customerOwner = checked.customerId ? owners.get(checked.customerId) : undefined
      const refused = checkAgainstMaster(spec, checked, actor, { master, customerOwner })
      if (refused) rejections.push(refused)
      else writes.push({ checked, ownerId: ownerOf(spec, checked, actor, customerOwner) })
    }
    const accepted = await refuseDuplicateNumbers(client, spec, writes, rejections)
    if (accepted.length === 0) return { conflicts, rejections, written: 0 }
    const seq = await writeRecords(client, spec.name, accepted)
    await notifyChange(
      client,
      spec.name,
      seq,
      accepted.map((w) => w.ownerId),
    )
    if (spec.owner === 'self')
      await restampCustomers(
        client,
        accepted.map((w) => w.checked.doc),
      )
    return { conflicts, rejections, written: accepted.length }
  })
}

/** Drops (and refuses) writes whose number another record holds, in the table or earlier in the batch. */
async function refuseDuplicateNumbers(
  client: pg.PoolClient,
  spec: CollectionSpec,
  writes: Write[],
  rejections: Refusal[],
): Promise<Write[]> {
  if (!spec.numbered) return writes
  const holders = await takenNumbers(
    client,
    spec.name,
    writes.map((w) => w.checked.number).filter((n): n is string => n !== null),
  )
  return writes.filter(({ checked }) => {
    const { number, doc } = checked
    if (number === null) return true
    const holder = holders.get(number)
    if (holder !== undefined && holder !== doc.id) {
      rejections.push({
        id: doc.id,
        code: 'duplicateNumber',
        reason: `The number ${number} is already used by another ${spec.name.replace(/s$/, '')}.`,
      })
      return false
    }
    holders.set(number, doc.id)
    return true
  })
}
