import { describe, expect, it } from 'vitest'
import { priceDocument, type PriceDocumentInput } from './index'
import { errorOf } from './test-support/error-of'

const line = (extra: object) => ({ quantity: '1', pricePerUnit: '10', ...extra })
const vatDoc = (lines: object[], header: object = {}): PriceDocumentInput =>
  ({ settings: { taxMode: 'vat' }, header, lines }) as PriceDocumentInput

describe('VAT mode refuses what it cannot tax, naming the line and field', () => {
  it.each([
    ['no vat', [line({})], 1, 'vat', 'is required in VAT mode'],
    ['vat not an object', [line({ vat: 'S' })], 1, 'vat', 'must be an object'],
    [
      'an unknown category',
      [line({ vat: { category: 'X', rate: '0' } })],
      1,
      'vat.category',
      'must be one of',
    ],
    ['no rate', [line({ vat: { category: 'S' } })], 1, 'vat.rate', 'is required'],
    [
      'a rate as a number',
      [line({ vat: { category: 'S', rate: 19 } })],
      1,
      'vat.rate',
      'decimal string',
    ],
    [
      'three decimals',
      [line({ vat: { category: 'S', rate: '19.125' } })],
      1,
      'vat.rate',
      'at most 2 decimals',
    ],
    [
      'a rate over 100',
      [line({ vat: { category: 'S', rate: '100.01' } })],
      1,
      'vat.rate',
      'between 0 and 100',
    ],
    [
      'a negative rate',
      [line({ vat: { category: 'Z', rate: '-1' } })],
      1,
      'vat.rate',
      'between 0 and 100',
    ],
    [
      'standard at 0',
      [line({ vat: { category: 'S', rate: '0' } })],
      1,
      'vat.rate',
      'above 0 for category S',
    ],
    [
      'Canary Islands at 0',
      [line({ vat: { category: 'L', rate: '0.00' } })],
      1,
      'vat.rate',
      'above 0',
    ],
    [
      'exempt with a rate',
      [line({ vat: { category: 'E', rate: '7' } })],
      1,
      'vat.rate',
      'must be 0 for category E',
    ],
    [
      'reverse charge with a rate',
      [line({ vat: { category: 'AE', rate: '19' } })],
      1,
      'vat.rate',
      'must be 0',
    ],
    [
      'a typed tax',
      [line({ vat: { category: 'S', rate: '19' }, tax: '1.90' })],
      1,
      'tax',
      'must be absent or 0',
    ],
    [
      'the second line',
      [line({ vat: { category: 'S', rate: '19' } }), line({ vat: { category: 'K', rate: '1' } })],
      2,
      'vat.rate',
      'must be 0 for category K',
    ],
  ])('%s', (_name, lines, lineNo, fieldName, reason) => {
    const error = errorOf(vatDoc(lines))
    expect(error.line).toBe(lineNo)
    expect(error.field).toBe(fieldName)
    expect(error.reason).toContain(reason)
    expect(error.message).toContain(`line ${lineNo}, ${fieldName}: `)
  })

  it('freight without its VAT, or with a wrong one', () => {
    const lines = [line({ vat: { category: 'S', rate: '19' } })]
    expect(errorOf(vatDoc(lines, { freightAmount: '5' })).field).toBe('freightVat')
    expect(errorOf(vatDoc(lines, { freightAmount: '5' })).line).toBeUndefined()
    expect(
      errorOf(vatDoc(lines, { freightAmount: '5', freightVat: { category: 'S', rate: '0' } }))
        .field,
    ).toBe('freightVat.rate')
  })

  it('an unknown tax mode', () => {
    expect(errorOf({ settings: { taxMode: 'gst' }, lines: [] }).field).toBe('taxMode')
  })

  it('accepts a zero tax, no freight VAT without freight, and ignores vat in typed mode', () => {
    const ok = priceDocument(vatDoc([line({ vat: { category: 'S', rate: '19' }, tax: '0.00' })]))
    expect(ok.totals.totalTax).toBe('1.90')
    const typed = priceDocument({ lines: [line({ vat: { category: 'X' }, tax: '1' })] })
    expect(typed.totals.totalTax).toBe('1.00')
    expect(typed.vatBreakdown).toBeUndefined()
  })

  it('puts freight alone in its group, and a document with no lines and no freight has no groups', () => {
    const freightOnly = priceDocument(
      vatDoc([], { freightAmount: '10', freightVat: { category: 'S', rate: '19' } }),
    )
    expect(freightOnly.vatBreakdown).toEqual([
      { category: 'S', rate: '19.00', taxableAmount: '10.00', taxAmount: '1.90' },
    ])
    expect(freightOnly.totals.totalAmount).toBe('11.90')
    expect(priceDocument(vatDoc([])).vatBreakdown).toEqual([])
  })
})
