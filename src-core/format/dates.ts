/**
 * Dates as the rep reads them. Stored dates are ISO strings (`2025-03-01`, or instants for history); they are
 * shown with `Intl.DateTimeFormat` in the rep's locale and never turned into local midnight by accident.
 */

/** Formatters by locale and style: building an Intl formatter costs far more than using one (a list formats hundreds). */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(locale, options)))
  return found
}

/**
 * An ISO calendar date in the rep's locale, read as a calendar date (no time zone shift); an instant is shown as
 * its day in the rep's time zone. Every date in the app reads this way: one date format per locale.
 * @example
 * formatIsoDate('2025-03-01', 'de-DE') // '01.03.2025'
 */
export function formatIsoDate(date: string | undefined, locale: string): string {
  if (!date) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (match) {
    const [, y, m, d] = match
    const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    return formatter(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(utc)
  }
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(date) ? new Date(date) : undefined
  if (!instant || Number.isNaN(instant.getTime())) return date
  return formatter(locale, { dateStyle: 'medium' }).format(instant)
}

/**
 * An ISO instant (history, payments recorded) in the rep's locale and time zone.
 * @example
 * formatIsoDateTime('2025-03-01T09:30:00.000Z', 'en-GB') // '1 Mar 2025, 09:30' (in UTC)
 */
export function formatIsoDateTime(instant: string | Date | undefined, locale: string): string {
  if (!instant) return ''
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) return typeof instant === 'string' ? instant : ''
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** Today as an ISO calendar date in the rep's own time zone (what "today" means to them). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
