/**
 * Recording a payment, a void or a refund writes two records in two collections (the payment, and the invoice with its new history
 * entry, state and balance due), and IndexedDB through RxDB commits each collection on its own. To keep the pair
 * all-or-nothing, the intent is first written to a journal (one local document, one atomic write); then the
 * payment and the invoice are written; then the intent is removed. After a crash, `recover` finds the intent
 * and either finishes both writes or, if the invoice no longer accepts the payment, removes the payment again.
 * Both steps are idempotent, so recovering twice does no harm.
 */
import {
  applyInvoiceCommand,
  EMPTY_CATALOG,
  paymentSchema,
  type Actor,
  type Id,
  type Invoice,
  type InvoiceCommand,
  type InvoiceContext,
  type IsoDateTime,
  type LedgerEntry,
} from '@core/documents'
import type { Database } from '../collections'
import { readLocal, serialized, writeLocal } from '../local-docs'
import { fromInvoiceDoc, plain, toInvoiceDoc } from '../stored'
import {
  invalid,
  notFound,
  refusable,
  RefusedWrite,
  type RepositoryEnv,
  type WriteResult,
} from './env'
import { checkedInvoice } from './invoices'

/** The commands that add an entry to the payments ledger. */
export type LedgerCommand = Extract<
  InvoiceCommand,
  { type: 'recordPayment' | 'voidPayment' | 'recordRefund' }
>

export const isLedgerCommand = (cmd: InvoiceCommand): cmd is LedgerCommand =>
  cmd.type === 'recordPayment' || cmd.type === 'voidPayment' || cmd.type === 'recordRefund'

/** One ledger entry whose two writes may not both have happened yet. */
export interface PendingPayment {
  invoiceId: Id
  payment: LedgerEntry
  command: LedgerCommand
  actor: Actor
  at: IsoDateTime
}

/** The local document holding unfinished payment writes. */
export const PAYMENT_JOURNAL_DOC = 'pending-payments'

interface Journal {
  entries: PendingPayment[]
}

/** Whether the invoice's history already records this entry (the invoice half was written). */
function hasPayment(invoice: Invoice, paymentId: Id): boolean {
  const prefix = `payments[${paymentId}].`
  return invoice.history.some((h) => h.changes.some((c) => c.field.startsWith(prefix)))
}

/** A journal written before the ledger had kinds holds payments. */
const withKind = (entry: PendingPayment): PendingPayment => ({
  ...entry,
  payment: { kind: 'payment', ...(entry.payment as object) } as LedgerEntry,
})

export function createPaymentJournal(
  db: Database,
  env: RepositoryEnv,
  contextFor: (invoice: Invoice, cmd: InvoiceCommand) => Promise<InvoiceContext>,
) {
  const queue = serialized()

  async function entries(): Promise<PendingPayment[]> {
    return (await readLocal<Journal>(db, PAYMENT_JOURNAL_DOC))?.entries ?? []
  }
  async function setEntries(next: PendingPayment[]): Promise<void> {
    await writeLocal<Journal>(db, PAYMENT_JOURNAL_DOC, { entries: next })
  }

  async function paymentsBesides(invoiceId: Id, paymentId: Id): Promise<LedgerEntry[]> {
    const docs = await db.payments.find({ selector: { invoiceId } }).exec()
    return docs.map((d) => plain<LedgerEntry>(d.toJSON())).filter((p) => p.id !== paymentId)
  }

  /** Writes the payment, then the invoice; rolls the payment back if the invoice refuses it. */
  async function finish(entry: PendingPayment): Promise<WriteResult<Invoice>> {
    const { payment } = entry
    const doc = await db.invoices.findOne(entry.invoiceId).exec()
    let result: WriteResult<Invoice> = notFound('invoice')
    if (doc) {
      await db.payments.upsert(payment)
      const others = await paymentsBesides(entry.invoiceId, payment.id)
      const ctx = { actor: entry.actor, at: entry.at, catalog: EMPTY_CATALOG, newId: env.newId }
      let saved: Invoice | undefined
      const written = await refusable(() =>
        doc.incrementalModify((stored) => {
          const invoice = fromInvoiceDoc(stored)
          if (hasPayment(invoice, payment.id)) {
            saved = invoice
            return toInvoiceDoc(invoice, [...others, payment])
          }
          const outcome = applyInvoiceCommand(invoice, entry.command, { ...ctx, payments: others })
          if (!outcome.ok) throw new RefusedWrite(outcome.refusal)
          saved = checkedInvoice(outcome.document)
          return toInvoiceDoc(saved, [...others, payment])
        }),
      )
      result = written.ok ? { ok: true, value: saved as Invoice } : written
    }
    if (!result.ok) await (await db.payments.findOne(payment.id).exec())?.remove()
    await setEntries((await entries()).filter((e) => e.payment.id !== payment.id))
    return result
  }

  return {
    /** Records a payment, a void or a refund with its invoice, all or nothing. */
    record: (invoiceId: Id, command: LedgerCommand): Promise<WriteResult<Invoice>> =>
      queue(async () => {
        const doc = await db.invoices.findOne(invoiceId).exec()
        if (!doc) return notFound('invoice')
        const invoice = fromInvoiceDoc(doc.toJSON())
        const ctx = await contextFor(invoice, command)
        // Decide before writing anything: a refused payment never reaches the journal.
        const outcome = applyInvoiceCommand(invoice, command, ctx)
        if (!outcome.ok) return outcome
        if (!outcome.payment) throw new Error(`${command.type} returned no ledger record`)
        const parsed = paymentSchema.safeParse(outcome.payment)
        if (!parsed.ok) return invalid('payment', parsed.error)
        const entry = { invoiceId, payment: parsed.value, command, actor: ctx.actor, at: ctx.at }
        await setEntries([...(await entries()), entry])
        return finish(entry)
      }),
    /** Finishes every interrupted payment; returns how many there were. */
    recover: (): Promise<number> =>
      queue(async () => {
        const pending = (await entries()).map(withKind)
        for (const entry of pending) await finish(entry)
        return pending.length
      }),
  }
}
