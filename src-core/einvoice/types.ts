/**
 * What an e-invoice needs besides the invoice itself: who sells and who buys, as EN 16931 names them. The
 * company's settings and the customer hold these; the caller maps them here, so this module depends on no store.
 */
import type { VatCategory } from '@core/pricing'

/** A postal address; `countryCode` is ISO 3166-1 alpha-2 ('DE', 'FR'). */
export interface EInvoiceAddress {
  line1?: string
  line2?: string
  line3?: string
  city?: string
  postalCode?: string
  /** State, province or region. */
  subdivision?: string
  countryCode?: string
}

/**
 * An electronic address (EN 16931 BT-34 / BT-49) with its scheme from the EAS code list: 'EM' an email address,
 * '0204' a German Leitweg-ID, '9930' a German VAT number, '0088' a GLN, ...
 */
export interface ElectronicAddress {
  scheme: string
  value: string
}

export interface EInvoiceSeller {
  /** The registered legal name. */
  legalName?: string
  /** The VAT identifier with its country prefix, e.g. 'DE123456789'. */
  vatId?: string
  /** The company register number; needed when no VAT ID may be shown (not subject to VAT). */
  legalRegistrationId?: string
  address?: EInvoiceAddress
  electronicAddress?: ElectronicAddress
  contact?: { name?: string; phone?: string; email?: string }
  /** Where the buyer pays: written as a SEPA credit transfer when given. */
  bankAccount?: { iban: string; bic?: string; accountName?: string }
}

export interface EInvoiceBuyer {
  name?: string
  vatId?: string
  address?: EInvoiceAddress
  electronicAddress?: ElectronicAddress
  /** The buyer's own reference (BT-10); German public buyers require their Leitweg-ID here. */
  buyerReference?: string
  /** Where the goods went, if not the buyer's address (intra-community supplies need its country). */
  deliverTo?: EInvoiceAddress
}

export interface EInvoiceParties {
  seller: EInvoiceSeller
  buyer: EInvoiceBuyer
}

/** Options of the export; every one has a sensible default. */
export interface EInvoiceOptions {
  /**
   * The reason printed for categories that charge no VAT (E, AE, K, G, O); EN 16931 requires one. Defaults are
   * the plain reasons with their VATEX codes (e.g. AE: 'Reverse charge', VATEX-EU-AE).
   */
  exemptionReasons?: Partial<Record<VatCategory, string>>
  /** UN/ECE Recommendation 20 unit code of every line; default 'C62' (one). */
  unitCode?: string
  /** Payment terms in words (BT-20), e.g. 'Net 30 days'; written when the invoice has no due date too. */
  paymentTerms?: string
  /** Already paid (BT-113), at the invoice's currency precision; default none. */
  paidAmount?: string
}

/** One thing an invoice lacks before it can be a valid e-invoice: the field, and what to do, in plain words. */
export interface MissingItem {
  /** A stable path the UI can put the message next to, e.g. 'buyer.vatId', 'invoice.taxMode'. */
  field: string
  /** What is missing, e.g. 'buyer VAT ID'. */
  label: string
}
