/**
 * Money and quantities as text for people (forms, lists, print, statement, mail): the digits always come from
 * `formatLocaleDecimal`, so an amount reads the same everywhere in a locale ('1,090.50' beside '$1,090.50'),
 * with the decimals of the document's currency rather than whatever a caller happened to store.
 */
import { formatLocaleDecimal } from './locale-number'

const NUMBER_PARTS = new Set<Intl.NumberFormatPartTypes>([
  'integer',
  'group',
  'decimal',
  'fraction',
])

/**
 * An amount with its currency's symbol, placed as the locale places it ('$1,090.50', '1.090,50 €', '-$5.00').
 *
 * @param amount - a decimal string as stored ('1090.5')
 * @param currencyCode - ISO 4217 code of the document's currency
 * @param locale - a BCP 47 tag; the rep's locale
 * @param decimals - the document's currency precision; the currency's usual decimals when not given
 * @example
 * formatMoney('1090.5', 'USD', 'en-US') // '$1,090.50'
 * formatMoney('1090.5', 'EUR', 'de-DE', 2) // '1.090,50 €'
 */
export function formatMoney(
  amount: string,
  currencyCode: string,
  locale = 'en-US',
  decimals?: number,
): string {
  const currency = new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode })
  const places = decimals ?? currency.resolvedOptions().maximumFractionDigits ?? 2
  const digits = formatLocaleDecimal(amount, locale, { decimals: places })
  const negative = /^\D/.test(digits) && digits !== formatLocaleDecimal('0', locale)
  const unsigned = negative ? digits.replace(/^\D+/, '') : digits
  // The locale's pattern for ±1 in this currency, with our exact digits where its number goes.
  let placed = false
  return currency
    .formatToParts(negative ? -1 : 1)
    .map((part) => {
      if (!NUMBER_PARTS.has(part.type)) return part.value
      if (placed) return ''
      placed = true
      return unsigned
    })
    .join('')
}

/**
 * A quantity without trailing zeros, grouped: '2.5' → '2.5', '12.000' → '12', '1500' → '1,500'.
 * @example
 * formatQuantity('1234.50', 'de-DE') // '1.234,5'
 */
export function formatQuantity(quantity: string, locale = 'en-US'): string {
  const trimmed = /\./.test(quantity) ? quantity.replace(/0+$/, '').replace(/\.$/, '') : quantity
  return formatLocaleDecimal(trimmed, locale)
}

/**
 * A count of things, grouped as the locale groups numbers: 1204 → '1,204'.
 * @example
 * formatCount(49812, 'de-DE') // '49.812'
 */
export function formatCount(count: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count)
}
