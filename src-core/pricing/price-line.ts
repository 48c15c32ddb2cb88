/**
 * One line's money (docs/money.md, a line, steps 1 to 6): price per unit, volume discount, amount, manual discount
 * applied and extended amount. Each stored field is rounded once, when it is produced.
 */
import { add, compare, divide, mul, roundDecimal, sub, ZERO, type Decimal } from '@core/money'
import { catalogPricePerUnit } from './catalog-price'
import type { DiscountListSpec, LineSpec, SettingsSpec } from './read-input'
import { HUNDRED } from './read-values'

export interface LineMoney {
  pricePerUnit: Decimal
  volumeDiscount: Decimal
  amount: Decimal
  manualDiscountApplied: Decimal
  extendedAmount: Decimal
  /** As entered (rounded to currency precision), for the header's lineItemDiscountAmount. */
  manualDiscount: Decimal
  tax: Decimal
}

/**
 * Prices one checked line.
 *
 * @param line - the line, already read and checked
 * @param settings - the document's settings
 * @example
 * // quantity 11, PPU 100.00, manual discount 10.00 (lineItem) → amount 1100.00, extended 1090.00
 */
export function priceLine(line: LineSpec, settings: SettingsSpec): LineMoney {
  const { currencyPrecision: places, rounding: mode } = settings
  const { quantity, manualDiscount, tax, source } = line
  const pricePerUnit =
    'catalog' in source
      ? catalogPricePerUnit(source.catalog, settings.pricingPrecision, mode)
      : source.pricePerUnit
  // Spec: volume discounts apply only to Use Default lines; write-in and overridden lines get 0.
  const volumeDiscount =
    'catalog' in source && line.discountList !== undefined
      ? volumeDiscountPerUnit(line.discountList, quantity, pricePerUnit, places, mode)
      : roundDecimal(ZERO, places)
  const amount = roundDecimal(mul(sub(pricePerUnit, volumeDiscount), quantity), places, mode)
  const manualDiscountApplied =
    settings.discountMethod === 'perUnit'
      ? roundDecimal(mul(manualDiscount, quantity), places, mode)
      : manualDiscount
  // Amount, discount and tax are all at currency precision already, so this rounding never changes a value;
  // it stays so the formula reads as the spec's round_c(Amount − manual discount applied + tax).
  const extendedAmount = roundDecimal(add(sub(amount, manualDiscountApplied), tax), places, mode)
  return {
    pricePerUnit,
    volumeDiscount,
    amount,
    manualDiscountApplied,
    extendedAmount,
    manualDiscount,
    tax,
  }
}

/**
 * Volume discount per unit from the first band with from ≤ quantity ≤ to (bands never overlap, reading the
 * input checks that). Percentage: round_c(PPU × pct / 100), a (decided) rule of the spec; amount: the value.
 */
function volumeDiscountPerUnit(
  list: DiscountListSpec,
  quantity: Decimal,
  pricePerUnit: Decimal,
  places: number,
  mode: SettingsSpec['rounding'],
): Decimal {
  const band = list.bands.find(
    (b) => compare(b.from, quantity) <= 0 && compare(quantity, b.to) <= 0,
  )
  if (band === undefined) return roundDecimal(ZERO, places)
  if (list.type === 'amount') return band.value
  return divide(mul(pricePerUnit, band.value), HUNDRED, places, mode)
}
