/**
 * The payments ledger of an invoice (types.ts `LedgerEntry`): payments, voids and refunds are their own records,
 * never edited or deleted, so two devices recording offline never overwrite each other. The amount paid, the
 * balance due and whether a paid invoice is Complete or Partial are always derived from the ledger:
 *
 *   amount paid = Σ payments not voided − Σ refunds
 *   balance due = total amount − amount paid
 */
import {
  compare,
  parseDecimal,
  sub,
  sumDecimalStrings,
  formatDecimal,
  type Decimal,
} from '@core/money'
import {
  refuse,
  type CommandResult,
  type InvoiceContext,
  type PaymentInput,
  type Refused,
  type VoidInput,
} from './commands'
import { EMPTY_CATALOG } from './catalog'
import { changeState, withHistory } from './history'
import { isoDatePattern, VOID_REASON_MAX } from './schemas'
import type {
  Actor,
  Invoice,
  LedgerEntry,
  Payment,
  PaymentMethod,
  PaymentVoid,
  Refund,
  InvoiceState,
  InvoiceStatus,
} from './types'
import { readDecimal, showMoney } from './values'

const METHODS: ReadonlySet<PaymentMethod> = new Set([
  'cash',
  'check',
  'card',
  'bankTransfer',
  'other',
])

/** The ledger entries that belong to this invoice, whatever else the list holds. */
export function paymentsOf(invoice: Invoice, entries: readonly LedgerEntry[]): LedgerEntry[] {
  return entries.filter((p) => p.invoiceId === invoice.id)
}

/** The ids of the payments a void in the list marks as a mistake. */
export function voidedIds(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.kind === 'void' ? [e.voidsPaymentId] : [])))
}

/** The payments of the list that count: every payment no void marks. */
export function countedPayments(entries: readonly LedgerEntry[]): Payment[] {
  const voided = voidedIds(entries)
  return entries.filter((e): e is Payment => e.kind === 'payment' && !voided.has(e.id))
}

/** The refunds of the list. */
export function refundsOf(entries: readonly LedgerEntry[]): Refund[] {
  return entries.filter((e): e is Refund => e.kind === 'refund')
}

function sumAt(invoice: Invoice, entries: ReadonlyArray<{ amount: string }>): Decimal {
  const { currencyPrecision, rounding } = invoice.pricing
  return parseDecimal(
    sumDecimalStrings(
      entries.map((e) => e.amount),
      currencyPrecision,
      rounding,
    ),
  )
}

const atPrecision = (invoice: Invoice, d: Decimal): string =>
  formatDecimal(d, invoice.pricing.currencyPrecision, invoice.pricing.rounding)

/**
 * Money kept on the invoice: payments not voided, less refunds, at its currency precision.
 *
 * @example
 * amountPaid(invoice, [paymentOf40]) // '40.00'
 * amountPaid(invoice, [paymentOf40, refundOf10]) // '30.00'
 */
export function amountPaid(invoice: Invoice, entries: readonly LedgerEntry[]): string {
  const mine = paymentsOf(invoice, entries)
  return atPrecision(
    invoice,
    sub(sumAt(invoice, countedPayments(mine)), sumAt(invoice, refundsOf(mine))),
  )
}

/**
 * totalAmount − payments not voided + refunds, at the invoice's currency precision. Negative only for a credit
 * invoice.
 *
 * @example
 * balanceDue(invoiceOf100, [paymentOf40]) // '60.00'
 */
export function balanceDue(invoice: Invoice, entries: readonly LedgerEntry[]): string {
  const paid = parseDecimal(amountPaid(invoice, entries))
  return atPrecision(invoice, sub(parseDecimal(invoice.totals.totalAmount), paid))
}

function paidChange(invoice: Invoice, from: string, to: string) {
  return {
    field: 'amountPaid',
    from: showMoney(from, invoice.pricing),
    to: showMoney(to, invoice.pricing),
  }
}

