/**
 * Price per unit of a Use Default line: the price list item's pricing method, then its rounding policy, then
 * pricingPrecision (docs/money.md, a line, step 1). The method's result is kept as an exact ratio, because a margin
 * price (cost × 100 / (100 − pct)) is usually not a finite decimal and must not be rounded twice.
 */
import { pow10, roundDecimal, roundRatio, type Decimal, type RoundingMode } from '@core/money'
import type { CatalogSpec, PriceListRoundingSpec } from './read-catalog'

/** An exact rational number; `den` is always positive. */
export interface Ratio {
  num: bigint
  den: bigint
}

/**
 * The price per unit a price list item gives, at `places` decimals.
 *
 * @param catalog - the checked price list item
 * @param places - pricingPrecision
 * @param mode - the document's rounding for the final step to pricingPrecision
 * @example
 * // percentOfList 100 % of 217.39, rounded up to end in .00, 2 decimals → 218.00
 */
export function catalogPricePerUnit(
  catalog: CatalogSpec,
  places: number,
  mode: RoundingMode,
): Decimal {
  const price = methodPrice(catalog)
  if (catalog.rounding === null) {
    return { units: roundRatio(price.num * pow10(places), price.den, mode), scale: places }
  }
  return roundDecimal(applyPriceListRounding(price, catalog.rounding), places, mode)
}

function methodPrice({ method, base, percentage: pct }: CatalogSpec): Ratio {
  const baseDen = pow10(base.scale)
  // pct as an integer over 10^pct.scale, and 100 on the same scale.
  const pctDen = pow10(pct.scale)
  const hundred = 100n * pctDen
  switch (method) {
    case 'currencyAmount':
      return { num: base.units, den: baseDen }
    case 'percentOfList':
      return { num: base.units * pct.units, den: baseDen * hundred }
    case 'markupCurrentCost':
    case 'markupStandardCost':
      return { num: base.units * (hundred + pct.units), den: baseDen * hundred }
    case 'marginCurrentCost':
    case 'marginStandardCost':
      // Reading the input guarantees pct < 100, so the denominator is positive.
      return { num: base.units * hundred, den: baseDen * (hundred - pct.units) }
  }
}

/**
 * Rounds p to a point of a grid k·step + offset: multipleOf A is the grid k·A; endsIn A is the grid k·M + A,
 * M the smallest power of ten (1, 10, 100, …) strictly greater than A. With x = (p − offset) / step, the
 * policies are up = ceil(x), down = floor(x) and nearest = floor(x + ½): ties go up in both options, as the
 * spec says for endsIn and for multipleOf ("round-half-up").
 */
export function applyPriceListRounding(p: Ratio, rounding: PriceListRoundingSpec): Decimal {
  const { amount } = rounding
  const step = rounding.option === 'multipleOf' ? amount : smallestPowerOfTenAbove(amount)
  const offset = rounding.option === 'multipleOf' ? 0n : amount.units
  // Put p, offset and step on one denominator: p.den · 10^amount.scale (step.scale ≤ amount.scale).
  const scale = pow10(amount.scale)
  const stepUnits = step.units * pow10(amount.scale - step.scale)
  const xNum = p.num * scale - offset * p.den
  const xDen = p.den * stepUnits
  const k =
    rounding.policy === 'up'
      ? roundRatio(xNum, xDen, 'ceiling')
      : rounding.policy === 'down'
        ? roundRatio(xNum, xDen, 'floor')
        : roundRatio(2n * xNum + xDen, 2n * xDen, 'floor')
  return { units: k * stepUnits + offset, scale: amount.scale }
}

/** M for endsIn: the smallest power of ten with a non-negative exponent that is strictly greater than A. */
function smallestPowerOfTenAbove(a: Decimal): Decimal {
  let exponent = 0
  while (pow10(exponent + a.scale) <= a.units) exponent++
  return { units: pow10(exponent), scale: 0 }
}
