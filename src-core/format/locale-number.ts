/**
 * Numbers as a rep types and reads them, in their own locale ('1.234,56' in Germany, '1 234,56' in France), turned
 * into the exact decimal strings src-core computes with ('1234.56'), and back. No binary floating point on the way:
 * parsing works on the characters, display formats the integer part as a bigint and appends the fraction digits.
 */
import { compare, formatDecimal as fixed, MoneyError, parseDecimal } from '@core/money'

/** The characters a locale writes numbers with. */
export interface NumberSymbols {
  decimal: string
  group: string
  minus: string
}

const symbolCache = new Map<string, NumberSymbols>()

/**
 * The decimal separator, group separator and minus sign of a locale, read from `Intl.NumberFormat`.
 * @example
 * numberSymbols('de-DE') // { decimal: ',', group: '.', minus: '-' }
 */
export function numberSymbols(locale: string): NumberSymbols {
  const cached = symbolCache.get(locale)
  if (cached) return cached
  const parts = new Intl.NumberFormat(locale).formatToParts(-1234567.5)
  const find = (type: Intl.NumberFormatPartTypes, fallback: string) =>
    parts.find((p) => p.type === type)?.value ?? fallback
  const symbols = {
    decimal: find('decimal', '.'),
    group: find('group', ','),
    minus: find('minusSign', '-'),
  }
  symbolCache.set(locale, symbols)
  return symbols
}

/** What a field accepts besides "a number". */
export interface NumberRules {
  /** The field's name as the rep sees it; every message starts with it. */
  field: string
  /** Empty input: `undefined` makes it an error, a string is the value an empty field stands for. */
  empty?: string
  /** Lowest accepted value, inclusive (e.g. '0' for discounts and freight). */
  min?: string
  /** Highest accepted value, inclusive (e.g. '100' for a percentage). */
  max?: string
}

export type ParseResult = { ok: true; value: string } | { ok: false; error: string }

// Spaces a rep may type or paste between digit groups: space, no-break space, narrow no-break space, thin space.
const SPACE = /[\s\u00a0\u202f\u2009]/
const SPACES = new RegExp(SPACE.source, 'g')
const MINUS_SIGNS = ['-', '\u2212']

/**
 * Parses what a rep typed in their locale into an exact decimal string, or says why it is not accepted.
 *
 * Group separators are accepted only between groups of three digits, so '1,5' typed by an American is refused
 * rather than silently read as 15. A trailing percent sign is allowed and ignored.
 *
 * @param text - what the rep typed, e.g. '1.234,56'
 * @param locale - a BCP 47 tag, e.g. 'de-DE'
 * @param rules - the field's name and its bounds
 * @example
 * parseLocaleDecimal('1.234,56', 'de-DE', { field: 'Price Per Unit' }) // { ok: true, value: '1234.56' }
 * parseLocaleDecimal('12,5O', 'de-DE', { field: 'Quantity' })
 * // { ok: false, error: 'Quantity: "12,5O" is not a number' }
 */
export function parseLocaleDecimal(text: string, locale: string, rules: NumberRules): ParseResult {
  const { field } = rules
  const shown = text.trim()
  if (shown === '') {
    if (rules.empty !== undefined) return { ok: true, value: rules.empty }
    return { ok: false, error: `${field}: a value is required` }
  }
  const symbols = numberSymbols(locale)
  const canonical = toCanonical(shown, symbols)
  if (canonical === undefined) return { ok: false, error: `${field}: "${shown}" is not a number` }
  try {
    const value = parseDecimal(canonical)
    if (rules.min !== undefined && compare(value, parseDecimal(rules.min)) < 0)
      return { ok: false, error: belowMin(field, shown, rules) }
    if (rules.max !== undefined && compare(value, parseDecimal(rules.max)) > 0)
      return { ok: false, error: aboveMax(field, shown, rules) }
  } catch (e) {
    if (e instanceof MoneyError) return { ok: false, error: `${field}: "${shown}" is ${e.message}` }
    throw e
  }
  return { ok: true, value: canonical }
}

