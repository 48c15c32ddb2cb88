/**
 * Runtime schemas of orders, invoices, opportunities and payments, for documents that arrive as unknown JSON
 * (sync pushes, backup files). They check shape and spelling only; the lifecycle and the totals are checked by
 * the rules (e.g. the server reprices with `priceLines`).
 */
import {
  array,
  boolean,
  int,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  string,
  union,
  type Schema,
} from '@core/schema'
import { VAT_CATEGORIES } from '@core/pricing'
import { EMAIL_STATES, PAYMENT_TERM_CODES } from './header-fields'
import { INVOICE_STATUSES, ORDER_STATUSES } from './lifecycle'
import type {
  Address,
  DiscountListSnapshot,
  DocumentLine,
  DocumentTotals,
  EmailStatus,
  HistoryEntry,
  Invoice,
  Opportunity,
  Order,
  LedgerEntry,
  PaymentTerms,
  PricingSnapshot,
  VatBreakdownEntry,
  VatRate,
} from './types'

/** The canonical decimal spelling money.ts parses: optional '-', digits, optional '.' and digits. */
export const decimalPattern = /^-?\d{1,15}(\.\d{1,10})?$/
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/
export const isoDateTimePattern =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** '-', 15 digits, '.', 10 digits. */
export const DECIMAL_LENGTH = 27
/** An ISO date and time with nanoseconds and an offset, with room to spare. */
export const DATE_TIME_LENGTH = 40

export const decimalString = (): Schema<string> =>
  string({ pattern: decimalPattern, patternName: 'a decimal number', longest: DECIMAL_LENGTH })
export const isoDate = (): Schema<string> =>
  string({ pattern: isoDatePattern, patternName: 'a date (YYYY-MM-DD)', longest: 10 })
export const isoDateTime = (): Schema<string> =>
  string({
    pattern: isoDateTimePattern,
    patternName: 'an ISO date and time',
    longest: DATE_TIME_LENGTH,
  })
export const id = (): Schema<string> => string({ min: 1, max: 200 })
const text = (max = 1000): Schema<string> => string({ max })

export const addressSchema: Schema<Address> = object({
  name: optional(text(200)),
  line1: text(250),
  line2: optional(text(250)),
  line3: optional(text(250)),
  city: text(80),
  stateOrProvince: optional(text(50)),
  postalCode: optional(text(20)),
  country: optional(text(80)),
  countryCode: optional(
    string({ pattern: /^[A-Z]{2}$/, patternName: 'a two-letter country code such as DE' }),
  ),
})

export const paymentTermsSchema = (): Schema<PaymentTerms> => oneOf(PAYMENT_TERM_CODES)

export const emailStatusSchema: Schema<EmailStatus> = object({
  state: oneOf(EMAIL_STATES),
  to: string({ min: 3, max: 320 }),
  at: isoDateTime(),
  reason: optional(text(1000)),
  messageId: id(),
})

export const discountListSnapshotSchema: Schema<DiscountListSnapshot> = object({
  type: oneOf(['percentage', 'amount']),
  bands: array(object({ from: decimalString(), to: decimalString(), value: decimalString() })),
})

export const pricingSnapshotSchema: Schema<PricingSnapshot> = object({
  pricingPrecision: int({ min: 0, max: 4 }),
  currencyPrecision: int({ min: 0, max: 4 }),
  discountMethod: oneOf(['lineItem', 'perUnit']),
  rounding: oneOf(['halfEven', 'halfUp']),
})

/** A VAT category and rate; whether the rate fits the category is priceDocument's check (the server reprices). */
export const vatRateSchema: Schema<VatRate> = object({
  category: oneOf(VAT_CATEGORIES),
  rate: decimalString(),
})

export const vatBreakdownSchema: Schema<VatBreakdownEntry[]> = array(
  object({
    category: oneOf(VAT_CATEGORIES),
    rate: decimalString(),
    taxableAmount: decimalString(),
    taxAmount: decimalString(),
  }),
  { max: 100 },
)

export const lineSchema: Schema<DocumentLine> = refine(
  object({
    id: id(),
    productId: optional(id()),
    productName: text(500),
    isWriteIn: boolean(),
    unitId: optional(id()),
    description: optional(text(2000)),
    quantity: decimalString(),
    pricePerUnit: decimalString(),
    priceOverridden: boolean(),
    manualDiscount: decimalString(),
    tax: decimalString(),
    discountList: optional(discountListSnapshotSchema),
    vat: optional(vatRateSchema),
    volumeDiscount: decimalString(),
    amount: decimalString(),
    manualDiscountAmount: decimalString(),
    extendedAmount: decimalString(),
    sourceLineId: optional(id()),
  }),
  // A line is either a catalog product in a unit, or a write-in, whose price is always its own.
  (l) =>
    l.isWriteIn ? l.priceOverridden && l.productId === undefined : !!l.productId && !!l.unitId,
  'must be a catalog product with a unit, or a write-in with an overridden price',
)

