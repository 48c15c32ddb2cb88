/**
 * Invoices and payments as CSV, produced page by page: at most one page of documents (plus the names it shows)
 * is in memory at a time, so exporting 50,000 invoices never loads them all. The caller consumes the chunks,
 * e.g. appending each to a Blob, which the browser keeps outside the JS heap.
 */
import type { RxCollection } from 'rxdb'
import type { Invoice, LedgerEntry } from '@core/documents'
import { csvWriter, invoiceColumns, paymentColumns } from '@core/io/export-csv'
import type { Database } from '../collections'
import { fromInvoiceDoc, plain } from '../stored'
import { pagesOf } from './storage-map'

/** Rows per chunk: one query page. */
export const EXPORT_PAGE = 500

/** Names of the customers, fetched for one page's ids. */
async function customerNames(db: Database, ids: Iterable<string>): Promise<Map<string, string>> {
  const docs = await db.customers.findByIds([...new Set(ids)]).exec()
  return new Map([...docs.values()].map((d) => [d.primary, d.name]))
}

/**
 * The invoice CSV, chunk by chunk: the header first, then one chunk per page of invoices (in id order).
 *
 * @example
 * let blob = new Blob([])
 * for await (const chunk of exportInvoicesCsv(db)) blob = new Blob([blob, chunk], { type: 'text/csv' })
 */
export async function* exportInvoicesCsv(db: Database): AsyncGenerator<string> {
  let names = new Map<string, string>()
  const writer = csvWriter<Invoice>(invoiceColumns({ customerName: (id) => names.get(id) }))
  yield writer.header()
  for await (const page of pagesOf(db.invoices as RxCollection<object>, {}, EXPORT_PAGE)) {
    const invoices = page.map(fromInvoiceDoc)
    names = await customerNames(
      db,
      invoices.map((i) => i.customerId),
    )
    yield writer.rows(invoices)
  }
}

/** The payment CSV, chunk by chunk, with each payment's invoice number and customer name. */
export async function* exportPaymentsCsv(db: Database): AsyncGenerator<string> {
  let names = new Map<string, string>()
  let numbers = new Map<string, string>()
  const writer = csvWriter<LedgerEntry>(
    paymentColumns({
      customerName: (id) => names.get(id),
      invoiceNumber: (id) => numbers.get(id),
    }),
  )
  yield writer.header()
  for await (const page of pagesOf(db.payments as RxCollection<object>, {}, EXPORT_PAGE)) {
    const payments = page.map((d) => plain<LedgerEntry>(d))
    const invoices = await db.invoices
      .findByIds([...new Set(payments.map((p) => p.invoiceId))])
      .exec()
    numbers = new Map([...invoices.values()].map((d) => [d.primary, d.number]))
    names = await customerNames(
      db,
      payments.map((p) => p.customerId),
    )
    yield writer.rows(payments)
  }
}

/** All chunks joined: for tests and small exports; the UI appends chunks to a Blob instead. */
export async function collectCsv(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += chunk
  return out
}
