/**
 * The conflict handler of every replicated collection, built on src-core's three-way merge. RxDB's default
 * handler (the server's state wins, the local edit vanishes) is never used: collections.ts passes this one in.
 *
 * RxDB hands the handler documents in two forms: the local state with the derived index fields and RxDB's
 * bookkeeping, the server's state as it came over the wire. Both are compared and merged in the wire form, and
 * the result gets its derived fields back, since RxDB writes it into the local collection as it is.
 */
import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb'
import type { FieldChange, Payment, RecordBase } from '@core/documents'
import { sumDecimalStrings } from '@core/money'
import { mergeDocuments } from '@core/sync/merge'
import { jsonEqual } from '@core/sync/json'
import type { CollectionName } from '@renderer/data/collections'
import { fromWire, toWire, type WireDocument } from './derived'
import { REFUSED } from './push-answer'

/** The merged document (wire form, `_deleted` included) and the values that lost. */
export interface SyncMerge {
  document: WireDocument
  lost: FieldChange[]
}

type Input = RxConflictHandlerInput<unknown>

const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : `-${amount}`)

/**
 * The amount already paid on the local invoice, as one stand-in payment: the merge may change the total (lines
 * merged from both sides) but never the payments, which are records of their own; so the new balance is the
 * merged total minus what the local balance says was paid. Exact decimal arithmetic, no lookup needed.
 */
function paidSoFar(local: Record<string, unknown>): Payment[] {
  const totals = local.totals as { totalAmount?: string } | undefined
  const pricing = local.pricing as { currencyPrecision?: number } | undefined
  if (typeof local.balanceDue !== 'string' || typeof totals?.totalAmount !== 'string') return []
  const amount = sumDecimalStrings(
    [totals.totalAmount, negate(local.balanceDue)],
    pricing?.currencyPrecision ?? 2,
  )
  return [
    { kind: 'payment', id: `${String(local.id)}-paid`, invoiceId: local.id, amount } as Payment,
  ]
}

const changedSince = (base: WireDocument | undefined, side: WireDocument) =>
  !base || !jsonEqual(base, side)

/**
 * Merges the three states of a conflict in the wire form. A deletion on one side stands unless the other side
 * changed the record since the common ancestor: then the edit is kept (nothing typed is lost).
 *
 * @example
 * const { document, lost } = mergeForSync('invoices', { assumedMasterState, newDocumentState, realMasterState })
 */
export function mergeForSync(collection: CollectionName, input: Input): SyncMerge {
  const base = input.assumedMasterState ? toWire(collection, input.assumedMasterState) : undefined
  const local = toWire(collection, input.newDocumentState)
  const remote = toWire(collection, input.realMasterState)
  if (local._deleted || remote._deleted) {
    if (local._deleted && remote._deleted) return { document: remote, lost: [] }
    const [kept, deleted] = local._deleted ? [remote, local] : [local, remote]
    const keep = changedSince(base, kept) || !changedSince(base, deleted)
    return { document: keep ? { ...kept, _deleted: false } : deleted, lost: [] }
  }
  const strip = ({ _deleted: _, ...record }: WireDocument) => record as unknown as RecordBase
  const merged = mergeDocuments(base && strip(base), strip(local), strip(remote))
  return {
    document: { ...(merged.document as unknown as WireDocument), _deleted: false },
    lost: merged.lost,
  }
}

/**
 * A document as stored, derived fields included (RxDB's bookkeeping left out). The upstream compares with this:
 * a write of derived fields only (a balance refreshed) is then pushed, a no-op on the server when nothing else
 * changed. Why push it: RxDB drops a pulled state whose write collides with a local write, trusting the local
 * write to be pushed and merged against the server's state; a write that is never pushed would leave this
 * device behind the server for good.
 */
function stored(doc: unknown): unknown {
  return Object.fromEntries(
    Object.entries(doc as object).filter(([k]) => !k.startsWith('_') || k === '_deleted'),
  )
}

const handlers = new Map<CollectionName, RxConflictHandler<unknown>>()

/**
 * The conflict handler of one collection (one instance per collection name, so a test can check by identity
 * that a collection uses it).
 */
export function conflictHandlerFor<T = unknown>(collection: CollectionName): RxConflictHandler<T> {
  let handler = handlers.get(collection)
  if (!handler) {
    const created: RxConflictHandler<unknown> = {
      isEqual: (a, b, context) =>
        context === 'upstream-check-if-equal'
          ? jsonEqual(stored(a), stored(b))
          : jsonEqual(toWire(collection, a), toWire(collection, b)),
      resolve: (input) => {
        // A refusal: the server's state is taken as it is (push-answer.ts says why).
        const { document } =
          REFUSED in input.realMasterState
            ? { document: toWire(collection, input.realMasterState) }
            : mergeForSync(collection, input)
        const payments = paidSoFar(input.newDocumentState)
        return Promise.resolve(
          fromWire(collection, document, payments) as WireDocument & { _deleted: boolean },
        )
      },
    }
    handlers.set(collection, created)
    handler = created
  }
  return handler as RxConflictHandler<T>
}
