/**
 * Creating orders and invoices: from scratch for a customer (unlocked), or an invoice from an order (locked, as
 * Dynamics does, so the invoice bills exactly what was ordered). Numbers come from numbering.ts, ids and the
 * clock from the caller.
 */
import { refuse, type CommandContext, type CommandResult } from './commands'
import { copyLines } from './copy-lines'
import { withHistory } from './history'
import { INVOICEABLE_ORDER_STATES, ORDER_STATE_LABELS } from './lifecycle'
import { priceLines } from './totals'
import type {
  CompanySettings,
  Customer,
  DocumentTotals,
  Id,
  Invoice,
  IsoDate,
  Order,
  PricingSnapshot,
} from './types'

export interface NewDocumentInput {
  id: Id
  /** From `nextDocumentNumber`; never changed afterwards. */
  number: string
  name: string
  customer: Customer
  /** Defaults to the customer's price list. */
  priceListId?: Id
  /** Defaults to the customer's currency, then the company's base currency. */
  currencyCode?: string
  settings: CompanySettings
}

/** The totals of a document with no lines yet. */
export const NO_TOTALS: DocumentTotals = {
  detailAmount: '0',
  lineItemDiscountAmount: '0',
  discountPercentAmount: '0',
  totalDiscountAmount: '0',
  preFreightAmount: '0',
  freightAmount: '0',
  totalTax: '0',
  totalAmount: '0',
}

function header(input: NewDocumentInput, ctx: CommandContext) {
  const { customer, settings } = input
  const code = input.currencyCode ?? customer.currencyCode ?? settings.baseCurrencyCode
  const currency = settings.currencies.find((c) => c.code === code)
  if (!currency)
    return refuse('invalidValue', `The currency ${code} is not set up for this company.`)
  const priceListId = input.priceListId ?? customer.priceListId
  if (!priceListId) return refuse('invalidValue', 'Choose a price list for this customer first.')
  if (input.name.trim() === '') return refuse('invalidValue', 'The document needs a name.')
  const pricing: PricingSnapshot = {
    pricingPrecision: settings.pricingPrecision,
    currencyPrecision: currency.precision,
    discountMethod: settings.discountMethod,
    rounding: settings.rounding,
  }
  return {
    ok: true as const,
    value: {
      id: input.id,
      updatedAt: ctx.at,
      number: input.number,
      name: input.name.trim(),
      customerId: customer.id,
      ownerId: customer.ownerId,
      priceListId,
      currencyCode: code,
      exchangeRate: currency.exchangeRate,
      pricing,
      pricesLocked: false,
      billTo: customer.billTo,
      shipTo: customer.shipTo,
      discountPercent: '0',
      discountAmount: '0',
      freightAmount: '0',
      lines: [],
      totals: NO_TOTALS,
      baseTotals: NO_TOTALS,
      createdAt: ctx.at,
      createdBy: ctx.actor.userId,
      history: [],
    },
  }
}

/** Prices a new document and gives it its first history entry (the diff from nothing). */
function finish<D extends Invoice | Order>(
  doc: D,
  command: string,
  ctx: CommandContext,
): CommandResult<D> {
  const priced = priceLines(doc, 'keep', ctx.catalog)
  if (!priced.ok) return priced
  const empty = { history: [], updatedAt: ctx.at } as unknown as D
  return { ok: true, document: withHistory(empty, priced.document, command, ctx) }
}

/** A new, empty, unlocked invoice for a customer (Active, New). */
export function createInvoice(
  input: NewDocumentInput & { dueDate?: IsoDate },
  ctx: CommandContext,
): CommandResult<Invoice> {
  const base = header(input, ctx)
  if (!base.ok) return base
  const invoice: Invoice = { ...base.value, kind: 'invoice', state: 'active', status: 'new' }
  if (input.dueDate) invoice.dueDate = input.dueDate
  return finish(invoice, 'createInvoice', ctx)
}

/** A new, empty, unlocked order for a customer (Active, New). */
export function createOrder(input: NewDocumentInput, ctx: CommandContext): CommandResult<Order> {
  const base = header(input, ctx)
  if (!base.ok) return base
  return finish(
    { ...base.value, kind: 'order', state: 'active', status: 'new' },
    'createOrder',
    ctx,
  )
}

/**
 * Create Invoice from an order: copies customer, owner, price list, currency and rate, pricing settings,
 * addresses, header discounts, freight and every line (product or write-in, unit, price, quantity, discounts,
 * tax, volume discount list), links the invoice to the order and each line to its order line, and starts locked.
 *
 * The order itself is not changed: Dynamics allows several invoices per order (partial shipments), and a
 * submitted order is not the rep's to change. The back office marks it invoiced (`markInvoiced`).
 *
 * The Invoice Date is today: `target.invoiceDate` when the caller knows the rep's local day, else the UTC day of
 * `ctx.at`. Payment Terms, the tax mode and freight's VAT are the order's.
 *
 * @param order - an Active, Submitted or Fulfilled order
 * @param target - the new invoice's id, number, optional due date and optional invoice date
 * @param ctx - who, when, and `newId` for the invoice's line ids
 */
export function createInvoiceFromOrder(
  order: Order,
  target: { id: Id; number: string; dueDate?: IsoDate; invoiceDate?: IsoDate },
  ctx: CommandContext,
): CommandResult<Invoice> {
  if (!INVOICEABLE_ORDER_STATES.includes(order.state)) {
    const state = ORDER_STATE_LABELS[order.state].toLowerCase()
    return refuse(
      'invalidTransition',
      `This order is ${state}, so no invoice can be created from it.`,
    )
  }
  const invoice: Invoice = {
    kind: 'invoice',
    id: target.id,
    updatedAt: ctx.at,
    number: target.number,
    name: order.name,
    customerId: order.customerId,
    ownerId: order.ownerId,
    priceListId: order.priceListId,
    currencyCode: order.currencyCode,
    exchangeRate: order.exchangeRate,
    pricing: order.pricing,
    pricesLocked: true,
    billTo: order.billTo,
    shipTo: order.shipTo,
    discountPercent: order.discountPercent,
    discountAmount: order.discountAmount,
    freightAmount: order.freightAmount,
    lines: copyLines(order.lines, ctx.newId),
    totals: order.totals,
    baseTotals: order.baseTotals,
    state: 'active',
    status: 'new',
    orderId: order.id,
    invoiceDate: target.invoiceDate ?? ctx.at.slice(0, 10),
    createdAt: ctx.at,
    createdBy: ctx.actor.userId,
    history: [],
  }
  for (const key of ['description', 'contactId', 'opportunityId'] as const) {
    if (order[key] !== undefined) invoice[key] = order[key]
  }
  if (order.paymentTerms !== undefined) invoice.paymentTerms = order.paymentTerms
  // The invoice bills what was ordered under the order's own tax mode, whatever the company's mode is today.
  if (order.taxMode !== undefined) invoice.taxMode = order.taxMode
  if (order.freightVat !== undefined) invoice.freightVat = order.freightVat
  if (target.dueDate) invoice.dueDate = target.dueDate
  return finish(invoice, 'createInvoiceFromOrder', ctx)
}
