import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { priceDocument, type CatalogPrice, type PricingSettings } from './index'
import { canonicalDecimal } from './test-support/decimal-reference'

/** The price per unit one Use Default line gets from `catalog`. */
function ppu(catalog: CatalogPrice, settings: PricingSettings = {}): string {
  const result = priceDocument({ settings, lines: [{ quantity: '1', catalog }] })
  return result.lines[0]?.pricePerUnit ?? 'no line'
}

const up = { policy: 'up', option: 'endsIn' } as const
const down = { policy: 'down', option: 'endsIn' } as const
const nearest = { policy: 'nearest', option: 'endsIn' } as const

describe('pricing methods', () => {
  it('currencyAmount is the amount, at pricing precision', () => {
    expect(ppu({ pricingMethod: 'currencyAmount', amount: '19.99' })).toBe('19.99')
    expect(ppu({ pricingMethod: 'currencyAmount', amount: '19.995' })).toBe('20.00')
    expect(ppu({ pricingMethod: 'currencyAmount', amount: '7' }, { pricingPrecision: 4 })).toBe(
      '7.0000',
    )
  })

  it('currencyAmount ignores the price list rounding (the spec applies it to the other methods)', () => {
    const rounding = { ...up, amount: '0.00' }
    expect(ppu({ pricingMethod: 'currencyAmount', amount: '19.49', rounding })).toBe('19.49')
  })

  it('percentOfList is listPrice × pct / 100', () => {
    expect(ppu({ pricingMethod: 'percentOfList', listPrice: '50', percentage: '80' })).toBe('40.00')
    expect(ppu({ pricingMethod: 'percentOfList', listPrice: '217.39', percentage: '100' })).toBe(
      '217.39',
    )
    expect(ppu({ pricingMethod: 'percentOfList', listPrice: '10', percentage: '150' })).toBe(
      '15.00',
    )
  })

  it('markups are cost × (100 + pct) / 100', () => {
    const item = { percentage: '25', currentCost: '80', standardCost: '40' }
    expect(ppu({ pricingMethod: 'markupCurrentCost', ...item })).toBe('100.00')
    expect(ppu({ pricingMethod: 'markupStandardCost', ...item })).toBe('50.00')
  })

  it('margins are cost × 100 / (100 − pct), rounded once', () => {
    const item = { percentage: '20', currentCost: '80', standardCost: '40' }
    expect(ppu({ pricingMethod: 'marginCurrentCost', ...item })).toBe('100.00')
    expect(ppu({ pricingMethod: 'marginStandardCost', ...item })).toBe('50.00')
    // 10 × 100 / 30 = 33.333…, never a float.
    const third = {
      pricingMethod: 'marginCurrentCost',
      currentCost: '10',
      percentage: '70',
    } as const
    expect(ppu(third)).toBe('33.33')
    expect(ppu(third, { pricingPrecision: 4 })).toBe('33.3333')
    expect(ppu(third, { pricingPrecision: 0 })).toBe('33')
    expect(ppu({ ...third, percentage: '99.99' })).toBe('100000.00')
  })

  it('a half-way method price follows the document rounding', () => {
    const item = { pricingMethod: 'percentOfList', listPrice: '0.25', percentage: '50' } as const
    expect(ppu(item)).toBe('0.12')
    expect(ppu(item, { rounding: 'halfUp' })).toBe('0.13')
  })
})

