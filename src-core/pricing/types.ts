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

export interface PriceDocumentResult {
  lines: PricedLine[]
  /** At currencyPrecision. */
  totals: PricingTotals
  /** The same totals in the company's base currency, at 4 decimals. */
  base: PricingTotals
}
