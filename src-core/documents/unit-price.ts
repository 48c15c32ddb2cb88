/**
 * What one unit of a catalog product costs on a price list before any volume discount: the price per unit a new
 * Use Default line would get. Computed by `priceDocument` (the one pricing function) on a one-unit line, so a
 * price by percentage, markup or margin reads exactly as it will on the line.
 */
import { priceDocument, PricingError } from '@core/pricing'
import type { CatalogPriceInfo } from './catalog'
import type { PricingSnapshot } from './types'

/**
 * @param price - the price list item's pricing inputs (a catalog entry's `price`)
 * @param pricing - the document's pricing rules
 * @returns the price per unit as a decimal string, or undefined when the item cannot be priced (e.g. a
 *   percentage of a list price the product does not have)
 * @example
 * catalogUnitPrice({ pricingMethod: 'percentOfList', percentage: '90', listPrice: '200' }, pricing) // '180.00'
 */
export function catalogUnitPrice(
  price: CatalogPriceInfo,
  pricing: PricingSnapshot,
): string | undefined {
  const { pricingPrecision, currencyPrecision, discountMethod, rounding } = pricing
  try {
    const result = priceDocument({
      settings: { pricingPrecision, currencyPrecision, discountMethod, rounding },
      lines: [{ quantity: '1', manualDiscount: '0', tax: '0', catalog: price }],
    })
    return result.lines[0]?.pricePerUnit
  } catch (e) {
    if (e instanceof PricingError) return undefined
    throw e
  }
}
