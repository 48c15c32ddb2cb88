/**
 * The plain data of Fieldbill: customers, the catalog, opportunities, orders, invoices, payments and the company's
 * settings. Every type here is JSON as it is stored in RxDB and sent to the sync server: no classes, no Dates, no
 * numbers for money. Money and quantities are decimal strings ("1090.00", "2.5"); instants are ISO 8601 strings.
 *
 * Rules live elsewhere (lifecycle.ts, invoice-commands.ts, ...); this file only says what a document is.
 */
import type {
  DiscountBand,
  DiscountList as PricingDiscountList,
  PricingMethod,
  RoundingOption,
  RoundingPolicy,
  TaxMode,
  VatBreakdownEntry,
  VatCategory,
  VatRate,
} from '@core/pricing'
import type { BankAccount, ElectronicAddress, VatCategorySetting } from './vat-settings'

// The pricing contract's own names, so a document's catalog data is exactly what priceDocument reads.
export type { DiscountBand, PricingMethod, TaxMode, VatBreakdownEntry, VatCategory, VatRate }
export type { BankAccount, ElectronicAddress, VatCategorySetting }

/** An exact decimal number as text, e.g. "1090.00", "-2.5", "0". Never a JS number. */
export type DecimalString = string
/** An ISO 8601 instant, e.g. "2025-03-01T09:30:00.000Z". */
export type IsoDateTime = string
/** An ISO 8601 calendar date, e.g. "2025-03-01". */
export type IsoDate = string
/** A record id: unique within its collection, generated on the device that creates the record. */
export type Id = string

/** Fields every stored record carries, so sync can order and compare revisions. */
export interface RecordBase {
  id: Id
  updatedAt: IsoDateTime
}

// ---------------------------------------------------------------------------------------------------------------
// Customers

export interface Address {
  name?: string
  line1: string
  line2?: string
  line3?: string
  city: string
  stateOrProvince?: string
  postalCode?: string
  country?: string
  /** ISO 3166-1 alpha-2 (DE, FR, US): what an e-invoice needs beside the country's name. */
  countryCode?: string
}

export interface Contact {
  id: Id
  firstName: string
  lastName: string
  email?: string
  phone?: string
  jobTitle?: string
}

/** A Dynamics account. Reps see the customers they own (`ownerId`); the integration role sees all. */
export interface Customer extends RecordBase {
  name: string
  accountNumber?: string
  ownerId: Id
  email?: string
  phone?: string
  primaryContactId?: Id
  contacts: Contact[]
  billTo: Address
  shipTo: Address
  /** The customer's default price list and currency, proposed for new documents. */
  priceListId?: Id
  currencyCode?: string
  /** The buyer's VAT ID with its country prefix, printed and put in e-invoices. */
  vatId?: string
  /** Where the buyer receives e-invoices. */
  electronicAddress?: ElectronicAddress
  /** The buyer reference the customer asks for on every invoice (a German public buyer's Leitweg-ID). */
  buyerReference?: string
}

// ---------------------------------------------------------------------------------------------------------------
// Catalog

/** A unit of measure inside its group; `quantity` is how many base units it holds (a Box of 12). */
export interface Unit {
  id: Id
  name: string
  quantity: DecimalString
  baseUnitId?: Id
}

/** Units live inside their group: they are always read and changed together. */
export interface UnitGroup extends RecordBase {
  name: string
  primaryUnitId: Id
  units: Unit[]
}

export interface Product extends RecordBase {
  productNumber: string
  name: string
  description?: string
  unitGroupId: Id
  defaultUnitId: Id
  listPrice?: DecimalString
  standardCost?: DecimalString
  currentCost?: DecimalString
  /** Retired products stay on old documents but cannot be added to new lines. */
  retired: boolean
  /** The company's VAT category a new line of this product takes in VAT mode (`VatCategorySetting.id`). */
  vatCategoryId?: Id
}

export interface PriceRounding {
  policy: RoundingPolicy
  option: RoundingOption
  amount: DecimalString
}

export interface PriceList extends RecordBase {
  name: string
  currencyCode: string
  validFrom?: IsoDate
  validTo?: IsoDate
}

/** The price of one product in one unit on one price list (a Box price is its own item). */
export interface PriceListItem extends RecordBase {
  priceListId: Id
  productId: Id
  unitId: Id
  pricingMethod: PricingMethod
  amount?: DecimalString
  percentage?: DecimalString
  rounding?: PriceRounding
  discountListId?: Id
}

/** What a line keeps of a discount list, so volume discounts follow quantity even while prices are locked. */
export type DiscountListSnapshot = PricingDiscountList

export interface DiscountList extends RecordBase, DiscountListSnapshot {
  name: string
}

// ---------------------------------------------------------------------------------------------------------------
// Company settings

