import { describe, expect, test } from 'vitest'
import { headerProblems, HEADER_TEXT_LIMITS } from './header-rules'
import { readValue } from './values'
import type { PricingSnapshot } from './types'

const pricing: PricingSnapshot = {
  pricingPrecision: 2,
  currencyPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
}

describe('headerProblems', () => {
  test('an empty header names every missing field at once, in the order of the form', () => {
    expect(headerProblems({ name: '  ' })).toEqual([
      { path: 'name', kind: 'required' },
      { path: 'customerId', kind: 'required' },
      { path: 'priceListId', kind: 'required' },
      { path: 'currencyCode', kind: 'required' },
    ])
  })

  test('a complete header has none', () => {
    const header = { name: 'March', customerId: 'c1', priceListId: 'p1', currencyCode: 'USD' }
    expect(headerProblems(header)).toEqual([])
  })

  test('texts over their limit, a Due Date before the Invoice Date and a long city come together', () => {
    const problems = headerProblems({
      name: 'x'.repeat(5000),
      customerId: 'c1',
      priceListId: 'p1',
      currencyCode: 'USD',
      invoiceDate: '2025-03-10',
      dueDate: '2025-03-01',
      billTo: { line1: 'Main St 1', city: 'y'.repeat(81) },
    })
    expect(problems).toEqual([
      { path: 'name', kind: 'tooLong', max: HEADER_TEXT_LIMITS.name },
      { path: 'dueDate', kind: 'beforeInvoiceDate' },
      { path: 'billTo.city', kind: 'tooLong', max: 80 },
    ])
  })
})

describe('line limits', () => {
  test('a quantity or price too large for an amount is refused in words, either sign', () => {
    expect(readValue('999999999999999', 'quantity', 'Quantity', pricing)).toMatchObject({
      ok: false,
      refusal: { reason: 'Quantity is too large: at most 999999.' },
    })
    expect(readValue('-1000000', 'quantity', 'Quantity', pricing).ok).toBe(false)
    expect(readValue('999999', 'quantity', 'Quantity', pricing)).toEqual({
      ok: true,
      value: '999999',
    })
    expect(readValue('1000000000', 'pricePerUnit', 'Price Per Unit', pricing).ok).toBe(false)
  })
})
