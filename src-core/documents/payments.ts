/**
 * Payments are their own records (two devices recording payments offline never overwrite each other); the amount
 * paid, the balance due and whether a paid invoice is Complete or Partial are always derived from them.
 */
import { compare, isZero, parseDecimal, sub, sumDecimalStrings, formatDecimal } from '../money'
import { refuse, type CommandResult, type InvoiceContext, type PaymentInput } from './commands'
import { changeState, withHistory } from './history'
import { isoDatePattern } from './schemas'
import type { Invoice, Payment, PaymentMethod } from './types'
import { readValue, showMoney } from './values'

const METHODS: ReadonlySet<PaymentMethod> = new Set([
  'cash',
  'check',
  'card',
  'bankTransfer',
  'other',
])

/** The payments that belong to this invoice, whatever else the list holds. */
export function paymentsOf(invoice: Invoice, payments: readonly Payment[]): Payment[] {
  return payments.filter((p) => p.invoiceId === invoice.id)
}

/**
 * Σ payments of the invoice, at its currency precision.
 *
 * @example
 * amountPaid(invoice, [{ invoiceId: invoice.id, amount: '40.00', ... }]) // '40.00'
 */
export function amountPaid(invoice: Invoice, payments: readonly Payment[]): string {
  const amounts = paymentsOf(invoice, payments).map((p) => p.amount)
  return sumDecimalStrings(amounts, invoice.pricing.currencyPrecision, invoice.pricing.rounding)
}

/**
 * totalAmount − Σ payments, at the invoice's currency precision. Negative only for a credit invoice.
 *
 * @example
 * balanceDue(invoiceOf100, [paymentOf40]) // '60.00'
 */
export function balanceDue(invoice: Invoice, payments: readonly Payment[]): string {
  const paid = parseDecimal(amountPaid(invoice, payments))
  const balance = sub(parseDecimal(invoice.totals.totalAmount), paid)
  return formatDecimal(balance, invoice.pricing.currencyPrecision, invoice.pricing.rounding)
}

function paidChange(invoice: Invoice, from: string, to: string) {
  return {
    field: 'amountPaid',
    from: showMoney(from, invoice.pricing),
    to: showMoney(to, invoice.pricing),
  }
}

/**
 * Records a payment on an active invoice. Refuses a payment of zero or less, and one larger than the balance
 * due (an overpayment is money the company owes back, which a rep should not create by a typo). When the balance
 * reaches zero the invoice becomes Paid, Complete.
 *
 * @returns the invoice (with a history entry) and the new payment record in `payment`
 */
export function recordPayment(
  invoice: Invoice,
  input: PaymentInput,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const existing = paymentsOf(invoice, ctx.payments)
  if (typeof input.id !== 'string' || input.id === '')
    return refuse('invalidValue', 'A payment needs an id.')
  if (ctx.payments.some((p) => p.id === input.id))
    return refuse('duplicateId', 'This payment has already been recorded.')
  if (typeof input.date !== 'string' || !isoDatePattern.test(input.date))
    return refuse('invalidValue', 'The payment needs the date the money was received.')
  if (!METHODS.has(input.method))
    return refuse(
      'invalidValue',
      'Choose how the payment was made: cash, check, card, bank transfer or other.',
    )
  const read = readValue(input.amount, 'money', 'Payment amount', invoice.pricing)
  if (!read.ok) return read
  const amount = parseDecimal(read.value)
  if (amount.units <= 0n) return refuse('nonPositivePayment', 'A payment must be more than zero.')
  const balance = balanceDue(invoice, existing)
  if (compare(amount, parseDecimal(balance)) > 0)
    return refuse(
      'overpayment',
      `Payment of ${read.value} is more than the balance due of ${balance}.`,
    )
  const payment: Payment = {
    id: input.id,
    updatedAt: ctx.at,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    date: input.date,
    amount: read.value,
    currencyCode: invoice.currencyCode,
    method: input.method,
    recordedAt: ctx.at,
    recordedBy: ctx.actor.userId,
  }
  if (input.reference !== undefined) payment.reference = input.reference
  const settled = isZero(sub(parseDecimal(balance), amount))
  const after: Invoice = settled ? { ...invoice, state: 'paid', status: 'complete' } : invoice
  const before = amountPaid(invoice, existing)
  const paidNow = amountPaid(invoice, [...existing, payment])
  const extra = [
    { field: `payments[${payment.id}].amount`, from: null, to: payment.amount },
    paidChange(invoice, before, paidNow),
  ]
  return { ok: true, document: withHistory(invoice, after, 'recordPayment', ctx, extra), payment }
}

/**
 * Invoice Paid: closes the invoice as Paid, Complete when nothing is due, or Paid, Partial when part was paid
 * (Dynamics lets an invoice be closed as partially paid). An invoice with nothing paid and something due is
 * refused: its status would claim a payment that does not exist.
 */
export function markInvoicePaid(invoice: Invoice, ctx: InvoiceContext): CommandResult<Invoice> {
  const existing = paymentsOf(invoice, ctx.payments)
  const balance = parseDecimal(balanceDue(invoice, existing))
  if (balance.units <= 0n)
    return changeState(invoice, { state: 'paid', status: 'complete' }, 'invoicePaid', ctx)
  if (existing.length === 0)
    return refuse(
      'noPaymentRecorded',
      'No payment has been recorded on this invoice. Record the payment before marking it paid.',
    )
  return changeState(invoice, { state: 'paid', status: 'partial' }, 'invoicePaid', ctx)
}
