/**
 * The payments behind an invoice's derived balance, read per page of a pull (or per bulk of replicated writes)
 * instead of per invoice: a first sync pulls tens of thousands of invoices, and one IndexedDB query each was
 * most of its time.
 */
import type { LedgerEntry } from '@core/documents'
import type { CollectionName, Database } from '@renderer/data/collections'
import { DERIVED_FIELDS, fromWire, toWire, type WireDocument } from './derived'

/**
 * Up to this many payments on the device, one `$in` query answers a whole page. RxDB plans `$in` as a scan of
 * the index from the smallest to the largest id asked for, and ids are random UUIDs, so that query reads every
 * payment on the device: beyond this, a query per invoice (each reads only its own payments) costs less.
 * Measured in Chromium for a page of 200 invoices (Dexie storage, a loaded machine): with 1,000 payments one
 * query took 110–170 ms and a query per invoice 170–235 ms; with 5,000, 200–600 ms against 165–240 ms; with
 * 20,000, 1,270–1,800 ms against 140–220 ms.
 */
export const ONE_QUERY_UP_TO = 2000

/**
 * The payments of each invoice, as stored on this device.
 *
 * @param options.oneQueryUpTo - the most payments on the device for one query over all ids (tests set it)
 * @returns every asked id, with an empty list where the invoice has no payment
 * @example
 * const byInvoice = await paymentsByInvoice(db, ['I1', 'I2'])
 * byInvoice.get('I1') // [{ id: 'P1', invoiceId: 'I1', amount: '40.00', … }]
 */
export async function paymentsByInvoice(
  db: Database,
  invoiceIds: readonly string[],
  { oneQueryUpTo = ONE_QUERY_UP_TO }: { oneQueryUpTo?: number } = {},
): Promise<Map<string, LedgerEntry[]>> {
  const ids = [...new Set(invoiceIds)]
  const byInvoice = new Map(ids.map((id) => [id, [] as LedgerEntry[]]))
  if (ids.length === 0) return byInvoice
  const oneQuery = ids.length > 1 && (await db.payments.count().exec()) <= oneQueryUpTo
  const selectors = oneQuery
    ? [{ invoiceId: { $in: ids } }]
    : ids.map((invoiceId) => ({ invoiceId }))
  const found = await Promise.all(
    selectors.map((selector) => db.payments.find({ selector }).exec()),
  )
  for (const doc of found.flat()) {
    // A record from a server that predates the ledger's kinds is a payment.
    const payment = { kind: 'payment', ...(doc.toJSON() as object) } as LedgerEntry
    byInvoice.get(payment.invoiceId)?.push(payment)
  }
  return byInvoice
}

/**
 * Pulled documents with their derived fields added back (derived.ts), an invoice's balance from the payments
 * this device holds.
 */
export async function derivePulled(
  db: Database,
  name: CollectionName,
  documents: readonly WireDocument[],
): Promise<WireDocument[]> {
  if (name !== 'invoices') return documents.map((doc) => fromWire(name, doc))
  const payments = await paymentsByInvoice(
    db,
    documents.map((doc) => doc.id),
  )
  return documents.map((doc) => fromWire(name, doc, payments.get(doc.id)))
}

/**
 * Payments recorded on another device arrived (or invoices were written by the replication): the invoices'
 * stored balances (a derived field, never on the wire) are derived again. The write changes no wire field, so
 * its push is a no-op on the server.
 *
 * The balance is derived from the invoice as it is when written, not as it was read: a pulled invoice with new
 * totals may land between the two, and a balance from the old totals would then stay stored.
 */
export async function refreshBalances(db: Database, invoiceIds: readonly string[]): Promise<void> {
  const ids = [...new Set(invoiceIds)]
  const docs = [...(await db.invoices.findByIds(ids).exec()).values()]
  if (docs.length === 0) return
  const payments = await paymentsByInvoice(
    db,
    docs.map((doc) => doc.id),
  )
  const derived = (doc: object, id: string) =>
    fromWire('invoices', toWire('invoices', doc), payments.get(id))
  await Promise.all(
    docs.map(async (doc) => {
      if (derived(doc.toJSON(), doc.id).balanceDue === doc.balanceDue) return
      await doc.incrementalModify((latest) => {
        const fresh = derived(latest, doc.id)
        return {
          ...latest,
          ...Object.fromEntries(DERIVED_FIELDS.invoices.map((f) => [f, fresh[f]])),
        }
      })
    }),
  )
}

/** Balance refreshes asked for while a sync runs, done one after the other. */
export interface BalanceRefresher {
  /** Asks for these invoices' balances to be derived again (after whatever refresh is running). */
  request(invoiceIds: readonly string[]): void
  /** Resolves once no refresh is running or asked for. */
  idle(): Promise<void>
}

/**
 * Runs balance refreshes one at a time, each over every invoice asked for since the last began. One at a time,
 * so that the last refresh reads the payments after every write that asked for it: two refreshes side by side
 * could otherwise end with the one that read the payments first writing last.
 */
export function balanceRefresher(db: Database, onError: (e: unknown) => void): BalanceRefresher {
  const asked = new Set<string>()
  let running: Promise<void> | undefined
  async function drain(): Promise<void> {
    while (asked.size > 0) {
      const ids = [...asked]
      asked.clear()
      await refreshBalances(db, ids).catch(onError)
    }
    running = undefined
  }
  return {
    request(invoiceIds) {
      for (const id of invoiceIds) asked.add(id)
      running ??= drain()
    },
    async idle() {
      while (running) await running
    },
  }
}

/** Pulled invoices whose balance may be behind the payments on this device once written (pulledBalanceCheck). */
export interface PulledBalanceCheck {
  /** A page is about to read the payments: the moment to pass to `derived`. */
  derivingPage(): number
  /** The page's invoices are derived from the payments read after `at`. */
  derived(documents: ReadonlyArray<{ id: string }>, at: number): void
  /** Payments of these invoices were written (their change event arrived). */
  paymentsWritten(invoiceIds: readonly string[]): void
  /** A pulled invoice was written: whether a payment of it was written after its page read them. */
  behind(invoiceId: string): boolean
}

/**
 * Tells whether a pulled invoice, once written, may hold a balance behind the payments on this device.
 *
 * Why: a pull derives each invoice's balance from the payments stored when its page was read (derivePulled),
 * and RxDB writes the page later. Only a payment of that invoice written in between (pulled, or recorded here)
 * can leave the balance behind; refreshing every pulled invoice read each page back from the store, one more
 * read of the whole first sync. A payment's write is counted when its change event arrives, after it is
 * stored: one the page's read missed is always counted after the page began, so it is never skipped.
 */
export function pulledBalanceCheck(): PulledBalanceCheck {
  /** Bulks of payment writes seen so far. */
  let paymentWrites = 0
  /** The invoice of each payment written: the count at its last payment's write. */
  const paymentWrittenAt = new Map<string, number>()
  /** Pulled invoices not yet written: the count when their page began to read the payments. */
  const derivedAt = new Map<string, number>()
  return {
    derivingPage: () => paymentWrites,
    derived(documents, at) {
      for (const doc of documents) derivedAt.set(doc.id, at)
    },
    paymentsWritten(invoiceIds) {
      paymentWrites++
      for (const id of invoiceIds) paymentWrittenAt.set(id, paymentWrites)
    },
    behind(invoiceId) {
      const at = derivedAt.get(invoiceId)
      derivedAt.delete(invoiceId)
      return at === undefined || (paymentWrittenAt.get(invoiceId) ?? 0) > at
    },
  }
}
