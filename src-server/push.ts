/**
 * Push: compare-and-set of a batch of records, in slices of `PUSH_SLICE_ROWS` rows, each slice one transaction
 * under the collection's advisory lock.
 *
 * For each row: if the pushed state equals the stored one, nothing happens (a replayed push changes nothing);
 * if the client's assumed master state is not the stored one, the stored one comes back as a conflict for the
 * client's merge; otherwise the record is checked (validate.ts) and written with the next seq, or refused with
 * a reason. A NOTIFY in the same transaction tells every server process to wake its live streams after COMMIT.
 *
 * Why slices: the lock serializes every writer of the collection, so a push holding it for a thousand rows made
 * every other rep's push wait for all of them. A slice commits on its own; the client cannot tell a push cut
 * short (a crash between slices) from one whose answer was lost, and pushes the same rows again: the slices
 * already committed are then replays. Each row is still compared with its master and written atomically, and
 * seqs are still taken under the lock, so checkpoints follow commit order.
 */
import type pg from 'pg'
import type { Actor } from '@core/documents/types'
import { jsonEqual } from '@core/sync/json'
import type { CollectionSpec } from './collections'
import { inTransaction } from './db'
import { readState, writeEach, type Master, type Write } from './push-sql'
import { checkPayments, invoiceDeletionRefusal } from './payments'
import { recordOwnerChanges, restampCustomers, type OwnerChange } from './owner-changes'
import { lockCollection } from './store'
import {
  checkAgainstMaster,
  checkPushed,
  ownerOf,
  type CheckedRecord,
  type Refusal,
} from './validate'

/** Rows a push writes per transaction (measured: see README.md, Push fairness). */
export const PUSH_SLICE_ROWS = 50

/** The reason given for a row PostgreSQL refused: nothing of the database's own message reaches the rep. */
export const NOT_STORED_REASON = 'The record could not be stored on the server.'

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

const wire = (m: Master): unknown => ({ ...m.doc, _deleted: m.deleted })

/**
 * Applies one push, slice by slice.
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
  const result: PushResult = { conflicts: [], rejections: [], written: 0 }
  const seen = new Set<string>()
  for (let start = 0; start < rows.length; start += PUSH_SLICE_ROWS) {
    const slice = rows.slice(start, start + PUSH_SLICE_ROWS)
    const part = await pushSlice(pool, spec, actor, slice, seen)
    result.conflicts.push(...part.conflicts)
    result.rejections.push(...part.rejections)
    result.written += part.written
  }
  return result
}

/**
 * One slice in one transaction.
 *
 * @param seen - ids of the push's earlier slices, so a record pushed twice in one batch is refused
 */
async function pushSlice(
  pool: pg.Pool,
  spec: CollectionSpec,
  actor: Actor,
  rows: readonly PushRow[],
  seen: Set<string>,
): Promise<PushResult> {
  const rejections: Refusal[] = []
  const candidates: Array<{ row: PushRow; checked: CheckedRecord }> = []
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
  const early = [...rejections]
  return inTransaction(pool, async (client) => {
    await lockCollection(client, spec.name)
    const { masters, owners, numbers } = await readState(
      client,
      spec.name,
      candidates.map((c) => c.checked),
    )
    const conflicts: unknown[] = []
    const writes: Write[] = []
    // Only states the actor may read go back: a rep pushing a record that has left them (its customer went to
    // another rep) is refused as if the server had no such record, so their device drops it. The device then
    // pushes that drop (a deletion): for this rep the record is indeed gone, so it is taken as done, unwritten;
    // refused, it would come back deleted again and be pushed again, for ever.
    const readable = new Map([...masters].filter(([, m]) => mayRead(spec, actor, m)))
    for (const { row, checked } of candidates) {
      const master = masters.get(checked.doc.id)
      if (master && !readable.has(checked.doc.id)) {
        if (!checked.deleted)
          rejections.push({ id: checked.doc.id, code: 'notPermitted', reason: NOT_YOURS })
        continue
      }
      const pushed = { ...checked.doc, _deleted: checked.deleted }
      if (master && jsonEqual(wire(master), pushed)) continue
      if (master && !jsonEqual(row.assumedMasterState, wire(master))) {
        conflicts.push(wire(master))
        continue
      }
      const customerOwner = checked.customerId ? owners.get(checked.customerId) : undefined
      const refused =
        checkAgainstMaster(spec, checked, actor, { master, customerOwner }) ??
        (spec.name === 'invoices' ? invoiceDeletionRefusal(checked, master) : undefined)
      // A record the server never had, deleted before its customer arrived: nothing to store, nothing to wait for.
      if (refused?.code === 'unknownCustomer' && checked.deleted) continue
      if (refused) rejections.push(refused)
      else writes.push({ checked, ownerId: ownerOf(spec, checked, actor, customerOwner) })
    }
    const unique = refuseDuplicateNumbers(spec, writes, numbers, rejections)
    const accepted =
      spec.name === 'payments'
        ? await checkPayments(client, unique, masters, rejections, actor)
        : unique
    if (accepted.length === 0)
      return { conflicts, rejections: answer(early, rejections, readable), written: 0 }
    const { written, failed } = await writeEach(client, spec.name, accepted)
    for (const { checked } of failed)
      rejections.push({ id: checked.doc.id, code: 'notStored', reason: NOT_STORED_REASON })
    await recordOwnerChanges(client, spec.name, ownerChanges(written, masters))
    if (spec.owner === 'self')
      await restampCustomers(
        client,
        written.map((w) => w.checked.doc),
      )
    return { conflicts, rejections: answer(early, rejections, readable), written: written.length }
  })
}

/** The refusals of a slice: those of the record alone, then those made against the stored state. */
function answer(
  early: readonly Refusal[],
  rejections: Refusal[],
  readable: ReadonlyMap<string, Master>,
): Refusal[] {
  return [...early, ...withMasters(rejections.slice(early.length), readable)]
}

const NOT_YOURS = 'This record belongs to another rep’s customer.'

/** Whether the actor may read a stored record: the same rule as the pull's (pull.ts `readsAll`). */
function mayRead(spec: CollectionSpec, actor: Actor, master: Master): boolean {
  return spec.owner === 'shared' || actor.role !== 'rep' || master.ownerId === actor.userId
}

/** The accepted writes that give a stored record another owner (a customer given to another rep). */
function ownerChanges(writes: readonly Write[], masters: Map<string, Master>): OwnerChange[] {
  return writes.flatMap(({ checked, ownerId }) => {
    const master = masters.get(checked.doc.id)
    return master ? [{ id: checked.doc.id, from: master.ownerId, to: ownerId }] : []
  })
}

/**
 * Refusals made against the stored state carry that state (null: the server has no such record), so the
 * device can go back to it instead of keeping a version the server will never take.
 */
function withMasters(rejections: Refusal[], masters: ReadonlyMap<string, Master>): Refusal[] {
  return rejections.map((r) => {
    const master = masters.get(r.id)
    return { ...r, master: master ? wire(master) : null }
  })
}

/** Drops (and refuses) writes whose number another record holds, in the table or earlier in the batch. */
function refuseDuplicateNumbers(
  spec: CollectionSpec,
  writes: Write[],
  holders: Map<string, string>,
  rejections: Refusal[],
): Write[] {
  if (!spec.numbered) return writes
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
