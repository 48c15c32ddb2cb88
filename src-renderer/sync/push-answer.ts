/**
 * What a device does with the server's answer to a push. Accepted rows are synced; conflicting rows go back to
 * RxDB with the server's state, for the src-core merge; refused rows are recorded with the server's reason and
 * the refused version itself (nothing typed is lost), and the record returns to the state the server holds.
 *
 * Why return to the server's state: RxDB takes every row it is not handed back as stored on the server. A
 * refused version kept as it is would be the device's idea of the server's state from then on: the device
 * would differ from every other one for good, and its next edit would merge against a state that never
 * existed. So a refused row is handed back like a conflict, carrying the server's state marked as a refusal,
 * and the conflict handler (conflict-handler.ts) takes that state as it is instead of merging.
 */
import type { CollectionName } from '@renderer/data/collections'
import type { WireDocument } from './derived'
import type { PushOutcome, SyncStateTracker } from './sync-state'

/** Marks a server state handed back for a refusal (stripped from the wire form like RxDB's own fields). */
export const REFUSED = '_refused'

export interface PushAnswer {
  conflicts: WireDocument[]
  rejections: Array<{
    id: string
    code: string
    reason: string
    /** The server's state (null: it has none); absent when the refusal is about the record alone. */
    master?: WireDocument | null
  }>
}

/** A refusal that may be lifted once another change reaches the server: the push is tried again later. */
export class RefusedForNow extends Error {
  constructor(readonly reason: string) {
    super(`Waiting for another record to reach the server: ${reason}`)
    this.name = 'RefusedForNow'
  }
}

/**
 * Codes refusing a payment for the invoice as the server holds it. When this device's version of the invoice is
 * still on its way (a line added, then the new total paid), the refusal is about a state the push will change.
 */
const INVOICE_STATE_CODES = new Set(['overpayment', 'overRefund', 'invoiceCanceled'])

/**
 * Codes the server refuses a record with until another record reaches it, and which record that is (a record
 * whose customer, or a payment whose invoice, the server has not got yet: collections sync independently, and
 * the other record may still be on its way from this device): the push is tried again later, unless the server
 * refused that other record too. Then it will not come, and the refusal stands.
 */
export const RETRIED_CODES: ReadonlyMap<string, (doc: WireDocument) => [CollectionName, string]> =
  new Map<string, (doc: WireDocument) => [CollectionName, string]>([
    ['unknownCustomer', (doc) => ['customers', String(doc.customerId)]],
    ['invoiceMissing', (doc) => ['invoices', String(doc.invoiceId)]],
  ])

/** Whether a refusal waits for a record that is still on its way to the server. */
function waitsForAnother(doc: WireDocument, code: string, tracker: SyncStateTracker): boolean {
  const awaited = RETRIED_CODES.get(code)?.(doc)
  return awaited !== undefined && tracker.stateOf(...awaited).state !== 'rejected'
}

type Row = { newDocumentState: unknown }

/** Whether a refusal is only a matter of order (the payment's invoice has a change not yet accepted). */
function waitsForInvoice(
  collection: CollectionName,
  doc: WireDocument,
  code: string,
  tracker: SyncStateTracker,
): boolean {
  if (collection !== 'payments') return false
  const invoice = tracker.stateOf('invoices', String(doc.invoiceId)).state
  return INVOICE_STATE_CODES.has(code) && invoice === 'pending'
}

/**
 * Records the outcome of every row and returns what RxDB must resolve: the conflicts, and the refused rows as
 * the server's states marked `REFUSED` (a record the server never had comes back deleted).
 *
 * @throws RefusedForNow when a refusal may be lifted by a change still on its way: RxDB pushes the batch again
 *   later (the rows already accepted are then replays, which change nothing)
 */
export function settlePush(
  collection: CollectionName,
  rows: readonly Row[],
  answer: PushAnswer,
  tracker: SyncStateTracker,
): WireDocument[] {
  const sent = new Map(rows.map((r) => [(r.newDocumentState as WireDocument).id, r]))
  for (const r of answer.rejections) {
    const doc = sent.get(r.id)?.newDocumentState as WireDocument | undefined
    if (
      doc &&
      (waitsForAnother(doc, r.code, tracker) || waitsForInvoice(collection, doc, r.code, tracker))
    )
      throw new RefusedForNow(r.reason)
  }
  const rejected = new Map(answer.rejections.map((r) => [r.id, r]))
  const conflicted = new Set(answer.conflicts.map((d) => d.id))
  const outcomes: PushOutcome[] = rows.map(({ newDocumentState }) => {
    const doc = newDocumentState as WireDocument & { updatedAt?: string }
    const rejection = rejected.get(doc.id)
    return {
      id: doc.id,
      updatedAt: doc.updatedAt ?? '',
      conflict: conflicted.has(doc.id),
      rejection: rejection && {
        code: rejection.code,
        reason: rejection.reason,
        refused: doc,
      },
    }
  })
  tracker.markPushed(collection, outcomes)
  const reverted = answer.rejections.flatMap((r) => {
    const doc = sent.get(r.id)?.newDocumentState as WireDocument | undefined
    if (r.master === undefined || !doc) return []
    const state = r.master ?? { ...doc, _deleted: true }
    return [{ ...state, [REFUSED]: true }]
  })
  return [...answer.conflicts, ...reverted]
}
