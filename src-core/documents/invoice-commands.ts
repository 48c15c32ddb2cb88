/**
 * The invoice rules: one function takes an invoice and a command and returns the new invoice or a refusal a rep
 * can read. The lifecycle table (lifecycle.ts) decides what each state allows; this file decides what it does.
 */
import { compare, parseDecimal } from '@core/money'
import {
  refuse,
  type CommandResult,
  type InvoiceCommand,
  type InvoiceContext,
  type Refused,
} from './commands'
import { applyContentCommand } from './content-commands'
import { copyLines } from './copy-lines'
import { recordEmailStatus } from './email-status'
import { changeState, withHistory } from './history'
import { ACTIVE_INVOICE_STATUSES, INVOICE_RULES, INVOICE_STATE_LABELS, permits } from './lifecycle'
import { lockedReason } from './line-commands'
import {
  amountPaid,
  markInvoicePaid,
  paymentsOf,
  recordPayment,
  recordRefund,
  voidPayment,
} from './payments'
import { priceLines } from './totals'
import type { Invoice, Opportunity } from './types'
import { showMoney } from './values'

function stateRefusal(invoice: Invoice, type: string): Refused {
  if (invoice.state === 'active' && type === 'reactivate')
    return refuse('invalidTransition', 'This invoice is already active.')
  if (invoice.state !== 'active') {
    const state = INVOICE_STATE_LABELS[invoice.state].toLowerCase()
    return refuse(
      'readOnly',
      `This invoice is ${state} and read-only. Reactivate it to make changes.`,
    )
  }
  return refuse('invalidValue', `“${type}” is not something that can be done to an invoice.`)
}

/** Edits must never leave less due than already paid: the rep would owe the customer money unnoticed. */
function keepsPayments(before: Invoice, after: Invoice, ctx: InvoiceContext): Refused | undefined {
  const paid = amountPaid(before, paymentsOf(before, ctx.payments))
  if (parseDecimal(paid).units === 0n) return undefined
  if (compare(parseDecimal(after.totals.totalAmount), parseDecimal(paid)) >= 0) return undefined
  const total = showMoney(after.totals.totalAmount, after.pricing)
  return refuse(
    'totalBelowPaid',
    `This change would bring the invoice total to ${total}, below the ${paid} already paid.`,
  )
}

function getProducts(
  invoice: Invoice,
  opportunity: Opportunity,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  if (opportunity?.kind !== 'opportunity')
    return refuse('wrongDocument', 'Products can only be taken from an opportunity.')
  if (opportunity.currencyCode !== invoice.currencyCode)
    return refuse(
      'wrongDocument',
      `The opportunity is in ${opportunity.currencyCode} and this invoice in ${invoice.currencyCode}; prices cannot be copied between currencies.`,
    )
  if (invoice.pricesLocked && opportunity.lines.some((l) => l.isWriteIn))
    return lockedReason(invoice, 'the opportunity’s write-in products cannot be added')
  const lines = copyLines(opportunity.lines, ctx.newId)
  const edited: Invoice = { ...invoice, lines: [...invoice.lines, ...lines] }
  if (!invoice.opportunityId) edited.opportunityId = opportunity.id
  // Unlocked, the copied catalog lines take today's price list price; locked, they keep the opportunity's.
  const priced = priceLines(edited, 'reprice', ctx.catalog)
  if (!priced.ok) return priced
  return { ok: true, document: withHistory(invoice, priced.document, 'getProducts', ctx) }
}

function run(invoice: Invoice, cmd: InvoiceCommand, ctx: InvoiceContext): CommandResult<Invoice> {
  switch (cmd.type) {
    case 'getProducts':
      return getProducts(invoice, cmd.opportunity, ctx)
    case 'setStatusReason':
      if (!(ACTIVE_INVOICE_STATUSES as readonly string[]).includes(cmd.status))
        return refuse('invalidValue', 'Choose New, Partially Shipped, Billed, Booked or Installed.')
      if (cmd.status === invoice.status)
        return refuse('invalidTransition', 'The invoice already has this status.')
      return changeState(invoice, { state: 'active', status: cmd.status }, cmd.type, ctx)
    case 'recordPayment':
      return recordPayment(invoice, cmd.payment, ctx)
    case 'voidPayment':
      return voidPayment(invoice, cmd.void, ctx)
    case 'recordRefund':
      return recordRefund(invoice, cmd.refund, ctx)
    case 'invoicePaid':
      return markInvoicePaid(invoice, ctx)
    case 'cancelInvoice': {
      // Money kept (payments not voided, less refunds) must go back first; a fully refunded invoice may go.
      const paid = amountPaid(invoice, paymentsOf(invoice, ctx.payments))
      if (parseDecimal(paid).units > 0n)
        return refuse(
          'hasPayments',
          `This invoice has ${paid} in payments recorded, so it cannot be canceled. Mark it paid instead, or refund the payments first.`,
        )
      return changeState(invoice, { state: 'canceled', status: 'canceled' }, cmd.type, ctx)
    }
    case 'reactivate':
      return changeState(invoice, { state: 'active', status: 'new' }, cmd.type, ctx)
    case 'recordEmailStatus':
      return recordEmailStatus(invoice, cmd.email, ctx)
    default: {
      const result = applyContentCommand(invoice, cmd, ctx)
      if (!result.ok) return result
      return keepsPayments(invoice, result.document, ctx) ?? result
    }
  }
}

/**
 * Applies a command to an invoice.
 *
 * @param invoice - the invoice as stored
 * @param cmd - what the user asked for
 * @param ctx - who, when, the current catalog, the invoice's payments and an id source for copied lines
 * @returns `{ ok: true, document }` (plus `payment` for recordPayment) or `{ ok: false, refusal }`
 * @example
 * applyInvoiceCommand(paidInvoice, { type: 'editLine', lineId: 'L1', changes: { quantity: '2' } }, ctx)
 * // { ok: false, refusal: { code: 'readOnly', reason: 'This invoice is paid and read-only. Reactivate it to make changes.' } }
 */
export function applyInvoiceCommand(
  invoice: Invoice,
  cmd: InvoiceCommand,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const permission = INVOICE_RULES[invoice.state][cmd.type]
  if (permission === undefined) return stateRefusal(invoice, cmd.type)
  if (!permits(permission, ctx.actor.role))
    return refuse('notPermitted', 'Only the back office can do this.')
  return run(invoice, cmd, ctx)
}
