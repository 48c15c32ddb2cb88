import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceDocument, type PriceDocumentInput, type PricingTotals } from './index'
import { documentArb } from './test-support/arbitraries'
import { referenceQuotient, referenceRound } from './test-support/decimal-reference'

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
          ...Object.values(result.totals).map((v): [string, number] => [v, c]),
          ...Object.values(result.base).map((v): [string, number] => [v, 4]),
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
        const t = Object.fromEntries(
          Object.entries(totals).map(([k, v]) => [k, units(v)]),
        ) as Record<keyof PricingTotals, bigint>
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
        for (const key of Object.keys(totals) as (keyof PricingTotals)[]) {
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
