/**
 * The contract of `priceDocument` (see docs/money.md). Every number in and out is a decimal string, so a
 * document survives JSON, IPC and the sync server without ever becoming a float.
 */
import type { RoundingMode } from '@core/money'

export type DiscountMethod = 'lineItem' | 'perUnit'

export type PricingMethod =
  | 'currencyAmount'
  | 'percentOfList'
  | 'markupCurrentCost'
  | 'marginCurrentCost'
  | 'markupStandardCost'
  | 'marginStandardCost'

/**
 * How tax is computed: `typed`, an amount per line as Dynamics does (the default), or `vat`, from a VAT category
 * and rate per line, per category on the net after document discounts, as EN 16931 e-invoices require.
 */
export type TaxMode = 'typed' | 'vat'

/**
 * The VAT categories of EN 16931 (UNCL 5305): S standard, Z zero rated, E exempt, AE reverse charge, K
 * intra-community supply, G export outside the EU, O not subject to VAT, L Canary Islands, M Ceuta and Melilla.
 */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O' | 'L' | 'M'

/** A line's (or freight's) VAT: its category and its rate in percent, a decimal string 0–100 with ≤ 2 decimals. */
export interface VatRate {
  category: VatCategory
  rate: string
}

export type RoundingPolicy = 'none' | 'up' | 'down' | 'nearest'
export type RoundingOption = 'endsIn' | 'multipleOf'

/** Per-company settings, snapshotted into each document. Precisions may be given as 0..4 or '0'..'4'. */
export interface PricingSettings {
  /** Decimals of the price per unit; default 2. */
  pricingPrecision?: number | string
  /** Decimals of every other money field; default 2. */
  currencyPrecision?: number | string
  /** Manual discount taken once per line, or per unit; default lineItem. */
  discountMethod?: DiscountMethod
  /** default halfEven */
  rounding?: RoundingMode
  /** default typed */
  taxMode?: TaxMode
}

export interface PricingHeader {
  /** 0..100; default 0. */
  discountPercent?: string
  /** ≥ 0; default 0. */
  discountAmount?: string
  /** ≥ 0; default 0. */
  freightAmount?: string
  /** Units of document currency per 1 base unit, > 0; default 1. */
  exchangeRate?: string
  /** VAT mode: the VAT of the freight; required when freightAmount > 0. */
  freightVat?: VatRate
}

/** The price list item's rounding. For policy 'none', option and amount may be omitted. */
export interface PriceListRounding {
  policy: RoundingPolicy
  option?: RoundingOption
  amount?: string
}

/** The price list item of (price list, product, unit) a Use Default line is priced from. */
export interface CatalogPrice {
  pricingMethod: PricingMethod
  amount?: string
  percentage?: string
  listPrice?: string
  currentCost?: string
  standardCost?: string
  rounding?: PriceListRounding
}

/** One inclusive quantity band: from ≤ quantity ≤ to. */
export interface DiscountBand {
  from: string
  to: string
  value: string
}

export interface DiscountList {
  type: 'percentage' | 'amount'
  bands: readonly DiscountBand[]
}

export interface PricingLineInput {
  quantity: string
  manualDiscount?: string
  tax?: string
  /** Override, write-in or locked price; give exactly one of pricePerUnit and catalog. */
  pricePerUnit?: string
  catalog?: CatalogPrice
  discountList?: DiscountList
  /** VAT mode: required; typed mode ignores it. */
  vat?: VatRate
}

export interface PriceDocumentInput {
  settings?: PricingSettings
  header?: PricingHeader
  lines: readonly PricingLineInput[]
}

export interface PricedLine {
  pricePerUnit: string
  volumeDiscount: string
  amount: string
  manualDiscountApplied: string
  extendedAmount: string
}

export interface PricingTotals {
  detailAmount: string
  lineItemDiscountAmount: string
  discountPercentAmount: string
  totalDiscountAmount: string
  preFreightAmount: string
  freightAmount: string
  totalTax: string
  totalAmount: string
}

/** One VAT group of a VAT-mode document: its category and rate, what is taxed and the tax. */
export interface VatBreakdownEntry {
  category: VatCategory
  /** Exactly 2 decimals, e.g. '19.00'. */
  rate: string
  /** At currencyPrecision: the group's net, less its share of the allowance, plus freight if it is the freight's. */
  taxableAmount: string
  taxAmount: string
}

export interface PriceDocumentResult {
  lines: PricedLine[]
  /** At currencyPrecision. */
  totals: PricingTotals
  /** The same totals in the company's base currency, at 4 decimals. */
  base: PricingTotals
  /** VAT mode only: one entry per (category, rate), category ascending then rate descending. */
  vatBreakdown?: VatBreakdownEntry[]
}
