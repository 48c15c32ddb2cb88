import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceDocument, PricingError, type PriceDocumentInput } from './index'
import { canonicalDecimal } from './test-support/decimal-reference'
import { errorOf } from './test-support/error-of'

type Json = Record<string, unknown>

/**
 * Valid documents to break: simpler than the generators of properties.test.ts, since only the broken line
 * matters, but with both price sources, returns, fractional quantities and every setting.
 */
const amount = (scale: number, min = 0n) =>
  fc.bigInt({ min, max: 10n ** 8n }).map((units) => canonicalDecimal(units, scale))
const validLine = fc
  .record(
    {
      quantity: amount(3, -(10n ** 6n)),
      manualDiscount: amount(2),
      tax: amount(2, -(10n ** 6n)),
      source: fc.oneof(
        amount(4, -(10n ** 8n)).map((pricePerUnit) => ({ pricePerUnit })),
        amount(2).map((price) => ({ catalog: { pricingMethod: 'currencyAmount', amount: price } })),
      ),
    },
    { requiredKeys: ['quantity', 'source'] },
  )
  .map(({ source, ...line }) => ({ ...line, ...source }))
const documentArb = fc.record({
  settings: fc.record({
    pricingPrecision: fc.nat({ max: 4 }),
    currencyPrecision: fc.nat({ max: 4 }),
    discountMethod: fc.constantFrom('lineItem', 'perUnit'),
    rounding: fc.constantFrom('halfEven', 'halfUp'),
  }),
  lines: fc.array(validLine, { maxLength: 12 }),
}) as fc.Arbitrary<PriceDocumentInput>

/** Ways to break one line; each must make priceDocument throw for that line. */
const LINE_CORRUPTIONS: readonly ((line: Json) => Json)[] = [
  ...['', 'abc', '1e5', '+1', ' 1', '1,0', '1.', '.5', '0x10', 'Infinity', '1'.repeat(16)].map(
    (bad) => (line: Json) => ({ ...line, quantity: bad }),
  ),
  (line) => ({ ...line, quantity: 5 }),
  (line) => ({ ...line, quantity: undefined }),
  (line) => ({ ...line, tax: '0.00000000001' }),
  (line) => ({ ...line, manualDiscount: '-0.01' }),
  (line) => ({
    ...line,
    pricePerUnit: '1',
    catalog: { pricingMethod: 'currencyAmount', amount: '1' },
  }),
  (line) => ({ ...line, pricePerUnit: undefined, catalog: undefined }),
  (line) => ({
    ...line,
    pricePerUnit: undefined,
    catalog: { pricingMethod: 'marginStandardCost', standardCost: '1', percentage: '100' },
  }),
  (line) => ({
    ...line,
    pricePerUnit: undefined,
    catalog: {
      pricingMethod: 'percentOfList',
      listPrice: '1',
      percentage: '1',
      rounding: { policy: 'nearest', option: 'multipleOf', amount: '0' },
    },
  }),
  (line) => ({
    ...line,
    pricePerUnit: undefined,
    catalog: { pricingMethod: 'bogus', amount: '1' },
  }),
  (line) => ({
    ...line,
    discountList: { type: 'percentage', bands: [{ from: '1', to: '2', value: '101' }] },
  }),
  () => 'not a line' as unknown as Json,
]

/** Ways to break the header or settings. */
const DOCUMENT_CORRUPTIONS: readonly ((doc: Json) => Json)[] = [
  (doc) => ({ ...doc, header: { discountPercent: '100.5' } }),
  (doc) => ({ ...doc, header: { discountPercent: '-1' } }),
  (doc) => ({ ...doc, header: { freightAmount: '-1' } }),
  (doc) => ({ ...doc, header: { discountAmount: 'ten' } }),
  (doc) => ({ ...doc, header: { exchangeRate: '0' } }),
  (doc) => ({ ...doc, settings: { pricingPrecision: 5 } }),
  (doc) => ({ ...doc, settings: { currencyPrecision: 1.5 } }),
  (doc) => ({ ...doc, settings: { rounding: 'up' } }),
  (doc) => ({ ...doc, lines: 'none' }),
]

describe('bad input always throws a PricingError, never returns', () => {
  it('for a broken line anywhere in a valid document, naming that line', () => {
    const arb = documentArb
      .filter((doc) => doc.lines.length > 0)
      .chain((doc) =>
        fc.record({
          doc: fc.constant(doc),
          index: fc.nat({ max: doc.lines.length - 1 }),
          corrupt: fc.constantFrom(...LINE_CORRUPTIONS),
        }),
      )
    fc.assert(
      fc.property(arb, ({ doc, index, corrupt }) => {
        const lines = doc.lines.map((line, i) => (i === index ? corrupt({ ...line }) : line))
        expect(errorOf({ ...doc, lines }).line).toBe(index + 1)
      }),
      { numRuns: 1000 },
    )
  })

  it('for a broken header or settings, naming no line', () => {
    const arb = fc.tuple(documentArb, fc.constantFrom(...DOCUMENT_CORRUPTIONS))
    fc.assert(
      fc.property(arb, ([doc, corrupt]) => {
        expect(errorOf(corrupt(doc as PriceDocumentInput & Json)).line).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })

  it('for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Only a value that happens to be a valid document may return; fc.jsonValue never makes one with
        // a string quantity and a string price, so anything with lines must be empty to pass.
        try {
          const result = errorOf(value)
          expect(result.name).toBe('PricingError')
        } catch (e) {
          expect(String(e)).toContain('returned instead of throwing')
          expect((value as { lines?: unknown[] }).lines).toEqual([])
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('for documents of the right shape with random values: a result or a PricingError, nothing else', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom('1', '-2.5', '0', '100', '12.345'))
    const catalog = fc.record(
      {
        pricingMethod: fc.oneof(value, fc.constantFrom('currencyAmount', 'percentOfList')),
        amount: value,
        percentage: value,
        listPrice: value,
        rounding: fc.record({ policy: value, option: value, amount: value }),
      },
      { requiredKeys: [] },
    )
    const line = fc.record(
      { quantity: value, pricePerUnit: value, manualDiscount: value, tax: value, catalog },
      { requiredKeys: [] },
    )
    const header = fc.record({ discountPercent: value, exchangeRate: value }, { requiredKeys: [] })
    fc.assert(
      fc.property(fc.record({ header, lines: fc.array(line, { maxLength: 3 }) }), (doc) => {
        try {
          priceDocument(doc as PriceDocumentInput)
        } catch (e) {
          expect(e).toBeInstanceOf(PricingError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
