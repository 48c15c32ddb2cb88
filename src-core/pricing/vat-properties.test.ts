import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDecimal } from '@core/money'
import {
  priceDocument,
  VAT_CATEGORIES,
  type PriceDocumentInput,
  type PricingLineInput,
  type VatRate,
} from './index'
import type { SettingsSpec } from './read-input'
import {
  canonicalDecimal,
  referenceQuotient,
  referenceRound,
} from './test-support/decimal-reference'
import { vatGroups } from './vat'

// Random VAT-mode documents: every category, rates with 0–2 decimals, returns, line and header discounts,
// freight in any group, every precision and rounding.

function decimalString(whole: number, places: number, signed = false): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: places }).chain((scale) => {
    const max = 10n ** BigInt(whole + scale) - 1n
    return fc
      .bigInt({ min: signed ? -max : 0n, max })
      .map((units) => canonicalDecimal(units, scale))
  })
}

const TAXED = ['S', 'L', 'M'] as const
const vatArb: fc.Arbitrary<VatRate> = fc.oneof(
  fc.record({
    category: fc.constantFrom(...TAXED),
    // A few common rates so groups share lines, and any rate above 0 up to 100.
    rate: fc.oneof(
      fc.constantFrom('19', '7', '20', '5.5', '2.1', '100'),
      decimalString(2, 2).filter((t) => /[1-9]/.test(t)),
    ),
  }),
  fc.record({
    category: fc.constantFrom(...VAT_CATEGORIES.filter((c) => !TAXED.includes(c as 'S'))),
    rate: fc.constantFrom('0', '0.00'),
  }),
)

const lineArb: fc.Arbitrary<PricingLineInput> = fc.record(
  {
    quantity: fc.oneof(decimalString(3, 0), decimalString(3, 3, true)),
    pricePerUnit: decimalString(5, 4, true),
    manualDiscount: decimalString(4, 3),
    vat: vatArb,
  },
  { requiredKeys: ['quantity', 'pricePerUnit', 'vat'] },
)

const documentArb: fc.Arbitrary<PriceDocumentInput> = fc.record({
  settings: fc.record({
    taxMode: fc.constant('vat' as const),
    currencyPrecision: fc.integer({ min: 0, max: 4 }),
    discountMethod: fc.constantFrom('lineItem' as const, 'perUnit' as const),
    rounding: fc.constantFrom('halfEven' as const, 'halfUp' as const),
  }),
  header: fc.record(
    {
      discountPercent: fc.oneof(decimalString(2, 2), fc.constant('100')),
      discountAmount: decimalString(4, 2),
      freightAmount: decimalString(3, 2),
      freightVat: vatArb,
      exchangeRate: fc.constantFrom('1', '0.92', '1.0837'),
    },
    { requiredKeys: ['freightVat'] },
  ),
  lines: fc.array(lineArb, { maxLength: 15 }),
})

// Independent of money.ts: strings printed at one precision compare as integers once the point is removed.
const units = (text: string): bigint => BigInt(text.replace('.', ''))
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n)

