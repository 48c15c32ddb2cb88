import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  priceDocument,
  TOTAL_KEYS,
  type CatalogPrice,
  type DiscountList,
  type PriceDocumentInput,
  type PricingHeader,
  type PricingLineInput,
  type PricingSettings,
  type PricingTotals,
} from './index'
import {
  canonicalDecimal,
  referenceQuotient,
  referenceRound,
} from './test-support/decimal-reference'

// Generators of valid input covering every option of the contract: both price sources, every pricing
// method and rounding, discount lists, returns, fractional quantities and every precision.

/** A canonical decimal string with up to `whole` integer digits and up to `places` decimals. */
function decimalString(whole: number, places: number, signed = false): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: places }).chain((scale) => {
    const max = 10n ** BigInt(whole + scale) - 1n
    return fc
      .bigInt({ min: signed ? -max : 0n, max })
      .map((units) => canonicalDecimal(units, scale))
  })
}

const money = decimalString(6, 4)
const percent = fc.oneof(decimalString(2, 2), fc.constant('100'), fc.constant('0'))

const settingsArb: fc.Arbitrary<PricingSettings> = fc.record(
  {
    pricingPrecision: fc.integer({ min: 0, max: 4 }),
    currencyPrecision: fc.integer({ min: 0, max: 4 }),
    discountMethod: fc.constantFrom('lineItem', 'perUnit'),
    rounding: fc.constantFrom('halfEven', 'halfUp'),
  },
  { requiredKeys: [] },
)

const headerArb: fc.Arbitrary<PricingHeader> = fc.record(
  {
    discountPercent: percent,
    discountAmount: money,
    freightAmount: money,
    exchangeRate: decimalString(3, 6).filter((t) => /[1-9]/.test(t)),
  },
  { requiredKeys: [] },
)

const roundingArb = fc.oneof(
  fc.record({
    policy: fc.constantFrom('up', 'down', 'nearest'),
    option: fc.constant('multipleOf'),
    amount: decimalString(2, 2).filter((t) => /[1-9]/.test(t)),
  }),
  fc.record({
    policy: fc.constantFrom('up', 'down', 'nearest'),
    option: fc.constant('endsIn'),
    amount: decimalString(2, 2),
  }),
  fc.constant({ policy: 'none' }),
)

const catalogArb: fc.Arbitrary<CatalogPrice> = fc.oneof(
  fc.record({ pricingMethod: fc.constant('currencyAmount'), amount: money }),
  fc.record(
    {
      pricingMethod: fc.constantFrom(
        'percentOfList',
        'markupCurrentCost',
        'markupStandardCost',
        'marginCurrentCost',
        'marginStandardCost',
      ),
      // Below 100 so margins are valid too; markups and percentOfList above 100 are unit-tested.
      percentage: decimalString(2, 3),
      listPrice: money,
      currentCost: money,
      standardCost: money,
      rounding: roundingArb,
    },
    { requiredKeys: ['pricingMethod', 'percentage', 'listPrice', 'currentCost', 'standardCost'] },
  ),
)

/** Non-overlapping inclusive bands from sorted, distinct cut points. */
const discountListArb: fc.Arbitrary<DiscountList> = fc
  .tuple(
    fc.constantFrom('percentage', 'amount'),
    fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 0, maxLength: 8 }),
  )
  .chain(([type, cuts]) => {
    const sorted = [...cuts].sort((a, b) => a - b)
    const pairs: [number, number][] = []
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] ?? 0, sorted[i + 1] ?? 0])
    const value = type === 'percentage' ? percent : decimalString(3, 3)
    return fc.tuple(...pairs.map(() => value)).map((values) => ({
      type,
      bands: pairs.map(([from, to], i) => ({
        from: `${from}`,
        to: `${to}`,
        value: values[i] ?? '0',
      })),
    }))
  })

const sourceArb = fc.oneof(
  fc.record({ pricePerUnit: decimalString(6, 5, true) }),
  fc.record({ catalog: catalogArb }),
)

const lineArb: fc.Arbitrary<PricingLineInput> = fc
  .tuple(
    sourceArb,
    fc.record(
      {
        quantity: fc.oneof(decimalString(3, 0), decimalString(4, 3, true)),
        manualDiscount: money,
        tax: decimalString(5, 3, true),
        discountList: discountListArb,
      },
      { requiredKeys: ['quantity'] },
    ),
  )
  .map(([source, rest]) => ({ ...rest, ...source }))

const documentArb: fc.Arbitrary<PriceDocumentInput> = fc.record(
  {
    settings: settingsArb,
    header: headerArb,
    lines: fc.array(lineArb, { maxLength: 20 }),
  },
  { requiredKeys: ['lines'] },
)