function belowMin(field: string, shown: string, rules: NumberRules): string {
  if (rules.min === '0' && rules.max === '100')
    return `${field}: "${shown}" must be between 0 and 100`
  if (rules.min === '0') return `${field}: "${shown}" cannot be negative`
  return `${field}: "${shown}" must be at least ${rules.min}`
}

function aboveMax(field: string, shown: string, rules: NumberRules): string {
  if (rules.min === '0' && rules.max === '100')
    return `${field}: "${shown}" must be between 0 and 100`
  return `${field} is too large: "${shown}" is more than ${rules.max}`
}

/** '−1.234,5 %' in de-DE → '-1234.5'; undefined when it is not a well-formed number of that locale. */
function toCanonical(text: string, symbols: NumberSymbols): string | undefined {
  let rest = text.replace(/\s*%$/, '')
  const groupIsSpace = SPACE.test(symbols.group)
  // Where groups are not written with spaces, a space inside a number is a typo, not a separator.
  if (!groupIsSpace && SPACE.test(rest)) return undefined
  rest = rest.replace(SPACES, ' ')
  let sign = ''
  const minus = [symbols.minus, ...MINUS_SIGNS].find((m) => rest.startsWith(m))
  if (minus) {
    sign = '-'
    rest = rest.slice(minus.length)
  }
  const [whole = '', fraction, extra] = rest.split(symbols.decimal)
  if (extra !== undefined) return undefined
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return undefined
  const digits = joinGroups(whole, groupIsSpace ? ' ' : symbols.group)
  if (digits === undefined) return undefined
  const intPart = digits === '' ? '0' : digits.replace(/^0+(?=\d)/, '')
  if (digits === '' && fraction === undefined) return undefined
  return `${sign}${intPart}${fraction === undefined ? '' : `.${fraction}`}`
}

/**
 * '1.234.567' → '1234567'. The last group must have three digits and the others two or three (Indian grouping
 * writes 12,34,567), so a separator typed where a decimal point was meant ('1,5') is never read as a group.
 */
function joinGroups(whole: string, group: string): string | undefined {
  if (!whole.includes(group)) return /^\d*$/.test(whole) ? whole : undefined
  const groups = whole.split(group)
  const first = groups[0] ?? ''
  const last = groups[groups.length - 1] ?? ''
  const middle = groups.slice(1, -1)
  if (!/^\d{1,3}$/.test(first) || !/^\d{3}$/.test(last) || middle.some((g) => !/^\d{2,3}$/.test(g)))
    return undefined
  return groups.join('')
}

/** How to show a decimal string. */
export interface DisplayOptions {
  /** Exactly this many decimals (rounded half-even, as the pricing rules do); default: as stored. */
  decimals?: number
  /** Digit grouping ('1.234,56'); off for a value put back into an input for editing. Default on. */
  grouping?: boolean
}

/**
 * A decimal string in the rep's locale, exactly: the integer part goes through `Intl.NumberFormat` as a bigint
 * (so grouping follows the locale, Indian lakh groups included) and the fraction digits are appended as stored.
 * @example
 * formatLocaleDecimal('1234.5', 'de-DE', { decimals: 2 }) // '1.234,50'
 * formatLocaleDecimal('-0.5', 'en-US') // '-0.5'
 */
export function formatLocaleDecimal(
  value: string,
  locale: string,
  options: DisplayOptions = {},
): string {
  let exact: string
  try {
    const parsed = parseDecimal(value)
    exact = options.decimals === undefined ? value : fixed(parsed, options.decimals)
  } catch {
    // A stored value that is not a decimal is shown as it is rather than hidden.
    return value
  }
  const negative = exact.startsWith('-')
  const [whole = '0', fraction] = (negative ? exact.slice(1) : exact).split('.')
  const symbols = numberSymbols(locale)
  const grouped = new Intl.NumberFormat(locale, {
    useGrouping: options.grouping ?? true,
    maximumFractionDigits: 0,
  }).format(BigInt(whole))
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction ?? '')
  const sign = negative && !isZero ? symbols.minus : ''
  return `${sign}${grouped}${fraction === undefined ? '' : symbols.decimal + fraction}`
}
