/**
 * Receivables and customer statements, read from the local store through indexes: open invoices through
 * ['state', 'dueDateKey', 'balanceKey'] (paid and canceled invoices, most of a large store, are never read), a
 * customer's invoices through ['customerId', 'createdAt'] and their payments through ['customerId', 'date'].
 * Open invoices are read in batches with a pause between them, so a large store does not hold the screen.
 */
import {
  customerStatement,
  receivablesTally,
  type Receivables,
  type Statement,
} from '@core/receivables'
import type { Id, IsoDate, LedgerEntry } from '@core/documents'
import type { Database } from '../collections'
import { fromInvoiceDoc, plain } from '../stored'

export interface ReceivablesRepository {
  /** Outstanding and overdue per currency, the aging buckets and the largest overdue invoices on `today`. */
  summary(today: IsoDate): Promise<Receivables>
  /** Whether the store holds any invoice at all (the start page of an empty database says what to do). */
  hasInvoices(): Promise<boolean>
  /** A customer's statement for a period, one per currency the customer was invoiced in. */
  statements(
    customerId: Id,
    period: { from: IsoDate; to: IsoDate },
    precision: (currencyCode: string) => number,
  ): Promise<Statement[]>
}

const BATCH = 500

export function createReceivablesRepository(db: Database): ReceivablesRepository {
  return {
    async summary(today) {
      const tally = receivablesTally(today)
      for (let skip = 0; ; skip += BATCH) {
        const docs = await db.invoices
          .find({
            selector: { state: 'active' },
            sort: [{ state: 'asc' }, { dueDateKey: 'asc' }, { balanceKey: 'asc' }],
            skip,
            limit: BATCH,
          })
          .exec()
        for (const doc of docs) {
          const { id, number, customerId, currencyCode, dueDate, balanceDue } = doc
          tally.add({
            id,
            number,
            customerId,
            currencyCode,
            balanceDue,
            ...(dueDate ? { dueDate } : {}),
          })
        }
        if (docs.length < BATCH) break
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
      return tally.result()
    },
    async hasInvoices() {
      return (
        (await db.invoices.findOne({ selector: {}, sort: [{ createdAt: 'asc' }] }).exec()) !== null
      )
    },
    async statements(customerId, period, precision) {
      const [invoiceDocs, ledgerDocs] = await Promise.all([
        db.invoices
          .find({ selector: { customerId }, sort: [{ customerId: 'asc' }, { createdAt: 'asc' }] })
          .exec(),
        db.payments
          .find({ selector: { customerId }, sort: [{ customerId: 'asc' }, { date: 'asc' }] })
          .exec(),
      ])
      const invoices = invoiceDocs.map((d) => fromInvoiceDoc(d.toJSON()))
      const ledger = ledgerDocs.map((d) => plain<LedgerEntry>(d.toJSON()))
      const currencies = [...new Set(invoices.map((i) => i.currencyCode))].sort()
      return currencies.map((currencyCode) =>
        customerStatement(invoices, ledger, {
          currencyCode,
          ...period,
          places: precision(currencyCode),
        }),
      )
    },
  }
}
