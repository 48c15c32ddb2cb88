/**
 * Exact decimal arithmetic for money on bigint scaled integers: a value is `units / 10^scale`.
 *
 * Binary floating point never touches money (0.1 + 0.2 !== 0.3, and a float total cannot be trusted by an
 * accountant), so every value is a bigint numerator over a power of ten. Addition, subtraction and
 * multiplication are exact; the only place precision is lost is `roundRatio`, the one rounding function that
 * every other rounding here (and in pricing) goes through.
 *
 * @example
 * const total = add(parseDecimal('0.1'), parseDecimal('0.2'))
 * formatDecimal(total, 2) // '0.30'
 */

/** How a half-way value is rounded: banker's rounding (what Dynamics does) or half away from zero. */
export type RoundingMode = 'halfEven' | 'halfUp'

/**
 * Every rule `roundRatio` knows: the two settings, plus the directed rules that price list rounding needs
 * (`ceiling` toward +∞, `floor` toward −∞).
 */
export type RoundingRule = RoundingMode | 'ceiling' | 'floor'

/** An exact decimal: `units / 10^scale`. Immutable; `scale` is a non-negative integer. */
export interface Decimal {
  readonly units: bigint
  readonly scale: number
}

/** Thrown for malformed numbers, values outside the accepted range and impossible operations. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MoneyError'
  }
}

/**
 * Largest accepted magnitude of a parsed number: 15 integer digits (just under a quadrillion) is far beyond
 * any invoice, yet stays in the range other systems (PostgreSQL numeric(25,10), Dynamics money) hold. A
 * longer number is a typo or an attack, and refusing it beats carrying it silently into every total.
 */
export const MAX_INTEGER_DIGITS = 15
/** Most decimals accepted when parsing and when rounding: enough for exchange rates and fractional quantities. */
export const MAX_DECIMAL_PLACES = 10

export const ZERO: Decimal = Object.freeze({ units: 0n, scale: 0 })

// Powers of ten are needed by almost every operation; a table saves recomputing 10n ** n each time.
const POWERS: bigint[] = []
for (let i = 0, p = 1n; i <= 64; i++, p *= 10n) POWERS.push(p)

/** 10^n as a bigint (cached for the small exponents money uses). */
export function pow10(n: number): bigint {
  return POWERS[n] ?? 10n ** BigInt(n)
}

/**
 * Builds a decimal from its parts.
 *
 * @param units - the scaled integer
 * @param scale - how many decimal places `units` carries (non-negative integer)
 * @example
 * decimal(1999n, 2) // 19.99
 */
export function decimal(units: bigint, scale: number): Decimal {
  if (!Number.isInteger(scale) || scale < 0)
    throw new MoneyError(`scale must be a non-negative integer`)
  return { units, scale }
}

/**
 * Parses a canonical decimal string: optional '-', digits, optionally '.' and digits. No exponent, spaces,
 * '+', thousands separators or empty parts, because the strings come from storage and IPC, where any other
 * spelling means something went wrong upstream.
 *
 * @param text - e.g. '1090.00', '-0.5', '42'
 * @throws MoneyError naming what is wrong (not a string, malformed, too many digits)
 * @example
 * parseDecimal('-12.50') // { units: -1250n, scale: 2 }
 */
export function parseDecimal(text: string): Decimal {
  if (typeof text !== 'string')
    throw new MoneyError(`expected a decimal string, got ${typeof text}`)
  const cached = parsed.get(text)
  if (cached !== undefined) return cached
  const value = Object.freeze(parseUncached(text))
  if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear()
  parsed.set(text, value)
  return value
}

// Repricing parses the same catalog strings over and over; parsing was a third of the pricing profile.
// Decimals are frozen, so sharing one between callers is safe; the bound keeps memory flat.
const PARSE_CACHE_LIMIT = 4096
const parsed = new Map<string, Decimal>()

const MINUS = 45
const POINT = 46
const DIGIT_0 = 48
const DIGIT_9 = 57

