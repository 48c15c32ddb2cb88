/**
 * fast-check generators of valid `priceDocument` input, for the property tests. They cover every option of
 * the contract: both price sources, every pricing method and rounding, discount lists, returns, fractional
 * quantities and every precision.
 */
import fc from 'fast-check'
import type {
  CatalogPrice,
  DiscountList,
  PriceDocumentInput,
  PricingHeader,
  PricingLineInput,
  PricingSettings,
} from '../types'

/** A canonical decimal string with up to `whole` integer digits and up to `places` decimals. */
export function decimalString(whole: number, places: number, signed = false): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: places }).chain((scale) => {
    const max = 10n ** BigInt(whole + scale) - 1n
    return fc.bigInt({ min: signed ? -max : 0n, max }).map((units) => {
      const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0')
      const cut = digits.length - scale
      const body = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`
      return `${units < 0n ? '-' : ''}${body}`
    })
  })
}

const money = decimalString(6, 4)
const percent = fc.oneof(decimalString(2, 2), fc.constant('100'), fc.constant('0'))

export const settingsArb: fc.Arbitrary<PricingSettings> = fc.record(
  {
    pricingPrecision: fc.integer({ min: 0, max: 4 }),
    currencyPrecision: fc.integer({ min: 0, max: 4 }),
    discountMethod: fc.constantFrom('lineItem', 'perUnit'),
    rounding: fc.constantFrom('halfEven', 'halfUp'),
  },
  { requiredKeys: [] },
)

export const headerArb: fc.Arbitrary<PricingHeader> = fc.record(
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
) as fc.Arbitrary<NonNullable<CatalogPrice['rounding']>>

export const catalogArb: fc.Arbitrary<CatalogPrice> = fc.oneof(
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
) as fc.Arbitrary<CatalogPrice>

/** Non-overlapping inclusive bands from sorted, distinct cut points. */
export const discountListArb: fc.Arbitrary<DiscountList> = fc
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

export const lineArb: fc.Arbitrary<PricingLineInput> = fc
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

export const documentArb: fc.Arbitrary<PriceDocumentInput> = fc.record(
  {
    settings: settingsArb,
    header: headerArb,
    lines: fc.array(lineArb, { maxLength: 20 }),
  },
  { requiredKeys: ['lines'] },
)