/** The id, date and method checks shared by payments and refunds. */
function readMovement(input: PaymentInput, ctx: InvoiceContext, noun: string): Refused | undefined {
  if (typeof input.id !== 'string' || input.id === '')
    return refuse('invalidValue', `A ${noun} needs an id.`)
  if (ctx.payments.some((p) => p.id === input.id))
    return refuse('duplicateId', `This ${noun} has already been recorded.`)
  if (typeof input.date !== 'string' || !isoDatePattern.test(input.date))
    return refuse(
      'invalidValue',
      `The ${noun} needs the date the money was ${noun === 'refund' ? 'given back' : 'received'}.`,
    )
  if (!METHODS.has(input.method))
    return refuse(
      'invalidValue',
      `Choose how the ${noun} was made: cash, check, card, bank transfer or other.`,
    )
  return undefined
}

/** A positive amount at the currency's precision (a −0.001 in a 2-decimal currency is refused, not rounded). */
function readAmount(
  invoice: Invoice,
  typed: unknown,
  noun: 'payment' | 'refund',
): { ok: true; value: string; amount: Decimal } | Refused {
  const label = noun === 'payment' ? 'Payment amount' : 'Refund amount'
  // Read as typed, every decimal kept, so no amount is rounded into another (and no line limit applies).
  const read = readDecimal(typed, label)
  if (!read.ok) return read
  const amount = read.value
  if (amount.units <= 0n) return refuse('nonPositivePayment', `A ${noun} must be more than zero.`)
  const value = atPrecision(invoice, amount)
  if (compare(parseDecimal(value), amount) !== 0)
    return refuse(
      'invalidValue',
      `${label} ${formatDecimal(amount, amount.scale)} has more decimals than ${invoice.currencyCode} has (${invoice.pricing.currencyPrecision}).`,
    )
  return { ok: true, value, amount }
}

function entryBase(invoice: Invoice, id: string, date: string, ctx: InvoiceContext) {
  return {
    id,
    updatedAt: ctx.at,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    date,
    recordedAt: ctx.at,
    recordedBy: ctx.actor.userId,
  }
}

/**
 * Records a payment on an active invoice. Refuses a payment of zero or less, one with more decimals than the
 * currency has, and one larger than the balance due (an overpayment is money the company owes back, which a rep
 * should not create by a typo). When the balance reaches zero the invoice becomes Paid, Complete.
 *
 * @returns the invoice (with a history entry) and the new payment record in `payment`
 */
export function recordPayment(
  invoice: Invoice,
  input: PaymentInput,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const existing = paymentsOf(invoice, ctx.payments)
  const bad = readMovement(input, ctx, 'payment')
  if (bad) return bad
  const read = readAmount(invoice, input.amount, 'payment')
  if (!read.ok) return read
  const balance = balanceDue(invoice, existing)
  if (compare(read.amount, parseDecimal(balance)) > 0)
    return refuse(
      'overpayment',
      `Payment of ${read.value} is more than the balance due of ${balance}.`,
    )
  const payment: Payment = {
    ...entryBase(invoice, input.id, input.date, ctx),
    kind: 'payment',
    amount: read.value,
    currencyCode: invoice.currencyCode,
    method: input.method,
  }
  if (input.reference !== undefined) payment.reference = input.reference
  const settled = compare(read.amount, parseDecimal(balance)) === 0
  const after: Invoice = settled ? { ...invoice, state: 'paid', status: 'complete' } : invoice
  return ledgerResult(invoice, after, 'recordPayment', existing, payment, ctx)
}

function ledgerResult(
  invoice: Invoice,
  after: Invoice,
  command: string,
  existing: readonly LedgerEntry[],
  entry: LedgerEntry,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const before = amountPaid(invoice, existing)
  const paidNow = amountPaid(invoice, [...existing, entry])
  const extra = [
    {
      field: `payments[${entry.id}].${entry.kind === 'void' ? 'voided' : 'amount'}`,
      from: null,
      to: entry.kind === 'void' ? entry.reason : entry.amount,
    },
    paidChange(invoice, before, paidNow),
  ]
  return { ok: true, document: withHistory(invoice, after, command, ctx, extra), payment: entry }
}

