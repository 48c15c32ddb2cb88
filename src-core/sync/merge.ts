/**
 * The conflict merge of sync: what a device does when the server answers a push with a newer master state. RxDB's
 * default handler (the server wins, the local edit vanishes) is never used; instead:
 *
 * - Three-way per field against the common ancestor (the master state the device last saw): a value changed on
 *   one side only takes that change; changed on both, the later edit (`updatedAt`) wins, ties broken by the
 *   documents' canonical JSON, so every device computes the same result.
 * - Lines (and every list of records with ids) merge by id: added on either side → kept; deleted on one side and
 *   untouched on the other → deleted; deleted on one side and edited on the other → kept, with the deletion
 *   recorded as lost.
 * - The lifecycle decides between states: a state change made on one side only stands; both changed, the state
 *   further along wins (invoice: paid > canceled > active; order: invoiced > canceled > fulfilled > submitted >
 *   active). When the winning state is read-only (a paid or canceled invoice, a submitted order), the other
 *   side's edits are stale: they are dropped and recorded, never applied to the closed document.
 * - An invoice's email status is not content (it is recorded in every state): it merges on its own, so a closed
 *   winner still takes the other side's newer report.
 * - Totals are recomputed with priceLines ('keep': the prices the lines carry).
 * - Orders and invoices get a 'conflict' history entry listing every losing value (from = lost, to = kept); all
 *   other records return the losing values in `lost` for the caller to keep where the user can see them.
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { INVOICE_RULES, ORDER_RULES } from '@core/documents/lifecycle'
import { priceLines, type PricedDocument } from '@core/documents/totals'
import type { ActorRole, FieldChange, HistoryEntry, RecordBase } from '@core/documents/types'
import { canonicalJson, jsonEqual, type Json } from './json'
import { mergeValue, type FieldMerge, type Value } from './merge-fields'

export interface MergeResult<D> {
  document: D
  /** Every value that lost, as in the conflict history entry (from = lost value, to = value kept). */
  lost: FieldChange[]
}

type Doc = RecordBase & Record<string, unknown>

/** Fields the merge never merges: bookkeeping, and amounts recomputed from the lines. */
const SKIPPED = ['history', 'updatedAt', 'totals', 'baseTotals'] as const
const LINE_COMPUTED = [
  'volumeDiscount',
  'amount',
  'manualDiscountAmount',
  'extendedAmount',
] as const

const RANK: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  invoice: { active: 1, canceled: 2, paid: 3 },
  order: { active: 1, submitted: 2, fulfilled: 3, canceled: 4, invoiced: 5 },
}

function hasLifecycle(doc: Doc): doc is Doc & { kind: string; state: string; status: string } {
  return (doc.kind === 'invoice' || doc.kind === 'order') && typeof doc.state === 'string'
}

/** Read-only for a rep: the state allows no content command to anyone but the back office. */
function contentLocked(doc: { kind: string; state: string }): boolean {
  const rules: Readonly<Record<string, { editLine?: string }>> =
    doc.kind === 'invoice' ? INVOICE_RULES : ORDER_RULES
  return rules[doc.state]?.editLine !== 'anyone'
}

/** The side whose state stands, or undefined when both are in the same state. */
function stateWinner(
  base: Doc | undefined,
  local: Doc,
  remote: Doc,
): 'local' | 'remote' | undefined {
  if (!hasLifecycle(local) || !hasLifecycle(remote) || local.state === remote.state)
    return undefined
  if (base && base.state === local.state) return 'remote'
  if (base && base.state === remote.state) return 'local'
  const ranks = RANK[local.kind] ?? {}
  return (ranks[local.state] ?? 0) > (ranks[remote.state] ?? 0) ? 'local' : 'remote'
}

/** The content the merge works on: no bookkeeping, no computed amounts. */
function content(doc: Doc | undefined): Value {
  if (!doc) return undefined
  const out: Record<string, unknown> = { ...doc }
  for (const key of SKIPPED) delete out[key]
  if (Array.isArray(doc.lines)) {
    out.lines = (doc.lines as Array<Record<string, unknown>>).map((line) => {
      const rest = { ...line }
      for (const key of LINE_COMPUTED) delete rest[key]
      return rest
    })
  }
  return out as Json
}

const laterOf = (a: string, b: string) => (a > b ? a : b)

/** The later edit wins; equal times fall back to the canonical JSON, identical on every device. */
function localWinsTie(local: Doc, remote: Doc): boolean {
  if (local.updatedAt !== remote.updatedAt) return local.updatedAt > remote.updatedAt
  return canonicalJson(local) > canonicalJson(remote)
}

function conflictEntry(loser: Doc, at: string, lost: FieldChange[]): HistoryEntry {
  const history = Array.isArray(loser.history) ? (loser.history as HistoryEntry[]) : []
  const last = history.at(-1)
  const by = last?.by ?? (typeof loser.ownerId === 'string' ? loser.ownerId : 'sync')
  const role: ActorRole = last?.role ?? 'rep'
  return { at, by, role, command: 'conflict', changes: lost }
}

