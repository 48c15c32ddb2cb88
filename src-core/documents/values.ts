/**
 * Reading the numbers a user types into a command: each is checked and rounded to its precision as it is
 * entered (pricing.md: "Money inputs are rounded to their precision when entered"), and a bad one becomes a
 * refusal the rep can read instead of an exception.
 */
import {
  compare,
  formatDecimal,
  isNegative,
  MoneyError,
  parseDecimal,
  type Decimal,
} from '@core/money'
import { refuse, type Refused } from './commands'
import { LINE_LIMITS, withinLineLimit } from './header-rules'
import type { DecimalString, PricingSnapshot } from './types'

export type Read<T> = { ok: true; value: T } | Refused

const HUNDRED = parseDecimal('100')

/** What was typed as an exact decimal, every digit kept, or a refusal naming the field. */
export function readDecimal(text: unknown, label: string): Read<Decimal> {
  try {
    return { ok: true, value: parseDecimal(text as string) }
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e
    const shown = typeof text === 'string' ? `“${text}”` : 'missing'
    return refuse(
      'invalidValue',
      `${label} ${shown} is not a number. Type digits, a “-” and a “.”.`,
    )
  }
}

export type ValueKind =
  'quantity' | 'pricePerUnit' | 'money' | 'nonNegativeMoney' | 'percent' | 'positiveMoney'

/**
 * Reads a typed value: quantities keep every decimal typed, prices are rounded to pricingPrecision, other money
 * to currencyPrecision. Signs are checked where the pricing rules forbid negatives.
 *
 * @param text - what the user typed
 * @param kind - what the field is
 * @param label - the field as the rep knows it, e.g. 'Manual discount'
 * @param pricing - the document's pricing snapshot
 */
export function readValue(
  text: unknown,
  kind: ValueKind,
  label: string,
  pricing: PricingSnapshot,
): Read<DecimalString> {
  const read = readDecimal(text, label)
  if (!read.ok) return read
  const d = read.value
  if ((kind === 'nonNegativeMoney' || kind === 'percent') && isNegative(d))
    return refuse('invalidValue', `${label} cannot be negative.`)
  if (kind === 'percent' && compare(d, HUNDRED) > 0)
    return refuse('invalidValue', `${label} cannot be more than 100 %.`)
  if (kind === 'positiveMoney' && d.units <= 0n)
    return refuse('invalidValue', `${label} must be more than zero.`)
  if ((kind === 'quantity' || kind === 'pricePerUnit') && !withinLineLimit(kind, d))
    return refuse('invalidValue', `${label} is too large: at most ${LINE_LIMITS[kind]}.`)
  if (kind === 'quantity') return { ok: true, value: formatDecimal(d, d.scale) }
  const places = kind === 'pricePerUnit' ? pricing.pricingPrecision : pricing.currencyPrecision
  // Percentages keep what was typed, up to the 4 decimals Dynamics' discount percentage holds.
  const scale = kind === 'percent' ? Math.min(d.scale, 4) : places
  return { ok: true, value: formatDecimal(d, scale, pricing.rounding) }
}

/** Formats a stored money string at the document's currency precision, for messages. */
export function showMoney(value: DecimalString, pricing: PricingSnapshot): string {
  return formatDecimal(parseDecimal(value), pricing.currencyPrecision, pricing.rounding)
}
