/**
 * The commands a user (or the back office) issues on orders and invoices, the context they run in, and what a
 * rule answers: the new document, or a refusal whose reason a rep can read. Commands are plain JSON, so the same
 * command can be validated on the desktop and again on the sync server.
 */
import type { Catalog } from './catalog'
import type {
  Actor,
  Address,
  DecimalString,
  DocumentLine,
  Id,
  IsoDate,
  IsoDateTime,
  Opportunity,
  LedgerEntry,
  PaymentMethod,
  PaymentTerms,
  VatRate,
} from './types'

/** Header fields a user may change; each key present is a change, `null` clears an optional field. */
export interface HeaderChanges {
  name?: string
  description?: string | null
  contactId?: Id | null
  billTo?: Address
  shipTo?: Address
  discountPercent?: DecimalString
  discountAmount?: DecimalString
  freightAmount?: DecimalString
  priceListId?: Id
  paymentTerms?: PaymentTerms | null
  /** VAT mode: the VAT of the freight (`null` removes it). */
  freightVat?: VatRate | null
}

export interface InvoiceHeaderChanges extends HeaderChanges {
  invoiceDate?: IsoDate | null
  dueDate?: IsoDate | null
  dateDelivered?: IsoDate | null
}

export interface OrderHeaderChanges extends HeaderChanges {
  requestedDeliveryDate?: IsoDate | null
}

/** What the mail sender reports about an invoice's email (see `EmailStatus`). */
export interface EmailStatusInput {
  state: 'queued' | 'sent' | 'failed'
  to: string
  at: IsoDateTime
  reason?: string
  messageId: Id
}

/** Fields of a line a user may change besides its price (see `changePrice`). */
export interface LineChanges {
  quantity?: DecimalString
  manualDiscount?: DecimalString
  tax?: DecimalString
  unitId?: Id
  description?: string | null
  /** VAT mode: the line's VAT category and rate. */
  vat?: VatRate
}

/** Commands shared by orders and invoices. Line and payment ids come with the command so a replay is identical. */
export type ContentCommand<H extends HeaderChanges = HeaderChanges> =
  | { type: 'editHeader'; changes: H }
  | {
      type: 'addLine'
      lineId: Id
      productId: Id
      unitId: Id
      quantity: DecimalString
      manualDiscount?: DecimalString
      tax?: DecimalString
      description?: string
      /** VAT mode: the line's VAT category and rate (the product's default, as the screens propose). */
      vat?: VatRate
    }
  | {
      type: 'addWriteIn'
      lineId: Id
      productName: string
      pricePerUnit: DecimalString
      quantity: DecimalString
      manualDiscount?: DecimalString
      tax?: DecimalString
      description?: string
      vat?: VatRate
    }
  | { type: 'editLine'; lineId: Id; changes: LineChanges }
  /** Override the price per unit, or `null` to go back to the price list's price (Use Default). */
  | { type: 'changePrice'; lineId: Id; pricePerUnit: DecimalString | null }
  | { type: 'removeLine'; lineId: Id }
  /** Undo of Remove: the removed line back at its place, exactly as it was (a locked price included). */
  | { type: 'restoreLine'; line: DocumentLine; index: number }
  | { type: 'lockPricing' }
  | { type: 'useCurrentPricing' }

export interface PaymentInput {
  id: Id
  date: IsoDate
  amount: DecimalString
  method: PaymentMethod
  reference?: string
}

/** Money given back: the same fields as a payment. */
export type RefundInput = PaymentInput

export interface VoidInput {
  /** The id of the void record itself. */
  id: Id
  /** The payment recorded by mistake. */
  paymentId: Id
  date: IsoDate
  reason: string
}

export type InvoiceCommand =
  | ContentCommand<InvoiceHeaderChanges>
  | { type: 'getProducts'; opportunity: Opportunity }
  | {
      type: 'setStatusReason'
      status: 'new' | 'partiallyShipped' | 'billed' | 'booked' | 'installed'
    }
  | { type: 'recordPayment'; payment: PaymentInput }
  | { type: 'voidPayment'; void: VoidInput }
  | { type: 'recordRefund'; refund: RefundInput }
  | { type: 'invoicePaid' }
  | { type: 'cancelInvoice' }
  | { type: 'reactivate' }
  /** The mail sender's report; allowed in every state to every role, as it does not change the content. */
  | { type: 'recordEmailStatus'; email: EmailStatusInput }

export type OrderCommand =
  | ContentCommand<OrderHeaderChanges>
  | { type: 'setStatusReason'; status: 'new' | 'pending' }
  | { type: 'submitOrder' }
  /** Dynamics closes an order as fulfilled Complete, or Partial when only part was delivered. */
  | { type: 'fulfillOrder'; partial?: boolean }
  | { type: 'cancelOrder' }
  | { type: 'markInvoiced' }

/** Everything a rule may know besides the document and the command; rules never read a clock or a random source. */
export interface CommandContext {
  actor: Actor
  at: IsoDateTime
  /** The current catalog, used when an unlocked document is (re)priced. */
  catalog: Catalog
  /** Ids for lines copied in bulk (Get Products, Create Invoice). */
  newId: () => Id
}

export interface InvoiceContext extends CommandContext {
  /** The ledger entries (payments, voids, refunds) recorded on this invoice so far (others are ignored). */
  payments: readonly LedgerEntry[]
}

export type RefusalCode =
  | 'readOnly'
  | 'notPermitted'
  | 'invalidTransition'
  | 'pricesLocked'
  | 'invalidValue'
  | 'lineNotFound'
  | 'duplicateId'
  | 'noPrice'
  | 'productRetired'
  | 'nonPositivePayment'
  | 'overpayment'
  | 'paymentNotFound'
  | 'alreadyVoided'
  | 'overRefund'
  | 'noPaymentRecorded'
  | 'hasPayments'
  | 'totalBelowPaid'
  | 'pricingError'
  | 'wrongDocument'

export interface Refusal {
  code: RefusalCode
  /** A sentence a rep can read, e.g. "This invoice is paid and read-only. Reactivate it to make changes." */
  reason: string
}

export type Refused = { ok: false; refusal: Refusal }

/**
 * What every rule returns. `payment` is the new ledger record of an accepted recordPayment, voidPayment or
 * recordRefund.
 */
export type CommandResult<D> = { ok: true; document: D; payment?: LedgerEntry } | Refused

/** Shorthand used throughout the rules. */
export function refuse(code: RefusalCode, reason: string): Refused {
  return { ok: false, refusal: { code, reason } }
}
