/**
 * Readers for values of `priceDocument`'s input, which may come from IPC or the network as unknown JSON.
 * Each reader either returns a checked value or throws a PricingError naming the line and field.
 */
import { compare, isNegative, MoneyError, parseDecimal, pow10, type Decimal } from '@core/money'
import { PricingError } from './errors'

/** Where a value sits: the 1-based line (absent for header and settings) and the path prefix inside it. */
export interface Where {
  line?: number
  prefix: string
}

export type Fields = Readonly<Record<string, unknown>>

export const HUNDRED: Decimal = { units: 100n, scale: 0 }

/** Throws a PricingError for `key` at `at`. */
export function fail(at: Where, key: string, reason: string): never {
  throw new PricingError(reason, at.prefix + key, at.line)
}

/** The path of a nested object, e.g. `catalog.` inside a line. */
export function inside(at: Where, key: string): Where {
  return at.line === undefined
    ? { prefix: `${at.prefix}${key}.` }
    : { line: at.line, prefix: `${at.prefix}${key}.` }
}

/**
 * Own property only, so a crafted prototype cannot inject values; null counts as absent because JSON
 * producers write null for empty optional fields.
 */
export function field(fields: Fields, key: string): unknown {
  const value = fields[key]
  // hasOwn only for a value that is there: absent keys are the common case and skip the call.
  return value === undefined || value === null || !Object.hasOwn(fields, key) ? undefined : value
}

/** A plain object (not an array), or undefined when absent and optional. */
export function readObject(value: unknown, at: Where, key: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(at, key, 'must be an object')
  }
  return value as Fields
}

export function readOptionalObject(fields: Fields, key: string, at: Where): Fields | undefined {
  const value = field(fields, key)
  return value === undefined ? undefined : readObject(value, at, key)
}

/** A required decimal string. Numbers are refused: a JSON number may already have passed through a float. */
export function readDecimal(fields: Fields, key: string, at: Where): Decimal {
  const value = field(fields, key)
  if (value === undefined) fail(at, key, 'is required')
  if (typeof value !== 'string') fail(at, key, `must be a decimal string, got ${typeof value}`)
  try {
    return parseDecimal(value)
  } catch (e) {
    if (e instanceof MoneyError) fail(at, key, e.message)
    throw e
  }
}

export function readOptionalDecimal(fields: Fields, key: string, at: Where): Decimal | undefined {
  return field(fields, key) === undefined ? undefined : readDecimal(fields, key, at)
}

/** A decimal ≥ 0 (manual discount, freight, header discount amount, band amounts). */
export function nonNegative(value: Decimal, at: Where, key: string): Decimal {
  if (isNegative(value)) fail(at, key, 'must not be negative')
  return value
}

/** A percent in 0..100 (discount percents). */
export function percent(value: Decimal, at: Where, key: string): Decimal {
  if (isNegative(value) || compare(value, HUNDRED) > 0) fail(at, key, 'must be between 0 and 100')
  return value
}

/** One of a fixed set of strings. */
export function readChoice<T extends string>(
  fields: Fields,
  key: string,
  at: Where,
  choices: readonly T[],
  fallback?: T,
): T {
  const value = field(fields, key)
  if (value === undefined && fallback !== undefined) return fallback
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(at, key, `must be one of ${choices.join(', ')}`)
  }
  return value as T
}

/** A precision: an integer 0..4, given as a number or a decimal string. */
export function readPrecision(fields: Fields, key: string, at: Where): number {
  const value = field(fields, key)
  if (value === undefined) return 2
  let places: number | undefined
  if (typeof value === 'number') places = value
  else if (typeof value === 'string') {
    const d = readDecimal(fields, key, at)
    if (d.units % pow10(d.scale) === 0n) places = Number(d.units / pow10(d.scale))
  }
  if (places === undefined || !Number.isInteger(places) || places < 0 || places > 4) {
    fail(at, key, 'must be an integer from 0 to 4')
  }
  return places
}
