/**
 * Invoices and payments as CSV for the accountant's spreadsheet: one header row, one row per invoice or payment,
 * money as plain decimal strings ("1090.00", "-2.50") that a spreadsheet sums as numbers, dates as ISO 8601.
 *
 * Text cells (names, numbers, references) go through `neutraliseFormula`, so a customer called "=HYPERLINK(…)"
 * stays text; number cells never do, so a negative amount stays a number.
 *
 * The writer works in chunks (`header()` once, then `rows()` per page), so a caller can page through 50,000
 * invoices without holding them all in memory.
 */
import { PAYMENT_TERMS } from '@core/documents/header-fields'
import { INVOICE_STATUSES } from '@core/documents/lifecycle'
import { decimalPattern } from '@core/documents/schemas'
import type { Id, Invoice, LedgerEntry } from '@core/documents/types'
import { formatCsvRows, neutraliseFormula, type CsvDelimiter } from './csv'

/** A column: its header, whether its cells are numbers (written as they are) or text, and how to read it. */
export interface CsvColumn<T> {
  header: string
  type: 'text' | 'number'
  value: (record: T) => string | undefined
}

export interface CsvWriter<T> {
  /** The header row, with a BOM so Excel reads the file as UTF-8. */
  header(): string
  /** Rows for a chunk of records. */
  rows(records: readonly T[]): string
}

/**
 * A chunked CSV writer over typed columns.
 *
 * @throws Error when a number column yields something that is not a decimal: a bug upstream, not a user error
 */
export function csvWriter<T>(
  columns: readonly CsvColumn<T>[],
  delimiter: CsvDelimiter = ',',
): CsvWriter<T> {
  const cell = (column: CsvColumn<T>, record: T): string => {
    const value = column.value(record) ?? ''
    if (column.type === 'text') return neutraliseFormula(value)
    if (value !== '' && !decimalPattern.test(value))
      throw new Error(`${column.header}: ${JSON.stringify(value)} is not a decimal number`)
    return value
  }
  return {
    header: () => `\uFEFF${formatCsvRows([columns.map((c) => c.header)], delimiter)}`,
    rows: (records) =>
      formatCsvRows(
        records.map((r) => columns.map((c) => cell(c, r))),
        delimiter,
      ),
  }
}

/** Names for the ids an export shows: customers by id; invoices by id (for payments). */
export interface ExportNames {
  customerName?: (customerId: Id) => string | undefined
  invoiceNumber?: (invoiceId: Id) => string | undefined
}

/** The invoice export's columns: one row per invoice with its header, totals and state. */
export function invoiceColumns(names: ExportNames = {}): CsvColumn<Invoice>[] {
  const text = (header: string, value: (i: Invoice) => string | undefined): CsvColumn<Invoice> => ({
    header,
    type: 'text',
    value,
  })
  const money = (header: string, value: (i: Invoice) => string): CsvColumn<Invoice> => ({
    header,
    type: 'number',
    value,
  })
  return [
    text('number', (i) => i.number),
    text('name', (i) => i.name),
    text('customerId', (i) => i.customerId),
    text('customerName', (i) => names.customerName?.(i.customerId)),
    text('state', (i) => i.state),
    text('status', (i) => INVOICE_STATUSES[i.status].label),
    text('createdAt', (i) => i.createdAt),
    text('invoiceDate', (i) => i.invoiceDate),
    text('dueDate', (i) => i.dueDate),
    text('dateDelivered', (i) => i.dateDelivered),
    text('paymentTerms', (i) => (i.paymentTerms ? PAYMENT_TERMS[i.paymentTerms] : undefined)),
    text('currencyCode', (i) => i.currencyCode),
    { header: 'lineCount', type: 'number', value: (i) => String(i.lines.length) },
    money('detailAmount', (i) => i.totals.detailAmount),
    money('totalDiscountAmount', (i) => i.totals.totalDiscountAmount),
    money('freightAmount', (i) => i.totals.freightAmount),
    money('totalTax', (i) => i.totals.totalTax),
    money('totalAmount', (i) => i.totals.totalAmount),
    text('orderId', (i) => i.orderId),
    text('id', (i) => i.id),
  ]
}

/**
 * The payment export's columns: one row per ledger entry (payment, void or refund), with its invoice's number when
 * known. A void has no amount of its own: it names the payment it voids and why.
 */
export function paymentColumns(names: ExportNames = {}): CsvColumn<LedgerEntry>[] {
  const text = (
    header: string,
    value: (p: LedgerEntry) => string | undefined,
  ): CsvColumn<LedgerEntry> => ({
    header,
    type: 'text',
    value,
  })
  return [
    text('date', (p) => p.date),
    text('invoiceNumber', (p) => names.invoiceNumber?.(p.invoiceId)),
    text('customerId', (p) => p.customerId),
    text('customerName', (p) => names.customerName?.(p.customerId)),
    { header: 'amount', type: 'number', value: (p) => (p.kind === 'void' ? undefined : p.amount) },
    text('currencyCode', (p) => (p.kind === 'void' ? undefined : p.currencyCode)),
    text('method', (p) => (p.kind === 'void' ? undefined : p.method)),
    text('reference', (p) => (p.kind === 'void' ? undefined : p.reference)),
    text('recordedAt', (p) => p.recordedAt),
    text('recordedBy', (p) => p.recordedBy),
    text('invoiceId', (p) => p.invoiceId),
    text('id', (p) => p.id),
    text('kind', (p) => p.kind),
    text('voidsPaymentId', (p) => (p.kind === 'void' ? p.voidsPaymentId : undefined)),
    text('voidReason', (p) => (p.kind === 'void' ? p.reason : undefined)),
  ]
}