/** One pass over the character codes: a regex plus BigInt on substrings cost twice as much. */
function parseUncached(text: string): Decimal {
  const { length } = text
  const start = text.charCodeAt(0) === MINUS ? 1 : 0
  let point = -1
  let wellFormed = start < length
  for (let i = start; i < length && wellFormed; i++) {
    const code = text.charCodeAt(i)
    if (code === POINT && point < 0) point = i
    else wellFormed = code >= DIGIT_0 && code <= DIGIT_9
  }
  if (!wellFormed || point === start || point === length - 1) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
    throw new MoneyError(
      `'${shown}' is not a decimal number (expected digits, optional '-' and '.')`,
    )
  }
  const wholeEnd = point < 0 ? length : point
  let first = start
  while (first < wholeEnd - 1 && text.charCodeAt(first) === DIGIT_0) first++
  if (wholeEnd - first > MAX_INTEGER_DIGITS) {
    throw new MoneyError(`too large: more than ${MAX_INTEGER_DIGITS} integer digits`)
  }
  const scale = point < 0 ? 0 : length - point - 1
  if (scale > MAX_DECIMAL_PLACES) {
    throw new MoneyError(`too many decimals: more than ${MAX_DECIMAL_PLACES}`)
  }
  const digits = point < 0 ? text.slice(first) : text.slice(first, point) + text.slice(point + 1)
  const magnitude = BigInt(digits)
  return { units: start === 1 ? -magnitude : magnitude, scale }
}

/**
 * THE rounding function: rounds the exact ratio `numerator / denominator` to an integer by `rule`.
 * Everything that rounds (decimals, division, price list rounding, base currency) comes through here, so
 * changing how ties are broken happens in one place.
 *
 * @param numerator - any bigint
 * @param denominator - non-zero bigint
 * @param rule - halfEven, halfUp (half away from zero), ceiling or floor
 * @example
 * roundRatio(5n, 2n, 'halfEven') // 2n
 * roundRatio(5n, 2n, 'halfUp') // 3n
 * roundRatio(-5n, 2n, 'halfUp') // -3n
 */
export function roundRatio(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint {
  if (denominator === 0n) throw new MoneyError('division by zero')
  if (denominator < 0n) {
    numerator = -numerator
    denominator = -denominator
  }
  // bigint division truncates toward zero; the remainder carries the numerator's sign.
  const quotient = numerator / denominator
  const remainder = numerator % denominator
  if (remainder === 0n) return quotient
  const negative = remainder < 0n
  if (rule === 'ceiling') return negative ? quotient : quotient + 1n
  if (rule === 'floor') return negative ? quotient - 1n : quotient
  const twice = (negative ? -remainder : remainder) * 2n
  const awayFromZero = negative ? quotient - 1n : quotient + 1n
  if (twice > denominator) return awayFromZero
  if (twice < denominator) return quotient
  if (rule === 'halfUp') return awayFromZero
  return quotient % 2n === 0n ? quotient : awayFromZero
}

function checkPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > MAX_DECIMAL_PLACES) {
    throw new MoneyError(`places must be an integer from 0 to ${MAX_DECIMAL_PLACES}, got ${places}`)
  }
}

/**
 * Rounds to exactly `places` decimals (the result's scale is `places`).
 *
 * @param d - the value
 * @param places - 0..10
 * @param mode - halfEven (default) or halfUp
 * @example
 * roundDecimal(parseDecimal('2.345'), 2, 'halfEven') // 2.34
 */
export function roundDecimal(d: Decimal, places: number, mode: RoundingMode = 'halfEven'): Decimal {
  checkPlaces(places)
  if (d.scale === places) return d
  if (d.scale < places) return { units: d.units * pow10(places - d.scale), scale: places }
  return { units: roundRatio(d.units, pow10(d.scale - places), mode), scale: places }
}

/**
 * Rounds and prints with exactly `places` decimals; never prints '-0.00'.
 *
 * @param d - the value
 * @param places - 0..10
 * @param mode - halfEven (default) or halfUp
 * @example
 * formatDecimal(parseDecimal('1090'), 2) // '1090.00'
 * formatDecimal(parseDecimal('-0.001'), 2) // '0.00'
 */
