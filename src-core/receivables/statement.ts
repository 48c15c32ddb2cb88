/**
 * A customer statement for a period, in one currency: the balance owed when the period opened, each invoice
 * issued and each payment or refund in it with the running balance, and the balance when it closed. Canceled
 * invoices and voided payments are left out (they never were money owed or received). Exact money (money.ts).
 */
import { add, formatDecimal, negate, parseDecimal, sub, ZERO, type Decimal } from '@core/money'
import type { Invoice, IsoDate, LedgerEntry } from '@core/documents/types'

export interface StatementLine {
  date: IsoDate
  kind: 'invoice' | 'payment' | 'refund'
  /** The invoice's number (for a payment or refund, the invoice it was made on). */
  number: string
  /** What it adds to the balance owed (an invoice, a refund) or takes off it (a payment, negative). */
  amount: string
  balance: string
}

export interface Statement {
  currencyCode: string
  from: IsoDate
  to: IsoDate
  openingBalance: string
  lines: StatementLine[]
  invoiced: string
  paid: string
  closingBalance: string
}

/** The day an invoice counts from: its Invoice Date, or the day it was created. */
export const invoiceDay = (invoice: Invoice): IsoDate =>
  invoice.invoiceDate ?? invoice.createdAt.slice(0, 10)

/**
 * @param invoices - the customer's invoices (any state; canceled ones and other currencies are skipped)
 * @param ledger - the payments, voids and refunds of those invoices
 * @param period - first and last day, both included
 * @example
 * customerStatement(invoices, ledger, { currencyCode: 'USD', from: '2025-03-01', to: '2025-03-31', places: 2 })
 */
export function customerStatement(
  invoices: readonly Invoice[],
  ledger: readonly LedgerEntry[],
  period: { currencyCode: string; from: IsoDate; to: IsoDate; places: number },
): Statement {
  const { currencyCode, from, to, places } = period
  const counted = invoices.filter((i) => i.currencyCode === currencyCode && i.state !== 'canceled')
  const numbers = new Map(counted.map((i) => [i.id, i.number]))
  const voided = new Set(ledger.flatMap((e) => (e.kind === 'void' ? [e.voidsPaymentId] : [])))

  const moves: Array<Omit<StatementLine, 'balance'> & { value: Decimal }> = []
  for (const invoice of counted) {
    const value = parseDecimal(invoice.totals.totalAmount)
    moves.push({
      date: invoiceDay(invoice),
      kind: 'invoice',
      number: invoice.number,
      amount: '',
      value,
    })
  }
  for (const entry of ledger) {
    if (entry.kind === 'void' || voided.has(entry.id)) continue
    const number = numbers.get(entry.invoiceId)
    if (number === undefined) continue
    const money = parseDecimal(entry.amount)
    const value = entry.kind === 'payment' ? negate(money) : money
    moves.push({ date: entry.date, kind: entry.kind, number, amount: '', value })
  }
  // Same day: the invoice first, then what was paid on it.
  const order = { invoice: 0, refund: 1, payment: 2 }
  moves.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind])

  const text = (d: Decimal) => formatDecimal(d, places)
  let opening = ZERO
  let balance = ZERO
  let invoiced = ZERO
  let paid = ZERO
  const lines: StatementLine[] = []
  for (const move of moves) {
    if (move.date > to) break
    if (move.date < from) {
      opening = add(opening, move.value)
      balance = opening
      continue
    }
    balance = add(balance, move.value)
    if (move.kind === 'payment') paid = sub(paid, move.value)
    else invoiced = add(invoiced, move.value)
    const { value, ...line } = move
    lines.push({ ...line, amount: text(value), balance: text(balance) })
  }
  return {
    currencyCode,
    from,
    to,
    openingBalance: text(opening),
    lines,
    invoiced: text(invoiced),
    paid: text(paid),
    closingBalance: text(balance),
  }
}