// Independent of money.ts: strings printed at one precision compare as integers once the point is removed.
const units = (text: string): bigint => BigInt(text.replace('.', ''))
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n)
const pattern = (places: number): RegExp =>
  places === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`)
const NEGATIVE_ZERO = /^-0(\.0*)?$/

function options(input: PriceDocumentInput) {
  const s = input.settings ?? {}
  return {
    pp: Number(s.pricingPrecision ?? 2),
    c: Number(s.currencyPrecision ?? 2),
    mode: s.rounding ?? 'halfEven',
  }
}

describe('priceDocument properties over random documents', () => {
  it('prints every field at its precision, never NaN, Infinity, an exponent or -0', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const { pp, c } = options(input)
        const result = priceDocument(input)
        expect(result.lines).toHaveLength(input.lines.length)
        const checks: [string, number][] = [
          ...result.lines.flatMap((line) => [
            [line.pricePerUnit, pp] as [string, number],
            ...[
              line.volumeDiscount,
              line.amount,
              line.manualDiscountApplied,
              line.extendedAmount,
            ].map((v): [string, number] => [v, c]),
          ]),
          ...TOTAL_KEYS.map((key): [string, number] => [result.totals[key], c]),
          ...TOTAL_KEYS.map((key): [string, number] => [result.base[key], 4]),
        ]
        // One expect for all fields: thousands of expect calls would dominate the run time.
        const wrong = checks.filter(
          ([v, places]) => !pattern(places).test(v) || NEGATIVE_ZERO.test(v),
        )
        expect(wrong).toEqual([])
      }),
      { numRuns: 1500 },
    )
  })

  it('keeps the line and header identities exactly', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const { c, mode } = options(input)
        const entered = (text: string | undefined) => units(referenceRound(text ?? '0', c, mode))
        const { lines, totals, base } = priceDocument(input)
        const t = Object.fromEntries(TOTAL_KEYS.map((key) => [key, units(totals[key])])) as Record<
          keyof PricingTotals,
          bigint
        >
        const taxes = input.lines.map((line) => entered(line.tax))
        lines.forEach((line, i) => {
          const applied = units(line.manualDiscountApplied)
          expect(units(line.extendedAmount)).toBe(units(line.amount) - applied + (taxes[i] ?? 0n))
        })
        const header = input.header ?? {}
        expect(t.totalTax).toBe(sum(taxes))
        expect(t.detailAmount).toBe(
          sum(lines.map((l, i) => units(l.extendedAmount) - (taxes[i] ?? 0n))),
        )
        expect(t.lineItemDiscountAmount).toBe(
          sum(input.lines.map((l) => entered(l.manualDiscount))),
        )
        const pct = header.discountPercent ?? '0'
        const percentAmount = referenceQuotient(
          t.detailAmount * units(pct),
          10n ** BigInt(c) * 100n * 10n ** BigInt(pct.split('.')[1]?.length ?? 0),
          c,
        )
        expect(totals.discountPercentAmount).toBe(referenceRound(percentAmount, c, mode))
        const amount = entered(header.discountAmount)
        expect(t.totalDiscountAmount).toBe(
          t.lineItemDiscountAmount + t.discountPercentAmount + amount,
        )
        expect(t.preFreightAmount).toBe(t.detailAmount - t.discountPercentAmount - amount)
        expect(t.freightAmount).toBe(entered(header.freightAmount))
        expect(t.totalAmount).toBe(t.preFreightAmount + t.freightAmount + t.totalTax)
        const rate = header.exchangeRate ?? '1'
        const rateScale = BigInt(rate.split('.')[1]?.length ?? 0)
        for (const key of TOTAL_KEYS) {
          const quotient = referenceQuotient(
            t[key] * 10n ** rateScale,
            units(rate) * 10n ** BigInt(c),
            4,
          )
          expect(base[key]).toBe(referenceRound(quotient, 4, mode))
        }
      }),
      { numRuns: 1500 },
    )
  })

  it('gives the same totals whatever the order of the lines', () => {
    const withOrder = documentArb.chain((input) =>
      fc
        .shuffledSubarray([...input.lines.keys()], {
          minLength: input.lines.length,
          maxLength: input.lines.length,
        })
        .map((order) => ({ input, order })),
    )
    fc.assert(
      fc.property(withOrder, ({ input, order }) => {
        const shuffled = { ...input, lines: order.map((i) => input.lines[i]!) }
        const a = priceDocument(input)
        const b = priceDocument(shuffled)
        expect(b.totals).toEqual(a.totals)
        expect(b.base).toEqual(a.base)
        expect(b.lines).toEqual(order.map((i) => a.lines[i]))
      }),
      { numRuns: 1000 },
    )
  })
})