const totalsShape = {
  detailAmount: decimalString(),
  lineItemDiscountAmount: decimalString(),
  discountPercentAmount: decimalString(),
  totalDiscountAmount: decimalString(),
  preFreightAmount: decimalString(),
  freightAmount: decimalString(),
  totalTax: decimalString(),
  totalAmount: decimalString(),
}
export const totalsSchema: Schema<DocumentTotals> = object(totalsShape)

export const historyEntrySchema: Schema<HistoryEntry> = object({
  at: isoDateTime(),
  by: id(),
  role: oneOf(['rep', 'integration', 'admin']),
  command: string({ min: 1, max: 50 }),
  changes: array(
    object({
      field: text(500),
      from: nullable(union([string(), int(), boolean()])),
      to: nullable(union([string(), int(), boolean()])),
    }),
  ),
})

const salesShape = {
  id: id(),
  updatedAt: isoDateTime(),
  name: string({ min: 1, max: 300 }),
  description: optional(text(2000)),
  customerId: id(),
  contactId: optional(id()),
  ownerId: id(),
  priceListId: id(),
  currencyCode: string({ min: 3, max: 3 }),
  exchangeRate: decimalString(),
  pricing: pricingSnapshotSchema,
  lines: array(lineSchema, { max: 1000 }),
  totals: totalsSchema,
  baseTotals: totalsSchema,
}

const headerShape = {
  billTo: addressSchema,
  shipTo: addressSchema,
  discountPercent: decimalString(),
  discountAmount: decimalString(),
  freightAmount: decimalString(),
  taxMode: optional(oneOf(['typed', 'vat'])),
  freightVat: optional(vatRateSchema),
  vatBreakdown: optional(vatBreakdownSchema),
  number: string({ min: 1, max: 100 }),
  pricesLocked: boolean(),
  createdAt: isoDateTime(),
  createdBy: id(),
  history: array(historyEntrySchema),
}

export const opportunitySchema: Schema<Opportunity> = object({
  ...salesShape,
  kind: oneOf(['opportunity']),
})

function uniqueLineIds(doc: { lines: DocumentLine[] }): boolean {
  return new Set(doc.lines.map((l) => l.id)).size === doc.lines.length
}

export const invoiceSchema: Schema<Invoice> = refine(
  refine(
    object({
      ...salesShape,
      ...headerShape,
      kind: oneOf(['invoice']),
      state: oneOf(['active', 'paid', 'canceled']),
      status: oneOf(Object.keys(INVOICE_STATUSES) as (keyof typeof INVOICE_STATUSES)[]),
      orderId: optional(id()),
      opportunityId: optional(id()),
      invoiceDate: optional(isoDate()),
      dueDate: optional(isoDate()),
      dateDelivered: optional(isoDate()),
      paymentTerms: optional(paymentTermsSchema()),
      email: optional(emailStatusSchema),
    }),
    (doc) => INVOICE_STATUSES[doc.status].state === doc.state,
    'status does not belong to the state',
  ),
  uniqueLineIds,
  'line ids must be unique',
)

export const orderSchema: Schema<Order> = refine(
  refine(
    object({
      ...salesShape,
      ...headerShape,
      kind: oneOf(['order']),
      state: oneOf(['active', 'submitted', 'canceled', 'fulfilled', 'invoiced']),
      status: oneOf(Object.keys(ORDER_STATUSES) as (keyof typeof ORDER_STATUSES)[]),
      opportunityId: optional(id()),
      requestedDeliveryDate: optional(isoDate()),
      paymentTerms: optional(paymentTermsSchema()),
    }),
    (doc) => ORDER_STATUSES[doc.status].state === doc.state,
    'status does not belong to the state',
  ),
  uniqueLineIds,
  'line ids must be unique',
)

/** The longest reason a void keeps. */
export const VOID_REASON_MAX = 500

const ledgerBase = {
  id: id(),
  updatedAt: isoDateTime(),
  invoiceId: id(),
  customerId: id(),
  date: isoDate(),
  recordedAt: isoDateTime(),
  recordedBy: id(),
}

const moneyMovement = {
  ...ledgerBase,
  amount: decimalString(),
  currencyCode: string({ min: 3, max: 3 }),
  method: oneOf(['cash', 'check', 'card', 'bankTransfer', 'other']),
  reference: optional(text(200)),
}

/** A record of the payments ledger: a payment, a void of one, or a refund (types.ts `LedgerEntry`). */
export const paymentSchema: Schema<LedgerEntry> = union([
  object({ ...moneyMovement, kind: literal('payment') }),
  object({ ...moneyMovement, kind: literal('refund') }),
  object({
    ...ledgerBase,
    kind: literal('void'),
    voidsPaymentId: id(),
    reason: string({ min: 1, max: VOID_REASON_MAX }),
  }),
])
