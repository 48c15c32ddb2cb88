/**
 * Index keys for sorting by money. Money is stored as decimal strings ("1090.00", "-2.5"), which sort as text
 * in the wrong order ("9.00" > "10.00", "-1" < "-2"), and IndexedDB cannot sort by a computed value. So each
 * document that lists by an amount also stores a fixed-width key whose text order is the numeric order.
 */
import { parseDecimal, pow10 } from '../../src-core/money'

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
