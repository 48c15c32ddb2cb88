import { describe, expect, it } from 'vitest'
import { PricingError } from './index'
import { errorOf } from './test-support/error-of'

describe('PricingError', () => {
  it('names line and field in its message', () => {
    const e = new PricingError('must not be negative', 'manualDiscount', 2)
    expect(e.message).toBe('line 2, manualDiscount: must not be negative')
    expect(e).toMatchObject({ name: 'PricingError', line: 2, field: 'manualDiscount' })
    expect(new PricingError('must be an object', 'input').message).toBe('input: must be an object')
    expect(new PricingError('must be an object', '', 3).message).toBe('line 3: must be an object')
    expect(new PricingError('x', 'freightAmount').line).toBeUndefined()
  })
})

describe('bad header, settings or document input throws a PricingError naming the field', () => {
  it.each([
    // Header, settings, document
    [
      'discount percent over 100',
      { header: { discountPercent: '100.01' }, lines: [] },
      undefined,
      'discountPercent',
      'between 0 and 100',
    ],
    [
      'discount percent negative',
      { header: { discountPercent: '-1' }, lines: [] },
      undefined,
      'discountPercent',
      'between 0 and 100',
    ],
    [
      'negative header discount',
      { header: { discountAmount: '-0.01' }, lines: [] },
      undefined,
      'discountAmount',
      'negative',
    ],
    [
      'negative freight',
      { header: { freightAmount: '-5' }, lines: [] },
      undefined,
      'freightAmount',
      'negative',
    ],
    [
      'exchange rate 0',
      { header: { exchangeRate: '0' }, lines: [] },
      undefined,
      'exchangeRate',
      'greater than 0',
    ],
    [
      'exchange rate negative',
      { header: { exchangeRate: '-1.5' }, lines: [] },
      undefined,
      'exchangeRate',
      'greater than 0',
    ],
    ['header not an object', { header: [], lines: [] }, undefined, 'header', 'must be an object'],
    [
      'settings not an object',
      { settings: 'x', lines: [] },
      undefined,
      'settings',
      'must be an object',
    ],
    [
      'precision 5',
      { settings: { pricingPrecision: 5 }, lines: [] },
      undefined,
      'pricingPrecision',
      '0 to 4',
    ],
    [
      'precision -1',
      { settings: { currencyPrecision: -1 }, lines: [] },
      undefined,
      'currencyPrecision',
      '0 to 4',
    ],
    [
      'precision 2.5',
      { settings: { currencyPrecision: 2.5 }, lines: [] },
      undefined,
      'currencyPrecision',
      '0 to 4',
    ],
    [
      'precision "2.5"',
      { settings: { pricingPrecision: '2.5' }, lines: [] },
      undefined,
      'pricingPrecision',
      '0 to 4',
    ],
    [
      'precision NaN',
      { settings: { pricingPrecision: Number.NaN }, lines: [] },
      undefined,
      'pricingPrecision',
      '0 to 4',
    ],
    [
      'precision a boolean',
      { settings: { pricingPrecision: true }, lines: [] },
      undefined,
      'pricingPrecision',
      '0 to 4',
    ],
    [
      'unknown discount method',
      { settings: { discountMethod: 'each' }, lines: [] },
      undefined,
      'discountMethod',
      'one of',
    ],
    [
      'unknown rounding',
      { settings: { rounding: 'halfDown' }, lines: [] },
      undefined,
      'rounding',
      'one of',
    ],
    ['lines missing', {}, undefined, 'lines', 'must be an array'],
    ['input null', null, undefined, 'input', 'must be an object'],
    ['input a string', 'lines', undefined, 'input', 'must be an object'],
  ])('%s', (_name, input, line, field, message) => {
    const error = errorOf(input)
    expect(error.line).toBe(line)
    expect(error.field).toBe(field)
    expect(error.message).toContain(message)
  })

  it('ignores inherited properties, so a crafted prototype cannot supply a price', () => {
    const line = Object.create({ pricePerUnit: '10' }) as Record<string, unknown>
    line.quantity = '1'
    expect(errorOf({ lines: [line] })).toMatchObject({ line: 1, field: 'catalog' })
  })
})