export interface CurrencySetting {
  code: string
  name: string
  symbol: string
  /** Units of this currency per 1 unit of the base currency. */
  exchangeRate: DecimalString
  /** Decimals of every money field but price per unit, 0..4. */
  precision: number
}

/** The pricing rules in force when a document was created; each document keeps its own copy. */
export interface PricingSnapshot {
  pricingPrecision: number
  currencyPrecision: number
  discountMethod: 'lineItem' | 'perUnit'
  rounding: 'halfEven' | 'halfUp'
}

/** How document numbers look: `{ prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 }` → INV-01001-X7K2Q9. */
export interface NumberFormat {
  prefix: string
  separator: string
  padding: number
  suffixLength: number
}

/** A company logo as stored in the settings record: at most 256 KiB once decoded (record-schemas.ts). */
export interface CompanyLogo {
  mediaType: 'image/png' | 'image/jpeg'
  /** The image file, base64 encoded (no `data:` prefix). */
  dataBase64: string
}

export interface CompanyProfile {
  name: string
  address: Address
  email?: string
  phone?: string
  taxId?: string
  /** Printed on invoices. */
  logo?: CompanyLogo
  /** The registered name, when it differs from the trading name above (EN 16931 BT-27). */
  legalName?: string
  /** The seller's VAT ID with its country prefix (BT-31). */
  vatId?: string
  /** Where the company receives e-invoices (BT-34). */
  electronicAddress?: ElectronicAddress
  /** Where customers pay by credit transfer: printed and put in e-invoices. */
  bankAccount?: BankAccount
}

export interface CompanySettings extends RecordBase {
  profile: CompanyProfile
  baseCurrencyCode: string
  currencies: CurrencySetting[]
  pricingPrecision: number
  discountMethod: 'lineItem' | 'perUnit'
  rounding: 'halfEven' | 'halfUp'
  numbering: { invoice: NumberFormat; order: NumberFormat }
  /** How tax is computed on new documents; absent means 'typed'. Each document keeps its own. */
  taxMode?: TaxMode
  /** The VAT categories lines and products choose from in VAT mode. */
  vatCategories?: VatCategorySetting[]
}

// ---------------------------------------------------------------------------------------------------------------
// Lines, history, totals

/**
 * A product line inside an opportunity, order or invoice. Either a catalog line (`productId` and `unitId`) or a
 * write-in (`isWriteIn`, a typed `productName`, always an overridden price).
 */
export interface DocumentLine {
  id: Id
  productId?: Id
  /** The catalog name at the time the line was priced, or the typed name of a write-in. */
  productName: string
  isWriteIn: boolean
  unitId?: Id
  description?: string
  quantity: DecimalString
  pricePerUnit: DecimalString
  priceOverridden: boolean
  manualDiscount: DecimalString
  tax: DecimalString
  /** The discount list of the price list item the line was last priced from. */
  discountList?: DiscountListSnapshot
  /** VAT mode: the line's VAT category and rate (its `tax` is then 0). Ignored in typed mode. */
  vat?: VatRate
  // Computed by priceDocument after every accepted change; never typed by a user.
  volumeDiscount: DecimalString
  amount: DecimalString
  manualDiscountAmount: DecimalString
  extendedAmount: DecimalString
  /** The order or opportunity line this one was copied from. */
  sourceLineId?: Id
}

export interface DocumentTotals {
  detailAmount: DecimalString
  lineItemDiscountAmount: DecimalString
  discountPercentAmount: DecimalString
  totalDiscountAmount: DecimalString
  preFreightAmount: DecimalString
  freightAmount: DecimalString
  totalTax: DecimalString
  totalAmount: DecimalString
}

export type HistoryValue = string | number | boolean | null

export interface FieldChange {
  /** A dotted path; lines are named by id, e.g. `lines[L7].quantity`. */
  field: string
  from: HistoryValue
  to: HistoryValue
}

/** One accepted command: who did what, when. */
export interface HistoryEntry {
  at: IsoDateTime
  by: Id
  role: ActorRole
  command: string
  changes: FieldChange[]
}

export type ActorRole = 'rep' | 'integration' | 'admin'

/** Who issues a command. The integration role is the back office (ERP) that may change submitted orders. */
export interface Actor {
  userId: Id
  role: ActorRole
}

// ---------------------------------------------------------------------------------------------------------------
// Opportunities, orders, invoices

/** What opportunities, orders and invoices share: a customer, a price list, money settings and lines. */
export interface SalesDocumentBase extends RecordBase {
  name: string
  description?: string
  customerId: Id
  contactId?: Id
  ownerId: Id
  priceListId: Id
  currencyCode: string
  /** Units of the document currency per 1 base unit, copied when the document was created. */
  exchangeRate: DecimalString
  pricing: PricingSnapshot
  lines: DocumentLine[]
  totals: DocumentTotals
  /** The totals in the company's base currency, at 4 decimals. */
  baseTotals: DocumentTotals
}

