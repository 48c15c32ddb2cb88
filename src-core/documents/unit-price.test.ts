import { describe, expect, it } from 'vitest'
import { catalogUnitPrice } from './unit-price'
import type { PricingSnapshot } from './types'

const pricing: PricingSnapshot = {
  pricingPrecision: 2,
  currencyPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
}

describe('catalogUnitPrice', () => {
  it('gives an amount as it is, at the pricing precision', () => {
    expect(catalogUnitPrice({ pricingMethod: 'currencyAmount', amount: '12.5' }, pricing)).toBe(
      '12.50',
    )
  })

  it('prices a percentage of the list price', () => {
    const price = { pricingMethod: 'percentOfList', percentage: '90', listPrice: '200' } as const
    expect(catalogUnitPrice(price, pricing)).toBe('180.00')
  })

  it('prices a markup and a margin on cost', () => {
    expect(
      catalogUnitPrice(
        { pricingMethod: 'markupCurrentCost', percentage: '25', currentCost: '80' },
        pricing,
      ),
    ).toBe('100.00')
    expect(
      catalogUnitPrice(
        { pricingMethod: 'marginStandardCost', percentage: '20', standardCost: '80' },
        pricing,
      ),
    ).toBe('100.00')
  })

  it('applies the price list rounding', () => {
    const price = {
      pricingMethod: 'percentOfList',
      percentage: '100',
      listPrice: '217.39',
      rounding: { policy: 'up', option: 'endsIn', amount: '0.00' },
    } as const
    expect(catalogUnitPrice(price, pricing)).toBe('218.00')
  })

  it('gives no price when the item cannot be priced', () => {
    expect(catalogUnitPrice({ pricingMethod: 'percentOfList', percentage: '90' }, pricing)).toBe(
      undefined,
    )
  })
})