/**
 * Where a paid invoice goes when money it counted goes away. A void says the money never came, so the invoice
 * is not paid at all: it returns to Active (as Reactivate leaves it) for the rep to collect again. A refund is money
 * the company chose to give back (returned goods, a goodwill credit): the invoice stays closed, and Paid Partial
 * says that less than the total was kept. Dynamics keeps Paid read-only, so neither change reopens content by
 * itself; a rep who wants to collect after a refund uses Reactivate.
 */
function stateAfter(
  invoice: Invoice,
  kind: 'void' | 'refund',
  balance: Decimal,
): { state: InvoiceState; status: InvoiceStatus } | undefined {
  if (invoice.state !== 'paid' || balance.units <= 0n) return undefined
  if (kind === 'void') return { state: 'active', status: 'new' }
  return invoice.status === 'partial' ? undefined : { state: 'paid', status: 'partial' }
}

/**
 * Void Payment: marks one payment as recorded by mistake, once, with a reason. The payment stays in the ledger
 * and no longer counts. Refused when the refunds already given would then exceed what is left paid.
 */
export function voidPayment(
  invoice: Invoice,
  input: VoidInput,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const existing = paymentsOf(invoice, ctx.payments)
  if (typeof input.id !== 'string' || input.id === '')
    return refuse('invalidValue', 'A void needs an id.')
  if (ctx.payments.some((p) => p.id === input.id))
    return refuse('duplicateId', 'This void has already been recorded.')
  if (typeof input.date !== 'string' || !isoDatePattern.test(input.date))
    return refuse('invalidValue', 'The void needs a date.')
  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  if (reason === '') return refuse('invalidValue', 'Say why the payment is voided.')
  if (reason.length > VOID_REASON_MAX)
    return refuse('invalidValue', `The reason must have at most ${VOID_REASON_MAX} characters.`)
  const target = existing.find((e) => e.id === input.paymentId)
  if (target?.kind !== 'payment')
    return refuse('paymentNotFound', 'This payment is not recorded on this invoice.')
  if (voidedIds(existing).has(target.id))
    return refuse('alreadyVoided', `The payment of ${target.amount} is already voided.`)
  const left = sub(parseDecimal(amountPaid(invoice, existing)), parseDecimal(target.amount))
  if (left.units < 0n)
    return refuse(
      'overRefund',
      `The refunds on this invoice are more than what would be left paid without this payment of ${target.amount}.`,
    )
  const entry: PaymentVoid = {
    ...entryBase(invoice, input.id, input.date, ctx),
    kind: 'void',
    voidsPaymentId: target.id,
    reason,
  }
  const balance = parseDecimal(balanceDue(invoice, [...existing, entry]))
  const next = stateAfter(invoice, 'void', balance)
  const after: Invoice = next ? { ...invoice, ...next } : invoice
  return ledgerResult(invoice, after, 'voidPayment', existing, entry, ctx)
}

/** Refund: money given back, never more than what was paid and not yet refunded. */
export function recordRefund(
  invoice: Invoice,
  input: PaymentInput,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const existing = paymentsOf(invoice, ctx.payments)
  const bad = readMovement(input, ctx, 'refund')
  if (bad) return bad
  const read = readAmount(invoice, input.amount, 'refund')
  if (!read.ok) return read
  const paid = amountPaid(invoice, existing)
  if (compare(read.amount, parseDecimal(paid)) > 0)
    return refuse(
      'overRefund',
      `Refund of ${read.value} is more than the ${paid} paid and not yet refunded.`,
    )
  const refund: Refund = {
    ...entryBase(invoice, input.id, input.date, ctx),
    kind: 'refund',
    amount: read.value,
    currencyCode: invoice.currencyCode,
    method: input.method,
  }
  if (input.reference !== undefined) refund.reference = input.reference
  const balance = parseDecimal(balanceDue(invoice, [...existing, refund]))
  const next = stateAfter(invoice, 'refund', balance)
  const after: Invoice = next ? { ...invoice, ...next } : invoice
  return ledgerResult(invoice, after, 'recordRefund', existing, refund, ctx)
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
  if (parseDecimal(amountPaid(invoice, existing)).units <= 0n)
    return refuse(
      'noPaymentRecorded',
      'No payment has been recorded on this invoice. Record the payment before marking it paid.',
    )
  return changeState(invoice, { state: 'paid', status: 'partial' }, 'invoicePaid', ctx)
}

