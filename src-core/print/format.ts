/**
 * Formatting at the edge (print view, mail text): money and dates for people. Amounts stay decimal strings up to
 * here and are handed to Intl as strings, which formats them exactly (a JS number would round past 15 digits).
 */

// ES2023's Intl formats numeric strings exactly; our lib setting (ES2022) does not declare that overload yet.
// `format` is a getter that returns a bound function, so calling it detached is safe.
function formatExact(format: Intl.NumberFormat, value: string): string {
  return (format.format as unknown as (value: string) => string)(value)
}

/**
 * Formats a decimal string as money in a currency, e.g. `formatMoney('1090.5', 'USD', 'en-US')` → "$1,090.50".
 *
 * @param amount a decimal string as stored ("1090.50")
 * @param currencyCode ISO 4217 code of the document's currency
 * @param locale a BCP 47 tag; the rep's locale
 */
export function formatMoney(amount: string, currencyCode: string, locale = 'en-US'): string {
  return formatExact(
    new Intl.NumberFormat(locale, { style: 'currency', currency: currencyCode }),
    amount,
  )
}

/** Formats a decimal string quantity without forcing decimals: "2.5" → "2.5", "12" → "12". */
export function formatQuantity(quantity: string, locale = 'en-US'): string {
  return formatExact(new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }), quantity)
}

/**
 * Formats an ISO date ("2025-03-01") or instant as a calendar date. A date-only value is read as that calendar
 * day in UTC so that it never shifts to the day before in a timezone west of Greenwich.
 */
export function formatDate(iso: string, locale = 'en-US'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso)
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date)
}
