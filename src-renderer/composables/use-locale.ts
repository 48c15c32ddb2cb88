import {
  formatIsoDate,
  formatIsoDateTime,
  formatLocaleDecimal,
  type DisplayOptions,
} from '@renderer/format'

/** The rep's locale: the one the operating system (or the browser) reports. */
export function currentLocale(): string {
  return navigator.language || 'en-US'
}

/**
 * Formatting helpers bound to the rep's locale, for templates.
 * @example
 * const { money } = useLocale()
 * money('1090', 2) // '1,090.00' in en-US
 */
export function useLocale() {
  const locale = currentLocale()
  return {
    locale,
    /** A decimal string at exactly `decimals` places, grouped. */
    money: (value: string | undefined, decimals: number) =>
      value === undefined ? '' : formatLocaleDecimal(value, locale, { decimals }),
    /** A decimal string as stored, ungrouped, to put into an input for editing. */
    editable: (value: string | undefined) =>
      value === undefined ? '' : formatLocaleDecimal(value, locale, { grouping: false }),
    date: (value: string | undefined) => formatIsoDate(value, locale),
    dateTime: (value: string | undefined) => formatIsoDateTime(value, locale),
    display: (value: string, options?: DisplayOptions) =>
      formatLocaleDecimal(value, locale, options),
  }
}
