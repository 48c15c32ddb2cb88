/**
 * The server's check of the payments ledger (payments, voids, refunds) against the invoice as the server holds
 * it, with src-core's rules (documents/payments.ts `ledgerEntryRefusal`): amounts > 0 at the currency's
 * precision and in the invoice's currency, never above the balance due, a refund never above what was kept, a
 * void once. Entries are never changed or deleted once stored.
 *
 * Runs under the payments lock, so two devices paying the same invoice offline cannot both pass: the second sees
 * the first. The invoice is read as committed. A payment whose invoice has not arrived yet (the two collections
 * sync independently) cannot be checked: it is refused with `invoiceMissing`, which the device retries, and is
 * never stored unchecked.
 */
import type pg from 'pg'
import { deletionRefusal, ledgerEntryRefusal } from '@core/documents/payments'
import type { Actor, Invoice, LedgerEntry } from '@core/documents/types'
import type { Master, Write } from './push-sql'
import type { CheckedRecord, Refusal, StoredRecord } from './validate'

/** The refusal codes a device waits on and pushes again (src-renderer/sync/push-answer.ts). */
export const INVOICE_MISSING = 'invoiceMissing'

interface InvoiceState {
  invoice: Invoice
  deleted: boolean
  /** The ledger entries stored for it, and those accepted so far in this push. */
  ledger: LedgerEntry[]
}

/** Records stored before the ledger had kinds were all payments. */
const asEntry = (data: Record<string, unknown>): LedgerEntry =>
  ({ kind: 'payment', ...data }) as unknown as LedgerEntry

async function invoicesOf(
  client: pg.PoolClient,
  invoiceIds: readonly string[],
): Promise<Map<string, InvoiceState>> {
  const { rows } = await client.query<{
    kind: 'i' | 'p'
    id: string
    deleted: boolean
    data: Record<string, unknown>
  }>(
    `SELECT 'i' AS kind, id, deleted, data FROM documents
      WHERE collection = 'invoices' AND id = ANY($1)
     UNION ALL
     SELECT 'p', id, deleted, data FROM documents
      WHERE collection = 'payments' AND data->>'invoiceId' = ANY($1) AND NOT deleted`,
    [invoiceIds],
  )
  const states = new Map<string, InvoiceState>()
  for (const r of rows)
    if (r.kind === 'i')
      states.set(r.id, { invoice: r.data as unknown as Invoice, deleted: r.deleted, ledger: [] })
  for (const r of rows)
    if (r.kind === 'p') states.get(String(r.data.invoiceId))?.ledger.push(asEntry(r.data))
  return states
}

function refuse(doc: { id: string }, code: string, reason: string): Refusal {
  return { id: doc.id, code, reason }
}

const NOUN = { payment: 'payment', void: 'void', refund: 'refund' } as const

/** Whether a write is a new entry (to check against its invoice), or else why it is refused. */
function immutability(write: Write, master: Master | undefined): Refusal | 'new' | 'noop' {
  const { doc, deleted } = write.checked
  const stored = master && !master.deleted
  if (deleted)
    return stored
      ? refuse(doc, 'ledgerImmutable', 'A recorded payment is never deleted: void it instead.')
      : 'noop'
  if (stored)
    return refuse(
      doc,
      'ledgerImmutable',
      'A recorded payment is never changed: void it and record the right one.',
    )
  return 'new'
}

/**
 * Keeps the ledger writes their invoice allows; refuses the others with a reason a rep can read.
 *
 * @param masters - the stored entries the batch would replace
 * @returns the writes to store
 */
export async function checkPayments(
  client: pg.PoolClient,
  writes: readonly Write[],
  masters: ReadonlyMap<string, Master>,
  rejections: Refusal[],
  actor: Actor,
): Promise<Write[]> {
  const verdicts = new Map(writes.map((w) => [w, immutability(w, masters.get(w.checked.doc.id))]))
  const fresh = writes.filter((w) => verdicts.get(w) === 'new')
  const states =
    fresh.length === 0
      ? new Map<string, InvoiceState>()
      : await invoicesOf(client, [...new Set(fresh.map((w) => String(w.checked.doc.invoiceId)))])
  return writes.filter((write) => {
    const verdict = verdicts.get(write)
    if (verdict === 'noop') return true
    const refused =
      verdict === 'new' ? refusalOf(write.checked.doc, states, actor) : (verdict ?? undefined)
    if (refused) rejections.push(refused)
    else if (verdict === 'new')
      states.get(String(write.checked.doc.invoiceId))?.ledger.push(asEntry(write.checked.doc))
    return !refused
  })
}

/** Why the invoice (as stored, with the entries stored and accepted so far) refuses this entry. */
function refusalOf(
  doc: StoredRecord,
  states: ReadonlyMap<string, InvoiceState>,
  actor: Actor,
): Refusal | undefined {
  const entry = asEntry(doc)
  const state = states.get(String(doc.invoiceId))
  if (!state)
    return refuse(
      doc,
      INVOICE_MISSING,
      `The ${NOUN[entry.kind]} waits for its invoice to reach the server.`,
    )
  const { invoice } = state
  // The pusher's rights were checked on the payment's customer: an invoice of another customer (maybe another
  // rep's) is not theirs to pay, and the refusal says nothing of it.
  if (invoice.customerId !== doc.customerId)
    return refuse(
      doc,
      'invoiceMismatch',
      'This payment names an invoice of another customer; it was not recorded.',
    )
  if (state.deleted)
    return refuse(
      doc,
      'invoiceDeleted',
      `Invoice ${invoice.number} is deleted: it takes no payment.`,
    )
  if (invoice.state === 'canceled')
    return refuse(
      doc,
      'invoiceCanceled',
      `Invoice ${invoice.number} is canceled: it takes no payment.`,
    )
  const refused = ledgerEntryRefusal(invoice, entry, state.ledger, actor)
  if (!refused) return undefined
  const { code, reason } = refused.refusal
  return refuse(doc, code, code === 'overpayment' ? onInvoice(reason, invoice) : reason)
}

/** "… balance due of 9.00." → "… balance due of 9.00 on invoice INV-00001." */
const onInvoice = (reason: string, invoice: Invoice): string =>
  `${reason.replace(/\.$/, '')} on invoice ${invoice.number}.`

/**
 * An invoice the server holds has left the device that made it: it is part of the company's books, canceled,
 * never deleted (src-core `deletionRefusal`). A tombstone for it is refused.
 */
export function invoiceDeletionRefusal(
  checked: CheckedRecord,
  master: { doc: StoredRecord; deleted: boolean } | undefined,
): Refusal | undefined {
  if (!checked.deleted || !master || master.deleted) return undefined
  const refused = deletionRefusal(master.doc as unknown as Invoice, {
    hasLedgerEntries: false,
    synced: true,
  })
  return refused && refuse(checked.doc, refused.refusal.code, refused.refusal.reason)
}