describe('price list rounding, endsIn', () => {
  const list = (listPrice: string, rounding: CatalogPrice['rounding']): CatalogPrice => ({
    pricingMethod: 'percentOfList',
    percentage: '100',
    listPrice,
    rounding,
  })

  it('follows the spec examples', () => {
    expect(ppu(list('217.39', { ...up, amount: '0.00' }))).toBe('218.00')
    expect(ppu(list('217.39', { ...down, amount: '0.00' }))).toBe('217.00')
    expect(ppu(list('2.88', { ...nearest, amount: '0.99' }))).toBe('2.99')
  })

  it('uses M = 10 for endsIn 9.99', () => {
    expect(ppu(list('123.45', { ...up, amount: '9.99' }))).toBe('129.99')
    expect(ppu(list('123.45', { ...down, amount: '9.99' }))).toBe('119.99')
    expect(ppu(list('123.45', { ...nearest, amount: '9.99' }))).toBe('119.99')
    expect(ppu(list('125.00', { ...nearest, amount: '9.99' }))).toBe('129.99')
  })

  it('uses M = 1 for fractions, 10 for 5 and 100 for 10', () => {
    expect(ppu(list('2.2', { ...up, amount: '0.5' }))).toBe('2.50')
    expect(ppu(list('2.2', { ...down, amount: '0.5' }))).toBe('1.50')
    expect(ppu(list('12', { ...up, amount: '5' }))).toBe('15.00')
    expect(ppu(list('12', { ...down, amount: '5' }))).toBe('5.00')
    expect(ppu(list('250', { ...up, amount: '10' }))).toBe('310.00')
  })

  it('nearest picks the closer candidate and breaks a tie upward', () => {
    expect(ppu(list('2.40', { ...nearest, amount: '0.99' }))).toBe('1.99')
    expect(ppu(list('2.49', { ...nearest, amount: '0.99' }))).toBe('2.99')
    expect(ppu(list('2.48', { ...nearest, amount: '0.99' }))).toBe('1.99')
  })

  it('leaves a price that already ends in A alone', () => {
    for (const policy of ['up', 'down', 'nearest'] as const) {
      expect(ppu(list('2.99', { policy, option: 'endsIn', amount: '0.99' }))).toBe('2.99')
    }
  })

  it('works below zero (returns priced from a negative list price)', () => {
    expect(ppu(list('-2.40', { ...up, amount: '0.99' }))).toBe('-2.01')
    expect(ppu(list('-2.40', { ...down, amount: '0.99' }))).toBe('-3.01')
  })

  it('rounds the result to pricing precision afterwards', () => {
    expect(ppu(list('2.2', { ...up, amount: '0.985' }))).toBe('2.98')
    expect(ppu(list('2.2', { ...up, amount: '0.985' }), { rounding: 'halfUp' })).toBe('2.99')
    expect(ppu(list('2.2', { ...up, amount: '0.99' }), { pricingPrecision: 0 })).toBe('3')
  })

  it('rounds an exact margin ratio, not a pre-rounded price', () => {
    // 10 × 100 / 30 = 33.333…: rounding 33.33 (pre-rounded) up to end in .3333 would wrongly stay 33.3333.
    const item: CatalogPrice = {
      pricingMethod: 'marginCurrentCost',
      currentCost: '10',
      percentage: '70',
      rounding: { policy: 'down', option: 'endsIn', amount: '0.3333' },
    }
    expect(ppu(item, { pricingPrecision: 4 })).toBe('33.3333')
    expect(ppu({ ...item, rounding: { ...up, amount: '0.3333' } }, { pricingPrecision: 4 })).toBe(
      '34.3333',
    )
  })

  it("policy 'none' needs no option or amount", () => {
    expect(ppu(list('2.88', { policy: 'none' }))).toBe('2.88')
    expect(ppu(list('2.88', { policy: 'none', option: 'multipleOf', amount: '5' }))).toBe('2.88')
  })
})

