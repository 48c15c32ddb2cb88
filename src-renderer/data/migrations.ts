/**
 * Schema migrations. Each strategy turns a stored document of the previous version into the next one; every
 * version has a fixture of stored documents (fixtures/) that the migration test runs through these.
 *
 * v0 → v1 (orders, invoices): the derived sort keys were added so lists can sort by due date, balance and
 * amount through an index; invoices also gained the stored balance due, derived from their payments.
 *
 * v1 → v2 (orders, invoices): the descending keys (createdAtDescKey, and dueDescKey / deliveryDescKey), because
 * RxDB sorts every 'desc' query in memory after reading all its matches; these lists now sort ascending on them.
 * Like v1, the document is rebuilt through stored.ts, the one place that derives the keys.
 *
 * v2 → v3 (orders, invoices): new optional header fields from the Dynamics forms (invoices: invoiceDate,
 * dateDelivered, paymentTerms and the email status; orders: paymentTerms). A v2 document has none of them and
 * stays as it is, rebuilt through stored.ts like every step so its derived keys are the current ones.
 *
 * v3 → v4 (orders, invoices): VAT mode. A document now keeps its own tax mode, so a company that switches to VAT
 * mode never changes the documents it already has: every v3 document was priced with typed tax and is stored as
 * `taxMode: 'typed'`. Freight's VAT and the VAT breakdown exist only on VAT-mode documents, so none is added.
 *
 * v0 → v1 (payments): the collection became the payments ledger (payments, voids, refunds), told apart by
 * `kind`. Every v0 record was a payment.
 *
 * v0 → v1 (customers, products, settings): the optional fields of VAT mode. A v0 record has none of them and
 * stays as it is: a company without a tax mode invoices in typed mode, as before.
 *
 * v0 → v1 (opportunities): Dynamics' Status and Est. Close Date. Every v0 opportunity was being worked on, so it
 * is stored as Open; it has no close date.
 */
import type { MigrationStrategies, RxCollection } from 'rxdb'
import type { Invoice, LedgerEntry, Order } from '@core/documents'
import type { PaymentDoc } from './stored-types'
import {
  fromInvoiceDoc,
  fromOrderDoc,
  plain,
  toInvoiceDoc,
  toInvoiceDocWithBalance,
  toOrderDoc,
} from './stored'

/** A stored payment of any version as a ledger entry: v0 records have no kind and are payments. */
const asLedgerEntry = (old: object): LedgerEntry => ({ kind: 'payment', ...old }) as LedgerEntry

async function paymentsOfInvoice(
  collection: RxCollection,
  invoiceId: string,
): Promise<LedgerEntry[]> {
  // The payments collection is created, and migrated, before invoices (collections.ts).
  const payments = collection.database.collections.payments as RxCollection<PaymentDoc> | undefined
  if (!payments) throw new Error('The payments collection must open before invoices migrate.')
  const docs = await payments.find({ selector: { invoiceId } }).exec()
  return docs.map((d) => asLedgerEntry(plain<object>(d.toJSON())))
}

/** A document of before VAT mode states its mode: typed, as it was priced. */
const typed = <D extends Order | Invoice>(doc: D): D => ({
  ...doc,
  taxMode: doc.taxMode ?? 'typed',
})

/** A v1 or later invoice already stores the balance due, derived from the payments: no need to read them. */
const withStoredBalance = (old: object) =>
  toInvoiceDocWithBalance(fromInvoiceDoc(old), (old as { balanceDue: string }).balanceDue)

/** A record of the version before, kept as it was: the new version only adds optional fields. */
const unchanged = (old: object): object => old

export const migrationStrategies: {
  settings: MigrationStrategies
  customers: MigrationStrategies
  products: MigrationStrategies
  orders: MigrationStrategies
  invoices: MigrationStrategies
  payments: MigrationStrategies
  opportunities: MigrationStrategies
} = {
  settings: { 1: unchanged },
  customers: { 1: unchanged },
  products: { 1: unchanged },
  opportunities: { 1: (old: object): object => ({ state: 'open', ...old }) },
  payments: {
    1: (old: object) => asLedgerEntry(old),
  },
  orders: {
    1: (old: object) => toOrderDoc(fromOrderDoc(old) satisfies Order),
    2: (old: object) => toOrderDoc(fromOrderDoc(old) satisfies Order),
    3: (old: object) => toOrderDoc(fromOrderDoc(old) satisfies Order),
    4: (old: object) => toOrderDoc(typed(fromOrderDoc(old))),
  },
  invoices: {
    1: async (old: object, collection: RxCollection) => {
      const invoice: Invoice = fromInvoiceDoc(old)
      return toInvoiceDoc(invoice, await paymentsOfInvoice(collection, invoice.id))
    },
    2: (old: object) => withStoredBalance(old),
    3: (old: object) => withStoredBalance(old),
    4: (old: object) =>
      toInvoiceDocWithBalance(
        typed(fromInvoiceDoc(old)),
        (old as { balanceDue: string }).balanceDue,
      ),
  },
}