export function formatDecimal(d: Decimal, places: number, mode: RoundingMode = 'halfEven'): string {
  const { units } = roundDecimal(d, places, mode)
  const negative = units < 0n
  const digits = (negative ? -units : units).toString()
  const sign = negative ? '-' : ''
  if (places === 0) return sign + digits
  const padded = digits.length > places ? digits : digits.padStart(places + 1, '0')
  const cut = padded.length - places
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`
}

/** `units` at scale `from` re-expressed at the scale `to` (to ≥ from). */
function widen(units: bigint, from: number, to: number): bigint {
  return from === to ? units : units * pow10(to - from)
}

/**
 * Exact sum.
 * @example
 * add(parseDecimal('0.1'), parseDecimal('0.2')) // 0.3
 */
export function add(a: Decimal, b: Decimal): Decimal {
  // No tuple from a shared align helper: its allocations showed up as garbage collection in the profile.
  if (a.scale >= b.scale)
    return { units: a.units + widen(b.units, b.scale, a.scale), scale: a.scale }
  return { units: widen(a.units, a.scale, b.scale) + b.units, scale: b.scale }
}

/**
 * Exact difference `a − b`.
 * @example
 * sub(parseDecimal('1'), parseDecimal('0.01')) // 0.99
 */
export function sub(a: Decimal, b: Decimal): Decimal {
  if (a.scale >= b.scale)
    return { units: a.units - widen(b.units, b.scale, a.scale), scale: a.scale }
  return { units: widen(a.units, a.scale, b.scale) - b.units, scale: b.scale }
}

/**
 * Exact product (scales add up; round afterwards with `roundDecimal`).
 * @example
 * mul(parseDecimal('2.5'), parseDecimal('0.35')) // 0.875
 */
export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale }
}

/**
 * `a / b` rounded to `places` decimals in one step (no intermediate rounding).
 *
 * @param a - dividend
 * @param b - divisor, non-zero
 * @param places - 0..10
 * @param mode - halfEven (default) or halfUp
 * @throws MoneyError when b is zero
 * @example
 * divide(parseDecimal('10'), parseDecimal('3'), 4) // 3.3333
 */
export function divide(
  a: Decimal,
  b: Decimal,
  places: number,
  mode: RoundingMode = 'halfEven',
): Decimal {
  checkPlaces(places)
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); scaled by 10^places to land on the result's units.
  const numerator = a.units * pow10(places + b.scale)
  const denominator = b.units * pow10(a.scale)
  return { units: roundRatio(numerator, denominator, mode), scale: places }
}

/**
 * Compares by value (scale does not matter: 1.0 equals 1).
 * @returns -1, 0 or 1
 * @example
 * compare(parseDecimal('1.0'), parseDecimal('1')) // 0
 */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = a.scale > b.scale ? a.scale : b.scale
  const x = widen(a.units, a.scale, scale)
  const y = widen(b.units, b.scale, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** @example isZero(parseDecimal('-0.00')) // true */
export function isZero(d: Decimal): boolean {
  return d.units === 0n
}

/** @example isNegative(parseDecimal('-0.01')) // true */
export function isNegative(d: Decimal): boolean {
  return d.units < 0n
}

/** @example negate(parseDecimal('1.5')) // -1.5 */
export function negate(d: Decimal): Decimal {
  return { units: -d.units, scale: d.scale }
}

/**
 * Sums decimal strings exactly and prints the result at `places` decimals; for payment balances.
 *
 * @param values - canonical decimal strings
 * @param places - decimals of the result (the currency precision)
 * @param mode - halfEven (default) or halfUp, used only if an input has more decimals than `places`
 * @throws MoneyError naming the index of a malformed value
 * @example
 * sumDecimalStrings(['10.00', '0.5', '-2.25'], 2) // '8.25'
 */
export function sumDecimalStrings(
  values: readonly string[],
  places: number,
  mode: RoundingMode = 'halfEven',
): string {
  let total = ZERO
  values.forEach((value, index) => {
    try {
      total = add(total, parseDecimal(value))
    } catch (e) {
      throw e instanceof MoneyError ? new MoneyError(`value ${index}: ${e.message}`) : e
    }
  })
  return formatDecimal(total, places, mode)
}