/** What is known of an invoice besides itself when someone asks to delete it. */
export interface DeletionFacts {
  /** The ledger holds an entry for it (paid once, even if voided or refunded since). */
  hasLedgerEntries: boolean
  /** Printed or saved as PDF on this device. */
  printed?: boolean
  /** The company server holds it. */
  synced: boolean
}

/**
 * Whether an invoice may be deleted. A numbered invoice that has left the device (printed, emailed, paid or
 * synced) is part of the company's books: it is canceled, never deleted, so its number leaves no hole an auditor
 * cannot explain. Only a draft that never left the device may go.
 *
 * @returns undefined when deleting is allowed, else the refusal
 */
export function deletionRefusal(invoice: Invoice, facts: DeletionFacts): Refused | undefined {
  if (!invoice.number) return undefined
  const why = facts.synced
    ? 'the company server has it'
    : facts.hasLedgerEntries || invoice.state === 'paid'
      ? 'payments are recorded on it'
      : invoice.email && invoice.email.state !== 'failed'
        ? 'it was emailed'
        : facts.printed
          ? 'it was printed'
          : undefined
  if (!why) return undefined
  return refuse(
    'readOnly',
    `Invoice ${invoice.number} cannot be deleted because ${why}. Cancel it instead.`,
  )
}

/**
 * Checks a ledger entry as stored (a pushed record, not a command) against its invoice and the entries already
 * stored for it, with the same rules as the commands that make entries: the sync server's check. The invoice's
 * state is not asked beyond Canceled, because the invoice and its payments travel separately: the payment that
 * settled an invoice may arrive after the invoice it made Paid.
 *
 * @param ledger - the invoice's entries as stored, without this one
 * @returns undefined when the entry may be stored, else the refusal
 */
export function ledgerEntryRefusal(
  invoice: Invoice,
  entry: LedgerEntry,
  ledger: readonly LedgerEntry[],
  actor: Actor,
): Refused | undefined {
  if (invoice.state === 'canceled')
    return refuse('readOnly', `Invoice ${invoice.number} is canceled: it takes no payment.`)
  if (entry.kind !== 'void' && entry.currencyCode !== invoice.currencyCode)
    return refuse(
      'invalidValue',
      `The ${entry.kind} is in ${entry.currencyCode} and invoice ${invoice.number} in ${invoice.currencyCode}.`,
    )
  const ctx: InvoiceContext = {
    actor,
    at: entry.recordedAt,
    catalog: EMPTY_CATALOG,
    newId: () => entry.id,
    payments: ledger.filter((e) => e.id !== entry.id),
  }
  const input = { id: entry.id, date: entry.date }
  const result =
    entry.kind === 'void'
      ? voidPayment(
          invoice,
          { ...input, paymentId: entry.voidsPaymentId, reason: entry.reason },
          ctx,
        )
      : (entry.kind === 'refund' ? recordRefund : recordPayment)(
          invoice,
          { ...input, amount: entry.amount, method: entry.method },
          ctx,
        )
  if (!result.ok) return result
  // The amount as stored must be the one the rule keeps (no '10.5' where the currency keeps '10.50').
  if (entry.kind !== 'void' && result.payment?.kind === entry.kind)
    if (result.payment.amount !== entry.amount)
      return refuse(
        'invalidValue',
        `The amount ${entry.amount} is not written at the currency's precision.`,
      )
  return undefined
}
