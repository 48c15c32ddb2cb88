import { describe, expect, it } from 'vitest'
import { errorOf } from './test-support/error-of'

const ok = { quantity: '1', pricePerUnit: '10' }
const item = { pricingMethod: 'percentOfList', listPrice: '10', percentage: '50' }
/** A document whose second line is `line`. */
const withLine = (line: unknown) => ({ lines: [ok, line] })
const withCatalog = (catalog: unknown) => withLine({ quantity: '1', catalog })
const withRounding = (rounding: unknown) => withCatalog({ ...item, rounding })
const withBands = (type: string, bands: unknown) =>
  withLine({ quantity: '1', catalog: item, discountList: { type, bands } })

describe('bad line input throws a PricingError naming line and field', () => {
  it.each([
    // Lines
    [
      'quantity not a number',
      withLine({ quantity: 'abc', pricePerUnit: '1' }),
      2,
      'quantity',
      'not a decimal',
    ],
    ['quantity missing', withLine({ pricePerUnit: '1' }), 2, 'quantity', 'is required'],
    [
      'quantity a JSON number',
      withLine({ quantity: 1, pricePerUnit: '1' }),
      2,
      'quantity',
      'got number',
    ],
    [
      'quantity absurd',
      withLine({ quantity: '1'.repeat(16), pricePerUnit: '1' }),
      2,
      'quantity',
      '15 integer',
    ],
    [
      'quantity with exponent',
      withLine({ quantity: '1e2', pricePerUnit: '1' }),
      2,
      'quantity',
      'not a decimal',
    ],
    [
      'negative manual discount',
      withLine({ ...ok, manualDiscount: '-1' }),
      2,
      'manualDiscount',
      'negative',
    ],
    [
      'tiny negative manual discount',
      withLine({ ...ok, manualDiscount: '-0.001' }),
      2,
      'manualDiscount',
      'negative',
    ],
    ['tax not a number', withLine({ ...ok, tax: '1,5' }), 2, 'tax', 'not a decimal'],
    [
      'price not a number',
      withLine({ quantity: '1', pricePerUnit: 'ten' }),
      2,
      'pricePerUnit',
      'not a decimal',
    ],
    ['both price sources', withLine({ ...ok, catalog: item }), 2, 'pricePerUnit', 'not both'],
    ['neither price source', withLine({ quantity: '1' }), 2, 'catalog', 'no price'],
    ['line not an object', withLine('x'), 2, '', 'must be an object'],
    ['line an array', withLine([]), 2, '', 'must be an object'],
    // Catalog
    ['catalog not an object', withCatalog(5), 2, 'catalog', 'must be an object'],
    [
      'unknown pricing method',
      withCatalog({ ...item, pricingMethod: 'magic' }),
      2,
      'catalog.pricingMethod',
      'one of',
    ],
    [
      'missing list price',
      withCatalog({ pricingMethod: 'percentOfList', percentage: '5' }),
      2,
      'catalog.listPrice',
      'required',
    ],
    [
      'missing amount',
      withCatalog({ pricingMethod: 'currencyAmount' }),
      2,
      'catalog.amount',
      'required',
    ],
    [
      'missing current cost',
      withCatalog({ pricingMethod: 'marginCurrentCost', percentage: '5' }),
      2,
      'catalog.currentCost',
      'required',
    ],
    [
      'missing standard cost',
      withCatalog({ pricingMethod: 'markupStandardCost', percentage: '5' }),
      2,
      'catalog.standardCost',
      'required',
    ],
    [
      'missing percentage',
      withCatalog({ pricingMethod: 'percentOfList', listPrice: '5' }),
      2,
      'catalog.percentage',
      'required',
    ],
    [
      'negative percentage',
      withCatalog({ ...item, percentage: '-5' }),
      2,
      'catalog.percentage',
      'negative',
    ],
    [
      'margin of 100 %',
      withCatalog({ pricingMethod: 'marginCurrentCost', currentCost: '5', percentage: '100' }),
      2,
      'catalog.percentage',
      'less than 100',
    ],
    [
      'margin over 100 %',
      withCatalog({ pricingMethod: 'marginStandardCost', standardCost: '5', percentage: '150.5' }),
      2,
      'catalog.percentage',
      'less than 100',
    ],
    [
      'garbage in an unused field',
      withCatalog({ ...item, standardCost: 'n/a' }),
      2,
      'catalog.standardCost',
      'not a decimal',
    ],
    ['rounding not an object', withRounding('up'), 2, 'catalog.rounding', 'must be an object'],
    [
      'unknown rounding policy',
      withRounding({ policy: 'sideways', option: 'endsIn', amount: '1' }),
      2,
      'catalog.rounding.policy',
      'one of',
    ],
    [
      'unknown rounding option',
      withRounding({ policy: 'up', option: 'near', amount: '1' }),
      2,
      'catalog.rounding.option',
      'one of',
    ],
    [
      'rounding amount missing',
      withRounding({ policy: 'up', option: 'endsIn' }),
      2,
      'catalog.rounding.amount',
      'required',
    ],
    [
      'multipleOf 0',
      withRounding({ policy: 'up', option: 'multipleOf', amount: '0.00' }),
      2,
      'catalog.rounding.amount',
      'greater than 0',
    ],
    [
      'negative rounding amount',
      withRounding({ policy: 'down', option: 'endsIn', amount: '-1' }),
      2,
      'catalog.rounding.amount',
      'negative',
    ],
    // Discount list
    ['discount list type', withBands('free', []), 2, 'discountList.type', 'one of'],
    ['bands not an array', withBands('amount', {}), 2, 'discountList.bands', 'must be an array'],
    [
      'band not an object',
      withBands('amount', [7]),
      2,
      'discountList.bands[0]',
      'must be an object',
    ],
    [
      'band value missing',
      withBands('amount', [{ from: '1', to: '2' }]),
      2,
      'discountList.bands[0].value',
      'required',
    ],
    [
      'band to below from',
      withBands('amount', [{ from: '5', to: '2', value: '1' }]),
      2,
      'discountList.bands[0].to',
      'less than from',
    ],
    [
      'band percent over 100',
      withBands('percentage', [{ from: '1', to: '2', value: '101' }]),
      2,
      'discountList.bands[0].value',
      'between 0 and 100',
    ],
    [
      'band amount negative',
      withBands('amount', [{ from: '1', to: '2', value: '-1' }]),
      2,
      'discountList.bands[0].value',
      'negative',
    ],
    [
      'overlapping bands',
      withBands('amount', [
        { from: '10', to: '20', value: '1' },
        { from: '1', to: '10', value: '2' },
      ]),
      2,
      'discountList.bands[1]',
      'overlaps',
    ],
  ])('%s', (_name, input, line, field, message) => {
    const error = errorOf(input)
    expect(error.line).toBe(line)
    expect(error.field).toBe(field)
    expect(error.message).toContain(message)
  })
})