/** Dynamics' opportunity Status: Open while it is worked on, then closed as Won or Lost. */
export type OpportunityState = 'open' | 'won' | 'lost'

export interface Opportunity extends SalesDocumentBase {
  kind: 'opportunity'
  /** Absent on opportunities made before it existed, which are open. */
  state?: OpportunityState
  /** Est. Close Date: when the rep expects it to be won or lost. */
  estimatedCloseDate?: IsoDate
}

/** The header fields a user types on orders and invoices. */
export interface OrderInvoiceHeader {
  billTo: Address
  shipTo: Address
  discountPercent: DecimalString
  discountAmount: DecimalString
  freightAmount: DecimalString
  /**
   * How this document's tax is computed, fixed when it is created from the company's setting, so a company
   * that changes mode never changes its existing documents. Absent means 'typed' (documents made before VAT mode).
   */
  taxMode?: TaxMode
  /** VAT mode: the VAT of the freight, required when there is freight. */
  freightVat?: VatRate
  /** VAT mode: the tax per (category, rate), computed by priceDocument with the totals; absent in typed mode. */
  vatBreakdown?: VatBreakdownEntry[]
}

/** Dynamics' Payment Terms option set; labels in PAYMENT_TERMS (header-fields.ts). */
export type PaymentTerms = 'net30' | 'net45' | 'net60' | '2pct10net30'

/**
 * The last known state of the invoice's email to the customer, recorded by `recordEmailStatus`. Not content:
 * it changes in every state, paid and canceled included.
 */
export interface EmailStatus {
  state: 'queued' | 'sent' | 'failed'
  /** The address the invoice was (or is being) sent to. */
  to: string
  /** When the state was reached. */
  at: IsoDateTime
  /** Why sending failed (state 'failed'). */
  reason?: string
  /** The mail's id: repeats of the same state for the same message are ignored. */
  messageId: string
}

export type InvoiceState = 'active' | 'paid' | 'canceled'
export type InvoiceStatus =
  | 'new'
  | 'partiallyShipped'
  | 'billed'
  | 'booked'
  | 'installed'
  | 'complete'
  | 'partial'
  | 'canceled'

export interface Invoice extends SalesDocumentBase, OrderInvoiceHeader {
  kind: 'invoice'
  /** Assigned at creation (numbering.ts) and never changed. */
  number: string
  state: InvoiceState
  status: InvoiceStatus
  pricesLocked: boolean
  orderId?: Id
  opportunityId?: Id
  /** Invoice Date: the day the invoice is issued (Create Invoice sets today). */
  invoiceDate?: IsoDate
  dueDate?: IsoDate
  dateDelivered?: IsoDate
  paymentTerms?: PaymentTerms
  email?: EmailStatus
  createdAt: IsoDateTime
  createdBy: Id
  history: HistoryEntry[]
}

export type OrderState = 'active' | 'submitted' | 'canceled' | 'fulfilled' | 'invoiced'
export type OrderStatus =
  'new' | 'pending' | 'inProgress' | 'noMoney' | 'complete' | 'partial' | 'invoiced'

export interface Order extends SalesDocumentBase, OrderInvoiceHeader {
  kind: 'order'
  number: string
  state: OrderState
  status: OrderStatus
  pricesLocked: boolean
  opportunityId?: Id
  requestedDeliveryDate?: IsoDate
  paymentTerms?: PaymentTerms
  createdAt: IsoDateTime
  createdBy: Id
  history: HistoryEntry[]
}

export type PaymentMethod = 'cash' | 'check' | 'card' | 'bankTransfer' | 'other'

/**
 * The payments ledger: entries are never edited or deleted. A **payment** is money received; a **void** marks one
 * payment as a mistake (it no longer counts); a **refund** is money given back. Each entry is its own record, so
 * two devices recording offline never overwrite each other, and the balance is derived from all of them.
 */
export type LedgerKind = 'payment' | 'void' | 'refund'

interface LedgerEntryBase extends RecordBase {
  kind: LedgerKind
  invoiceId: Id
  customerId: Id
  /** The day the money moved (payment, refund) or the mistake was found (void). */
  date: IsoDate
  recordedAt: IsoDateTime
  recordedBy: Id
}

/** Money received on an invoice. */
export interface Payment extends LedgerEntryBase {
  kind: 'payment'
  amount: DecimalString
  currencyCode: string
  method: PaymentMethod
  reference?: string
}

/** Money given back to the customer on an invoice. */
export interface Refund extends LedgerEntryBase {
  kind: 'refund'
  amount: DecimalString
  currencyCode: string
  method: PaymentMethod
  reference?: string
}

/** A payment recorded by mistake: it stays in the ledger, marked, and no longer counts. */
export interface PaymentVoid extends LedgerEntryBase {
  kind: 'void'
  voidsPaymentId: Id
  reason: string
}

/** One record of the payments collection. */
export type LedgerEntry = Payment | Refund | PaymentVoid