describe('VAT mode over random documents', () => {
  it('keeps BR-CO-13, 14, 15 and 17 exactly and lines carry no tax', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const c = input.settings?.currencyPrecision as number
        const mode = input.settings?.rounding ?? 'halfEven'
        const { lines, totals, vatBreakdown } = priceDocument(input)
        if (!vatBreakdown) throw new Error('VAT mode must give a breakdown')
        for (const line of lines)
          expect(units(line.extendedAmount)).toBe(
            units(line.amount) - units(line.manualDiscountApplied),
          )
        const detail = units(totals.detailAmount)
        expect(detail).toBe(sum(lines.map((l) => units(l.extendedAmount))))
        const allowance =
          units(totals.discountPercentAmount) +
          units(referenceRound(input.header?.discountAmount ?? '0', c, mode))
        const freight = units(totals.freightAmount)
        const taxable = sum(vatBreakdown.map((g) => units(g.taxableAmount)))
        const tax = sum(vatBreakdown.map((g) => units(g.taxAmount)))
        // BR-CO-13: total without VAT = Σ line nets − allowances + charges, and the groups carry exactly it.
        expect(units(totals.preFreightAmount)).toBe(detail - allowance)
        if (vatBreakdown.length > 0) expect(taxable).toBe(detail - allowance + freight)
        // BR-CO-14: total VAT = Σ category taxes.
        expect(units(totals.totalTax)).toBe(tax)
        // BR-CO-15: total with VAT = total without VAT + total VAT.
        expect(units(totals.totalAmount)).toBe(units(totals.preFreightAmount) + freight + tax)
        // BR-CO-17: each category's tax = taxable × rate / 100, rounded once.
        for (const g of vatBreakdown) {
          expect(g.rate).toMatch(/^\d{1,3}\.\d{2}$/)
          const quotient = referenceQuotient(
            units(g.taxableAmount) * units(g.rate),
            10n ** BigInt(c) * 10000n,
            c,
          )
          expect(g.taxAmount).toBe(referenceRound(quotient, c, mode))
        }
      }),
      { numRuns: 800 },
    )
  })

  it('orders the groups by category, then rate descending, one group per (category, rate), whatever the line order', () => {
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
        const a = priceDocument(input)
        const b = priceDocument({ ...input, lines: order.map((i) => input.lines[i]!) })
        expect(b.vatBreakdown).toEqual(a.vatBreakdown)
        expect(b.totals).toEqual(a.totals)
        const keys = (a.vatBreakdown ?? []).map((g) => [g.category, units(g.rate)] as const)
        for (let i = 1; i < keys.length; i++) {
          const [pc, pr] = keys[i - 1]!
          const [cc, cr] = keys[i]!
          expect(pc < cc || (pc === cc && pr > cr)).toBe(true)
        }
        const expected = new Set(
          input.lines.map(
            (l) => `${l.vat?.category}/${units(referenceRound(l.vat?.rate ?? '0', 2, 'halfEven'))}`,
          ),
        )
        for (const key of keys.map(([cat, rate]) => `${cat}/${rate}`)) expected.delete(key)
        expect([...expected]).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('splits the allowance so the shares sum to it, the largest group taking the remainder', () => {
    const settings: SettingsSpec = {
      pricingPrecision: 2,
      currencyPrecision: 2,
      discountMethod: 'lineItem',
      rounding: 'halfEven',
      taxMode: 'vat',
    }
    // Nets and the allowance at currency precision (2 here), as priceDocument hands them over.
    const cents = (max: bigint, signed: boolean) => fc.bigInt({ min: signed ? -max : 0n, max })
    const groupArb = fc.array(fc.record({ net: cents(10_000_000n, true), vat: vatArb }), {
      minLength: 1,
      maxLength: 12,
    })
    fc.assert(
      fc.property(groupArb, cents(5_000_000n, false), (raw, allowance) => {
        const at2 = (u: bigint) => parseDecimal(canonicalDecimal(u, 2))
        const detail = sum(raw.map((l) => l.net))
        const groups = vatGroups(
          {
            lines: raw.map((l) => ({
              net: at2(l.net),
              vat: { category: l.vat.category, rate: parseDecimal(l.vat.rate) },
            })),
            detailAmount: at2(detail),
            allowance: at2(allowance),
            freightAmount: parseDecimal('0'),
          },
          settings,
        )
        const print = (d: { units: bigint; scale: number }) => canonicalDecimal(d.units, d.scale)
        const shares = groups.map((g) =>
          units(referenceRound(print(g.allowanceShare), 2, 'halfEven')),
        )
        expect(sum(shares)).toBe(allowance)
        const netOf = (g: (typeof groups)[number]) =>
          units(referenceRound(print(g.net), 2, 'halfEven'))
        const abs = (u: bigint) => (u < 0n ? -u : u)
        // The first group (in breakdown order) with the largest absolute net is the main one.
        const main = groups.reduce((m, g) => (abs(netOf(g)) > abs(netOf(m)) ? g : m))
        for (const g of groups) {
          if (g === main) continue
          const expected =
            detail === 0n
              ? '0.00'
              : referenceRound(
                  referenceQuotient(allowance * netOf(g), detail * 100n, 2),
                  2,
                  'halfEven',
                )
          expect(referenceRound(print(g.allowanceShare), 2, 'halfEven')).toBe(expected)
        }
      }),
      { numRuns: 800 },
    )
  })
})
