/**
 * Index keys for sorting by money. Money is stored as decimal strings ("1090.00", "-2.5"), which sort as text
 * in the wrong order ("9.00" > "10.00", "-1" < "-2"), and IndexedDB cannot sort by a computed value. So each
 * document that lists by an amount also stores a fixed-width key whose text order is the numeric order.
 */
import { parseDecimal, pow10 } from '@core/money'

/** Decimals kept in a key: every amount money.ts accepts has at most this many. */
const KEY_PLACES = 10
/** Integer digits money.ts accepts (MAX_INTEGER_DIGITS); with the decimals, |units| < 10^25. */
const KEY_MAGNITUDE_DIGITS = 25
/** Added to the scaled value so negatives become non-negative and keep their order. */
const OFFSET = pow10(KEY_MAGNITUDE_DIGITS)
/** Width of every key: the offset value spans 0 … 2·10^25 − 1, which is 26 digits. */
export const DECIMAL_KEY_LENGTH = KEY_MAGNITUDE_DIGITS + 1

/**
 * A fixed-width, zero-padded string of `(amount × 10^10) + 10^25`: comparing two keys as text gives the same
 * answer as comparing the amounts. Exact (bigint), never a float.
 *
 * @example
 * decimalSortKey('-1') < decimalSortKey('0.5') // true
 * decimalSortKey('9.00') < decimalSortKey('10') // true
 */
export function decimalSortKey(amount: string): string {
  const value = parseDecimal(amount)
  const units = value.units * pow10(KEY_PLACES - value.scale)
  return (units + OFFSET).toString().padStart(DECIMAL_KEY_LENGTH, '0')
}

/** Sorts documents without a date after all dated ones in ascending order (a missing due date is "never"). */
export const NO_DATE_KEY = '9999-12-31'

/**
 * A lower-cased, trimmed name for case-insensitive sorting and prefix search through an index.
 *
 * @example
 * nameKey('  Contoso Ltd ') // 'contoso ltd'
 */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en-US').slice(0, NAME_KEY_LENGTH)
}

/** Longest indexed name key; longer names still sort correctly on their first 100 characters. */
export const NAME_KEY_LENGTH = 100

/**
 * Maps each digit d to 9 − d and leaves every other character alone. On keys of one fixed-width shape (a
 * decimalSortKey, a 'YYYY-MM-DD' date) ascending text order of the result is descending order of the input.
 *
 * RxDB's query planner never walks an index backwards: a 'desc' sort reads every matching document and sorts
 * them in memory (node_modules/rxdb/dist/esm/query-planner.js, `hasDescSorting`). So each newest-first or
 * largest-first list stores such an inverted key and sorts ascending on it.
 *
 * @example
 * invertDigits('2025-03-01') // '7974-96-98'
 */
export function invertDigits(key: string): string {
  let out = ''
  for (const ch of key)
    out += ch >= '0' && ch <= '9' ? String.fromCharCode(105 - ch.charCodeAt(0)) : ch
  return out
}

/** Digits of a UTC instant: 'YYYYMMDDHHmmssSSS'. */
export const INSTANT_KEY_LENGTH = 17
const CANONICAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/

/**
 * A date-time as 17 digits of its UTC instant, so that offsets and precisions compare correctly. Instants
 * outside years 0000–9999 clamp to the ends; sub-millisecond digits are dropped (ties sort by id).
 */
function instantDigits(dateTime: string): string {
  const canonical = CANONICAL_INSTANT.exec(dateTime)
  if (canonical) return canonical.slice(1).join('')
  const ms = Date.parse(dateTime)
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${dateTime}`)
  const iso = new Date(ms).toISOString()
  const parts = CANONICAL_INSTANT.exec(iso)
  if (parts) return parts.slice(1).join('')
  return iso.startsWith('-') ? '0'.repeat(INSTANT_KEY_LENGTH) : '9'.repeat(INSTANT_KEY_LENGTH)
}

/**
 * The newest-first key of a date-time: ascending order of keys is descending order of instants.
 *
 * @example
 * newestFirstKey('2025-03-01T09:00:00.000Z') < newestFirstKey('2025-02-28T09:00:00.000Z') // true
 */
export function newestFirstKey(dateTime: string): string {
  return invertDigits(instantDigits(dateTime))
}

/** Width of a due / delivery descending key: an inverted date, then an inverted decimalSortKey. */
export const DATE_AMOUNT_DESC_KEY_LENGTH = 10 + DECIMAL_KEY_LENGTH

/**
 * Latest date first, then largest amount first: one key for a "due, descending" list.
 *
 * @param dateKey - a 'YYYY-MM-DD' date (or NO_DATE_KEY)
 * @param amountKey - a decimalSortKey
 */
export function dateAmountDescKey(dateKey: string, amountKey: string): string {
  return invertDigits(dateKey) + invertDigits(amountKey)
}
