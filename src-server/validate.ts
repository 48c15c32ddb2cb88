/**
 * Checks on one pushed record, in two stages. `checkPushed` needs only the record and the actor (shape, role,
 * totals) and runs before the collection's lock is taken, so the lock is held as briefly as possible.
 * `checkAgainstMaster` needs the stored master state and the owner of the record's customer, and runs under
 * the lock. Each check answers with a refusal whose reason a rep can read.
 */
import type { PricedDocument } from '@core/documents/totals'
import type { Actor } from '@core/documents/types'
import { jsonEqual } from '@core/sync/json'
import { checkTransition, type LifecycleDocument } from '@core/sync/transition'
import { checkTotals } from '@core/sync/validate-document'
import type { CollectionSpec } from './collections'

/** A record as stored and sent: the src-core record, plus RxDB's deletion flag on the wire. */
export type StoredRecord = Record<string, unknown> & { id: string }

export interface Refusal {
  id: string
  code: string
  reason: string
  /**
   * The record as the server holds it (null: it holds none), on refusals made against the stored state, so the
   * device can go back to it; absent when the record alone is refused (malformed, forged totals, role).
   */
  master?: unknown
}

/** A pushed record that passed the first stage. */
export interface CheckedRecord {
  doc: StoredRecord
  deleted: boolean
  customerId: string | null
  number: string | null
}

/** RxDB's own fields: never part of a record; dropped if a client sends them. */
const RXDB_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const

function refusal(id: unknown, code: string, reason: string): Refusal {
  return { id: typeof id === 'string' ? id : '', code, reason }
}

/**
 * The first stage: shape (src-core schema), role, and recomputed totals.
 *
 * @param raw - `newDocumentState` as pushed
 */
export function checkPushed(
  spec: CollectionSpec,
  actor: Actor,
  raw: unknown,
): CheckedRecord | Refusal {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return refusal(undefined, 'invalid', 'The pushed document is not an object.')
  const input = { ...(raw as Record<string, unknown>) }
  const deleted = input._deleted === true
  for (const field of RXDB_FIELDS) delete input[field]
  const parsed = spec.parse(input)
  if (!parsed.ok) return refusal(input.id, 'invalid', `The document is not valid: ${parsed.error}.`)
  const doc = parsed.value
  if (!spec.writers.includes(actor.role))
    return refusal(doc.id, 'notPermitted', `Your role (${actor.role}) cannot change ${spec.name}.`)
  if (spec.priced && !deleted) {
    const forged = checkTotals(doc as unknown as PricedDocument)
    if (forged) return refusal(doc.id, forged.code, forged.reason)
  }
  const customerId =
    spec.owner === 'customer' ? (doc.customerId as string) : spec.owner === 'self' ? doc.id : null
  const number = spec.numbered ? (doc.number as string) : null
  return { doc, deleted, customerId, number }
}

/** What the second stage knows: the stored master state and the owner of the record's customer. */
export interface MasterContext {
  master?: { doc: StoredRecord; deleted: boolean; ownerId: string | null }
  /** The `ownerId` of the record's customer as stored, if the customer is known. */
  customerOwner?: string
}

/**
 * The owner a record gets: its customer's owner. A record whose customer has not arrived yet (collections sync
 * independently) is held for the rep who pushed it, until the customer arrives and re-stamps it.
 */
export function ownerOf(
  spec: CollectionSpec,
  checked: CheckedRecord,
  actor: Actor,
  customerOwner: string | undefined,
): string | null {
  if (spec.owner === 'shared') return null
  if (spec.owner === 'self') return checked.doc.ownerId as string
  return customerOwner ?? (actor.role === 'rep' ? actor.userId : null)
}

