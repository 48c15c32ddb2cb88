/**
 * The one pricing function every screen, the PDF, the sync server and reports use (docs/money.md).
 *
 * @example
 * priceDocument({ lines: [{ quantity: '11', pricePerUnit: '100.00', manualDiscount: '10.00' }] })
 *   .totals.totalAmount // '1090.00'
 */
import { add, divide, formatDecimal, mul, roundDecimal, sub, ZERO, type Decimal } from '@core/money'
import { priceLine, type LineMoney } from './price-line'
import { readDocument, type DocumentSpec, type HeaderSpec, type SettingsSpec } from './read-input'
import { HUNDRED } from './read-values'
import type { PriceDocumentInput, PriceDocumentResult, PricedLine, PricingTotals } from './types'
import { vatGroups, type VatGroup } from './vat'

export { PricingError } from './errors'
export { VAT_CATEGORIES } from './read-vat'
export { PRICING_METHODS } from './read-catalog'
export type * from './types'

/** Base currency totals are kept at 4 decimals whatever the document's currency precision. */
const BASE_PLACES = 4

type Totals = Record<keyof PricingTotals, Decimal>

/**
 * Prices a document: every line, the header totals, and the totals in base currency.
 *
 * @param input - the document; checked at runtime as well, because it may arrive from IPC or the network
 * @returns every money field as a decimal string with exactly its precision's decimals
 * @throws PricingError naming the line (1-based) and field of the first bad input; never returns a wrong number
 * @example
 * priceDocument({
 *   settings: { discountMethod: 'perUnit' },
 *   lines: [{ quantity: '11', pricePerUnit: '100', manualDiscount: '10' }],
 * }).lines[0].manualDiscountApplied // '110.00'
 */
export function priceDocument(input: PriceDocumentInput): PriceDocumentResult {
  const { settings, header, lines } = readDocument(input)
  const priced = lines.map((line) => priceLine(line, settings))
  const totals = headerTotals(priced, header, settings)
  const { currencyPrecision: places, pricingPrecision, rounding: mode } = settings
  const groups =
    settings.taxMode === 'vat' ? vatTotals(totals, priced, lines, header, settings) : []
  const result: PriceDocumentResult = {
    lines: priced.map((line): PricedLine => ({
      pricePerUnit: formatDecimal(line.pricePerUnit, pricingPrecision, mode),
      volumeDiscount: formatDecimal(line.volumeDiscount, places, mode),
      amount: formatDecimal(line.amount, places, mode),
      manualDiscountApplied: formatDecimal(line.manualDiscountApplied, places, mode),
      extendedAmount: formatDecimal(line.extendedAmount, places, mode),
    })),
    totals: mapTotals(totals, (value) => formatDecimal(value, places, mode)),
    base: mapTotals(totals, (value) =>
      formatDecimal(divide(value, header.exchangeRate, BASE_PLACES, mode), BASE_PLACES, mode),
    ),
  }
  if (settings.taxMode === 'vat') {
    result.vatBreakdown = groups.map((g) => ({
      category: g.category,
      rate: formatDecimal(g.rate, 2),
      taxableAmount: formatDecimal(g.taxableAmount, places, mode),
      taxAmount: formatDecimal(g.taxAmount, places, mode),
    }))
  }
  return result
}

/**
 * VAT mode: tax is the sum of the groups' taxes (vat.md, Header), so totalTax and totalAmount are replaced in
 * `totals`; the other six totals are as in typed mode, since every line's tax is 0 there.
 */
function vatTotals(
  totals: Totals,
  priced: readonly LineMoney[],
  lines: DocumentSpec['lines'],
  header: HeaderSpec,
  settings: SettingsSpec,
): VatGroup[] {
  const groups = vatGroups(
    {
      lines: priced.map((line, i) => {
        const vat = lines[i]?.vat
        /* c8 ignore next */ if (!vat) throw new Error('a VAT-mode line was read without its VAT')
        return { net: line.extendedAmount, vat }
      }),
      detailAmount: totals.detailAmount,
      allowance: add(totals.discountPercentAmount, header.discountAmount),
      freightAmount: header.freightAmount,
      ...(header.freightVat ? { freightVat: header.freightVat } : {}),
    },
    settings,
  )
  let totalTax = roundDecimal(ZERO, settings.currencyPrecision)
  for (const group of groups) totalTax = add(totalTax, group.taxAmount)
  totals.totalTax = totalTax
  totals.totalAmount = add(add(totals.preFreightAmount, totals.freightAmount), totalTax)
  return groups
}

function headerTotals(
  lines: readonly LineMoney[],
  header: HeaderSpec,
  settings: SettingsSpec,
): Totals {
  const { currencyPrecision: places, rounding: mode } = settings
  let detailAmount = roundDecimal(ZERO, places)
  let lineItemDiscountAmount = detailAmount
  let totalTax = detailAmount
  for (const line of lines) {
    detailAmount = add(detailAmount, sub(line.extendedAmount, line.tax))
    lineItemDiscountAmount = add(lineItemDiscountAmount, line.manualDiscount)
    totalTax = add(totalTax, line.tax)
  }
  // Percentage first, on the full detail amount; then the amount discount (spec, header formulas).
  const discountPercentAmount = divide(
    mul(detailAmount, header.discountPercent),
    HUNDRED,
    places,
    mode,
  )
  const { discountAmount, freightAmount } = header
  const preFreightAmount = sub(sub(detailAmount, discountPercentAmount), discountAmount)
  return {
    detailAmount,
    lineItemDiscountAmount,
    discountPercentAmount,
    totalDiscountAmount: add(add(lineItemDiscountAmount, discountPercentAmount), discountAmount),
    preFreightAmount,
    freightAmount,
    totalTax,
    totalAmount: add(add(preFreightAmount, freightAmount), totalTax),
  }
}

/** The eight header totals, in the order of the spec; the same keys appear in `totals` and `base`. */
export const TOTAL_KEYS: readonly (keyof PricingTotals)[] = [
  'detailAmount',
  'lineItemDiscountAmount',
  'discountPercentAmount',
  'totalDiscountAmount',
  'preFreightAmount',
  'freightAmount',
  'totalTax',
  'totalAmount',
]

function mapTotals(totals: Totals, format: (value: Decimal) => string): PricingTotals {
  const out = {} as PricingTotals
  for (const key of TOTAL_KEYS) out[key] = format(totals[key])
  return out
}