/** The master's history, then the local entries it lacks, then the conflict entry (if anything lost). */
function mergedHistory(local: Doc, remote: Doc, entry: HistoryEntry | undefined): HistoryEntry[] {
  const theirs = (remote.history ?? []) as HistoryEntry[]
  const mine = ((local.history ?? []) as HistoryEntry[]).filter(
    (e) => !theirs.some((t) => jsonEqual(t, e)),
  )
  return [...theirs, ...mine, ...(entry ? [entry] : [])]
}

function reprice<D extends Doc>(doc: D): D | undefined {
  if (!Array.isArray(doc.lines) || typeof doc.pricing !== 'object') return doc
  const priced = priceLines(doc as unknown as PricedDocument, 'keep', EMPTY_CATALOG)
  return priced.ok ? (priced.document as unknown as D) : undefined
}

function mergeContent(b: Doc | undefined, l: Doc, r: Doc, m: FieldMerge): Doc {
  return mergeValue('', content(b), content(l), content(r), m) as unknown as Doc
}

/** One merge of the content with the lifecycle's decision applied; `lost` collects in `m`. */
function mergeWithLifecycle(b: Doc | undefined, l: Doc, r: Doc, m: FieldMerge): Doc {
  const state = stateWinner(b, l, r)
  if (!state || m.force) return mergeContent(b, l, r, m)
  const [x, y] = state === 'local' ? [l, r] : [r, l]
  if (contentLocked(x as Doc & { kind: string; state: string })) {
    // The winning state is read-only: the other side's edits are stale and only recorded.
    m.localWins = state === 'local'
    m.force = true
    return mergeContent(b, l, r, m)
  }
  const lifecycle = { state: x.state, status: x.status }
  if (b && y.state !== b.state)
    m.lost.push(
      { field: 'state', from: y.state as string, to: x.state as string },
      { field: 'status', from: y.status as string, to: x.status as string },
    )
  return mergeContent(b, { ...l, ...lifecycle }, { ...r, ...lifecycle }, m)
}

/**
 * An invoice's email status: a side that changed it wins; both changed, the later report (`at`) wins, ties by the
 * canonical JSON. No report is lost either way: each one is in the history, which merges as a union.
 */
function mergeEmailStatus(base: unknown, local: unknown, remote: unknown): unknown {
  if (jsonEqual(local, remote) || jsonEqual(remote, base)) return local
  if (jsonEqual(local, base) || !local) return remote
  if (!remote) return local
  const at = (v: unknown) => {
    const value = (v as { at?: unknown }).at
    return typeof value === 'string' ? value : ''
  }
  if (at(local) !== at(remote)) return at(local) > at(remote) ? local : remote
  return canonicalJson(local) > canonicalJson(remote) ? local : remote
}

/** The record without its email status (invoices only: a customer's `email` is ordinary content). */
function withoutEmailStatus(doc: Doc | undefined): Doc | undefined {
  if (doc?.kind !== 'invoice') return doc
  const rest = { ...doc }
  delete rest.email
  return rest
}

/**
 * Merges two versions of a record that diverged from a common ancestor.
 *
 * @param base - the ancestor (RxDB's assumedMasterState), or undefined when unknown (then every difference is
 *   a conflict, decided by the same tie-break)
 * @param local - this device's version (RxDB's newDocumentState)
 * @param remote - the server's version (RxDB's realMasterState); its history stays first, so the result extends
 *   the master's history as the server requires
 * @returns the merged record, valid by its schema with totals recomputed, and the values that lost
 * @example
 * const { document } = mergeDocuments(assumedMaster, localInvoice, serverInvoice)
 */
export function mergeDocuments<D extends RecordBase>(
  base: D | undefined,
  local: D,
  remote: D,
): MergeResult<D> {
  if (jsonEqual(local, remote)) return { document: remote, lost: [] }
  const docs = [base, local, remote] as Array<Doc | undefined> as [Doc | undefined, Doc, Doc]
  const [b, l, r] = docs.map(withoutEmailStatus) as [Doc | undefined, Doc, Doc]
  const email =
    l.kind === 'invoice'
      ? mergeEmailStatus(docs[0]?.email, docs[1].email, docs[2].email)
      : undefined
  const at = laterOf(l.updatedAt, r.updatedAt)
  let m: FieldMerge = { localWins: localWinsTie(l, r), force: false, lost: [] }
  let merged = reprice({ ...mergeWithLifecycle(b, l, r, m), updatedAt: at })
  if (!merged) {
    // Both sides priced, but their combination does not (a total out of range): the winner takes all and
    // every value of the other side is recorded instead.
    m = { ...m, force: true, lost: [] }
    merged = reprice({ ...mergeContent(b, l, r, m), updatedAt: at })
  }
  if (email !== undefined) merged = { ...merged, email } as Doc
  if (!Array.isArray(r.history)) return { document: merged as unknown as D, lost: m.lost }
  const entry = m.lost.length > 0 ? conflictEntry(m.localWins ? r : l, at, m.lost) : undefined
  const history = mergedHistory(l, r, entry)
  return { document: { ...merged, history } as unknown as D, lost: m.lost }
}