function checkOwnership(
  spec: CollectionSpec,
  checked: CheckedRecord,
  actor: Actor,
  ctx: MasterContext,
): Refusal | undefined {
  if (actor.role !== 'rep' || spec.owner === 'shared') return undefined
  const { id } = checked.doc
  if (ctx.master && ctx.master.ownerId !== actor.userId)
    return refusal(id, 'notPermitted', 'This record belongs to another rep’s customer.')
  // Not held for the rep: whoever later created a customer with that id would be handed the record.
  if (!ctx.master && spec.owner === 'customer' && ctx.customerOwner === undefined)
    return refusal(
      id,
      'unknownCustomer',
      'This record’s customer has not reached the server yet; it is sent again once the customer is there.',
    )
  const owner = ownerOf(spec, checked, actor, ctx.customerOwner)
  if (owner !== actor.userId)
    return refusal(
      id,
      'notPermitted',
      spec.owner === 'self'
        ? 'Only the back office can give a customer to another rep.'
        : 'This customer belongs to another rep.',
    )
  return undefined
}

/** The second stage: ownership, the lifecycle and the authors, against the master state. */
export function checkAgainstMaster(
  spec: CollectionSpec,
  checked: CheckedRecord,
  actor: Actor,
  ctx: MasterContext,
): Refusal | undefined {
  const owned = checkOwnership(spec, checked, actor, ctx)
  if (owned) return owned
  if (spec.lifecycle) {
    const prev = ctx.master && !ctx.master.deleted ? ctx.master.doc : undefined
    const refused = checkTransition(
      prev as unknown as LifecycleDocument | undefined,
      checked.doc as unknown as LifecycleDocument,
      actor,
      checked.deleted,
    )
    if (refused) return refusal(checked.doc.id, refused.code, refused.reason)
  }
  return checkAuthors(spec, checked, actor, ctx.master?.doc)
}

/** The fields naming who made a record, set once when it is created. */
const AUTHOR_FIELDS = ['createdBy', 'recordedBy'] as const

const nounOf = (spec: CollectionSpec): string =>
  spec.name.endsWith('ies') ? `${spec.name.slice(0, -3)}y` : spec.name.replace(/s$/, '')

/**
 * Authors are the signed-in user: a new record's `createdBy`/`recordedBy` (and, for a rep, its `ownerId`), and
 * the author and role of every history entry the stored state does not already hold. Entries already stored were
 * checked when they arrived (a merge carries other users' entries along); an author field never changes after.
 * A merge's conflict entry may name an author of the stored history instead (the side whose values lost).
 * The integration role gives customers to reps (their `ownerId`), but writes in its own name like everyone.
 *
 * @param prev - the stored state (a tombstone's too), or undefined for a new record
 */
export function checkAuthors(
  spec: CollectionSpec,
  checked: CheckedRecord,
  actor: Actor,
  prev: StoredRecord | undefined,
): Refusal | undefined {
  const { doc } = checked
  const noun = nounOf(spec)
  const notYours = (what: string) =>
    refusal(
      doc.id,
      'wrongAuthor',
      `This ${noun} ${what}; records are written only in the name of the user signed in (${actor.userId}, ${actor.role}).`,
    )
  for (const field of AUTHOR_FIELDS) {
    if (!(field in doc)) continue
    if (prev && doc[field] !== prev[field])
      return refusal(
        doc.id,
        'immutableField',
        `The ${noun}'s ${field} cannot change once it is created.`,
      )
    if (!prev && doc[field] !== actor.userId)
      return notYours(`names ${String(doc[field])} as its author (${field})`)
  }
  if (!prev && actor.role === 'rep' && spec.owner === 'customer' && 'ownerId' in doc)
    if (doc.ownerId !== actor.userId) return notYours(`names ${String(doc.ownerId)} as its owner`)
  if (!Array.isArray(doc.history)) return undefined
  type Entry = { by: string; role: string; command: string }
  const stored = (Array.isArray(prev?.history) ? prev.history : []) as Entry[]
  const author = (e: Entry) => JSON.stringify([e.by, e.role])
  const storedAuthors = new Set(stored.map(author))
  for (const [i, entry] of (doc.history as Entry[]).entries()) {
    if (i < stored.length && jsonEqual(entry, stored[i])) continue
    if (entry.by === actor.userId && entry.role === actor.role) continue
    // A merge on the device records what a conflict cost in the name of the side that lost it
    // (src-core/sync/merge.ts): someone who already wrote in this record's stored history.
    if (entry.command === 'conflict' && storedAuthors.has(author(entry))) continue
    return notYours(`has a new history entry by ${entry.by} (${entry.role})`)
  }
  return undefined
}
