/**
 * Reads a price list item (`catalog` on a line): the pricing method with the fields it needs, and the item's
 * rounding. Fields a method does not use are still checked when present, so garbage never hides in a record.
 */
import { compare, isNegative, isZero, ZERO, type Decimal } from '@core/money'
import type { PricingMethod, RoundingOption, RoundingPolicy } from './types'
import {
  fail,
  field,
  HUNDRED,
  inside,
  readChoice,
  readDecimal,
  readOptionalDecimal,
  readOptionalObject,
  type Fields,
  type Where,
} from './read-values'

export interface PriceListRoundingSpec {
  policy: Exclude<RoundingPolicy, 'none'>
  option: RoundingOption
  amount: Decimal
}

export interface CatalogSpec {
  method: PricingMethod
  /** The amount, list price, current cost or standard cost the method starts from. */
  base: Decimal
  /** The method's percentage; 0 for currencyAmount. */
  percentage: Decimal
  /** null for policy 'none' (and ignored for currencyAmount, which the spec never rounds). */
  rounding: PriceListRoundingSpec | null
}

/** Every pricing method of the spec, for schemas and pickers that list them. */
export const PRICING_METHODS: readonly PricingMethod[] = [
  'currencyAmount',
  'percentOfList',
  'markupCurrentCost',
  'marginCurrentCost',
  'markupStandardCost',
  'marginStandardCost',
]

/** The field each method starts from. */
const BASE_FIELD: Readonly<Record<PricingMethod, string>> = {
  currencyAmount: 'amount',
  percentOfList: 'listPrice',
  markupCurrentCost: 'currentCost',
  marginCurrentCost: 'currentCost',
  markupStandardCost: 'standardCost',
  marginStandardCost: 'standardCost',
}

const NUMERIC_FIELDS = ['amount', 'percentage', 'listPrice', 'currentCost', 'standardCost'] as const

/** Checks and parses a price list item; `at` points inside the line's `catalog`. */
export function readCatalog(fields: Fields, at: Where): CatalogSpec {
  const method = readChoice(fields, 'pricingMethod', at, PRICING_METHODS)
  for (const key of NUMERIC_FIELDS) readOptionalDecimal(fields, key, at)
  const base = readRequired(fields, BASE_FIELD[method], at, method)
  const rawRounding = readOptionalObject(fields, 'rounding', at)
  const rounding = rawRounding && readRounding(rawRounding, inside(at, 'rounding'))
  if (method === 'currencyAmount') return { method, base, percentage: ZERO, rounding: null }
  const percentage = readRequired(fields, 'percentage', at, method)
  // A negative markup or margin would price below cost: such an item should be a currencyAmount.
  if (isNegative(percentage)) fail(at, 'percentage', 'must not be negative')
  if (method.startsWith('margin') && compare(percentage, HUNDRED) >= 0) {
    fail(at, 'percentage', 'a margin must be less than 100')
  }
  return { method, base, percentage, rounding: rounding ?? null }
}

function readRequired(fields: Fields, key: string, at: Where, method: PricingMethod): Decimal {
  if (field(fields, key) === undefined) fail(at, key, `is required for pricing method ${method}`)
  return readDecimal(fields, key, at)
}

function readRounding(fields: Fields, at: Where): PriceListRoundingSpec | null {
  const policy = readChoice(fields, 'policy', at, ['none', 'up', 'down', 'nearest'])
  // Policy 'none' needs neither option nor amount; they are still checked when present.
  const optional = policy === 'none'
  const option =
    optional && field(fields, 'option') === undefined
      ? 'endsIn'
      : readChoice(fields, 'option', at, ['endsIn', 'multipleOf'])
  const amount = optional
    ? readOptionalDecimal(fields, 'amount', at)
    : readDecimal(fields, 'amount', at)
  if (amount !== undefined && isNegative(amount)) fail(at, 'amount', 'must not be negative')
  if (amount !== undefined && option === 'multipleOf' && isZero(amount)) {
    fail(at, 'amount', 'a multipleOf rounding amount must be greater than 0')
  }
  if (policy === 'none' || amount === undefined) return null
  return { policy, option, amount }
}
