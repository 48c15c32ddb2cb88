/**
 * A slow, independent reference for rounding, used only by tests: it rounds decimal *strings* by inspecting
 * digits, the way one would by hand, so it shares no code (and no bug) with money.ts's bigint arithmetic.
 */
import type { RoundingRule } from '@core/money'

/** Adds one to a string of digits ('199' → '200'). */
function incrementDigits(digits: string): string {
  const out = digits.split('')
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
    out[i] = '0'
  }
  return `1${out.join('')}`
}

/**
 * Rounds a canonical decimal string to `places` decimals and prints it with exactly that many (never '-0').
 *
 * @example
 * referenceRound('-2.345', 2, 'halfEven') // '-2.34'
 */
export function referenceRound(text: string, places: number, rule: RoundingRule): string {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const padded = fraction.padEnd(places, '0')
  let kept = whole + padded.slice(0, places)
  const dropped = padded.slice(places)
  if (/[1-9]/.test(dropped)) {
    const first = dropped.charAt(0)
    const rest = /[1-9]/.test(dropped.slice(1))
    const lastKeptOdd = Number(kept.charAt(kept.length - 1)) % 2 === 1
    const away =
      rule === 'ceiling'
        ? !negative
        : rule === 'floor'
          ? negative
          : first > '5' || (first === '5' && (rest || rule === 'halfUp' || lastKeptOdd))
    if (away) kept = incrementDigits(kept)
  }
  kept = kept.replace(/^0+(?=\d)/, '').padStart(places + 1, '0')
  const cut = kept.length - places
  const body = places === 0 ? kept : `${kept.slice(0, cut)}.${kept.slice(cut)}`
  return negative && /[1-9]/.test(body) ? `-${body}` : body
}

/**
 * numerator / denominator as a decimal string with `places + 1` digits by long division, plus a trailing '1'
 * when the division is inexact: enough digits for referenceRound to decide any rule exactly.
 */
export function referenceQuotient(numerator: bigint, denominator: bigint, places: number): string {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n
  let n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const whole = (n / d).toString()
  n %= d
  let fraction = ''
  for (let i = 0; i <= places; i++) {
    n *= 10n
    fraction += (n / d).toString()
    n %= d
  }
  if (n !== 0n) fraction += '1'
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/**
 * Prints units / 10^scale as a canonical decimal string; test generators draw a bigint and a scale and turn
 * them into input with this, which keeps fast-check itself inside the *.test.ts files.
 *
 * @example
 * canonicalDecimal(-5n, 2) // '-0.05'
 */
export function canonicalDecimal(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0')
  const cut = digits.length - scale
  const body = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`
  return `${units < 0n ? '-' : ''}${body}`
}
