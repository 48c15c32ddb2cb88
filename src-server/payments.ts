/**
 * The server's check of pushed payments against their invoice, as the server holds it: a payment may not exceed
 * the balance due (the invoice's total less the payments already stored), and a canceled invoice takes no
 * payment. Runs under the payments lock, so two devices paying the same invoice offline cannot both pass: the
 * second sees the first. The invoice is read as committed; a payment whose invoice has not arrived yet (the two
 * collections sync independently) cannot be checked, and is accepted.
 */
import type pg from 'pg'
import { compare, formatDecimal, parseDecimal, sub, sumDecimalStrings } from '../src-core/money'
import type { Invoice } from '../src-core/documents/types'
import type { Master, Write } from './push-sql'
import type { Refusal, StoredRecord } from './validate'

interface InvoiceState {
  invoice: Invoice
  /** Amounts of the payments stored for it, by payment id (tombstones left out). */
  paid: Map<string, string>
}

async function invoicesOf(
  client: pg.PoolClient,
  invoiceIds: readonly string[],
): Promise<Map<string, InvoiceState>> {
  const { rows } = await client.query<{
    kind: 'i' | 'p'
    id: string
    data: Record<string, unknown>
  }>(
    `SELECT 'i' AS kind, id, data FROM documents
      WHERE collection = 'invoices' AND id = ANY($1) AND NOT deleted
     UNION ALL
     SELECT 'p', id, data FROM documents
      WHERE collection = 'payments' AND data->>'invoiceId' = ANY($1) AND NOT deleted`,
    [invoiceIds],
  )
  const states = new Map<string, InvoiceState>()
  for (const r of rows)
    if (r.kind === 'i') states.set(r.id, { invoice: r.data as unknown as Invoice, paid: new Map() })
  for (const r of rows)
    if (r.kind === 'p') states.get(String(r.data.invoiceId))?.paid.set(r.id, String(r.data.amount))
  return states
}

/** Whether a write changes what was paid: a new payment, or another amount or invoice. */
function changesPaid(write: Write, master: Master | undefined): boolean {
  if (write.checked.deleted) return false
  if (!master || master.deleted) return true
  const { doc } = write.checked
  return doc.amount !== master.doc.amount || doc.invoiceId !== master.doc.invoiceId
}

function refuse(doc: { id: string }, code: string, reason: string): Refusal {
  return { id: doc.id, code, reason }
}

/**
 * Keeps the payment writes their invoice allows; refuses the others with a reason a rep can read.
 *
 * @param masters - the stored payments the batch replaces
 * @returns the writes to store
 */
export async function checkPayments(
  client: pg.PoolClient,
  writes: readonly Write[],
  masters: ReadonlyMap<string, Master>,
  rejections: Refusal[],
): Promise<Write[]> {
  const checked = writes.filter((w) => changesPaid(w, masters.get(w.checked.doc.id)))
  if (checked.length === 0) return [...writes]
  const states = await invoicesOf(client, [
    ...new Set(checked.map((w) => String(w.checked.doc.invoiceId))),
  ])
  return writes.filter((write) => {
    const state = states.get(String(write.checked.doc.invoiceId))
    if (!state || !checked.includes(write)) return true
    const refused = refusalOf(write.checked.doc, state)
    if (refused) rejections.push(refused)
    else state.paid.set(write.checked.doc.id, String(write.checked.doc.amount))
    return !refused
  })
}

/** Why the invoice (as stored, with the payments stored and accepted so far) refuses this payment. */
function refusalOf(doc: StoredRecord, { invoice, paid }: InvoiceState): Refusal | undefined {
  // The pusher's rights were checked on the payment's customer: an invoice of another customer (maybe another
  // rep's) is not theirs to pay, and the refusal says nothing of it.
  if (invoice.customerId !== doc.customerId)
    return refuse(
      doc,
      'invoiceMismatch',
      'This payment names an invoice of another customer; it was not recorded.',
    )
  if (invoice.state === 'canceled')
    return refuse(
      doc,
      'invoiceCanceled',
      `Invoice ${invoice.number} is canceled: it takes no payment.`,
    )
  const { currencyPrecision, rounding } = invoice.pricing
  const others = [...paid].filter(([id]) => id !== doc.id).map(([, amount]) => amount)
  const paidSoFar = parseDecimal(sumDecimalStrings(others, currencyPrecision, rounding))
  const balance = sub(parseDecimal(invoice.totals.totalAmount), paidSoFar)
  const amount = String(doc.amount)
  if (compare(parseDecimal(amount), balance) <= 0) return undefined
  const due = formatDecimal(balance, currencyPrecision, rounding)
  return refuse(
    doc,
    'overpayment',
    `Payment of ${amount} is more than the balance due of ${due} on invoice ${invoice.number}.`,
  )
}