describe('price list rounding, multipleOf', () => {
  const cost = (currentCost: string, rounding: CatalogPrice['rounding']): CatalogPrice => ({
    pricingMethod: 'markupCurrentCost',
    percentage: '0',
    currentCost,
    rounding,
  })

  it('rounds up, down and to the nearest multiple', () => {
    const of = (policy: 'up' | 'down' | 'nearest', amount: string) =>
      ({ policy, option: 'multipleOf', amount }) as const
    expect(ppu(cost('1.23', of('up', '0.05')))).toBe('1.25')
    expect(ppu(cost('1.23', of('down', '0.05')))).toBe('1.20')
    expect(ppu(cost('1.23', of('nearest', '0.05')))).toBe('1.25')
    expect(ppu(cost('1.22', of('nearest', '0.05')))).toBe('1.20')
    expect(ppu(cost('1.225', of('nearest', '0.05')))).toBe('1.25')
    expect(ppu(cost('12.5', of('nearest', '5')))).toBe('15.00')
    expect(ppu(cost('12.4', of('nearest', '5')))).toBe('10.00')
    expect(ppu(cost('15', of('up', '5')))).toBe('15.00')
    expect(ppu(cost('-12.5', of('nearest', '5')))).toBe('-10.00')
    expect(ppu(cost('-12.4', of('down', '5')))).toBe('-15.00')
  })
})

describe('price list rounding, property', () => {
  // Exact fractions as [numerator, denominator] with a positive denominator; independent of money.ts.
  type Fraction = [bigint, bigint]
  const fraction = (text: string): Fraction => [
    BigInt(text.replace('.', '')),
    10n ** BigInt(text.split('.')[1]?.length ?? 0),
  ]
  const minus = ([a, b]: Fraction, [c, d]: Fraction): Fraction => [a * d - c * b, b * d]
  const sign = ([a]: Fraction): number => (a > 0n ? 1 : a < 0n ? -1 : 0)
  const half = ([a, b]: Fraction): Fraction => [a, 2n * b]

  const caseArb = fc.record({
    method: fc.constantFrom('percentOfList', 'marginCurrentCost'),
    price: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map((u) => canonicalDecimal(u, 4)),
    percentage: fc.bigInt({ min: 0n, max: 99_999n }).map((u) => canonicalDecimal(u, 3)),
    policy: fc.constantFrom('up', 'down', 'nearest'),
    option: fc.constantFrom('endsIn', 'multipleOf'),
    amount: fc
      .tuple(fc.bigInt({ min: 0n, max: 99_999n }), fc.nat({ max: 2 }))
      .map(([u, scale]) => canonicalDecimal(u, scale)),
  })

  it('lands on the grid, on the side the policy asks, within one step (ties go up)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(c.option === 'endsIn' || /[1-9]/.test(c.amount))
        const percentOfList = c.method === 'percentOfList'
        const rounded = ppu(
          {
            pricingMethod: c.method,
            percentage: c.percentage,
            ...(percentOfList ? { listPrice: c.price } : { currentCost: c.price }),
            rounding: { policy: c.policy, option: c.option, amount: c.amount },
          },
          { pricingPrecision: 4 },
        )
        const [base, baseDen] = fraction(c.price)
        const [pct, pctDen] = fraction(c.percentage)
        const exact: Fraction = percentOfList
          ? [base * pct, baseDen * pctDen * 100n]
          : [base * 100n * pctDen, baseDen * (100n * pctDen - pct)]
        const amount = fraction(c.amount)
        let step: Fraction = amount
        if (c.option === 'endsIn') {
          let m = 1n
          while (m * amount[1] <= amount[0]) m *= 10n
          step = [m, 1n]
        }
        const offset: Fraction = c.option === 'endsIn' ? amount : [0n, 1n]
        const r = fraction(rounded)
        const k = minus(r, offset)
        expect((k[0] * step[1]) % (k[1] * step[0])).toBe(0n)
        const diff = minus(r, exact)
        const beyond = sign(minus(minus(r, exact), step))
        const below = sign(minus(minus(exact, r), step))
        if (c.policy === 'up') expect([sign(diff) >= 0, below < 0]).toEqual([true, true])
        if (c.policy === 'down') expect([sign(diff) <= 0, beyond < 0]).toEqual([true, true])
        if (c.policy === 'nearest') {
          const gap = sign(diff) >= 0 ? diff : minus([0n, 1n], diff)
          const vsHalf = sign(minus(gap, half(step)))
          expect(vsHalf < 0 || (vsHalf === 0 && sign(diff) > 0)).toBe(true)
        }
      }),
      { numRuns: 3000 },
    )
  })
})
