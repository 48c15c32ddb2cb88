/**
 * Receivables at a glance: what customers owe on open invoices, per currency, how much of it is overdue and by
 * how long (the aging buckets of an accounts receivable report), and the largest overdue invoices. Amounts are
 * summed exactly (money.ts); invoices in different currencies are never added together.
 */
import {
  add,
  compare,
  formatDecimal,
  isNegative,
  isZero,
  parseDecimal,
  ZERO,
  type Decimal,
} from '@core/money'
import type { Id, IsoDate } from '@core/documents/types'

/** Current (not yet due, or no due date), then days past the due date. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/** The few fields of an open invoice that receivables need. */
export interface OpenInvoice {
  id: Id
  number: string
  customerId: Id
  currencyCode: string
  dueDate?: IsoDate
  /** Balance due as stored (a decimal string). */
  balanceDue: string
}

export interface CurrencyReceivables {
  currencyCode: string
  /** Everything still due on open invoices. */
  outstanding: string
  /** The part of it past its due date. */
  overdue: string
  buckets: Record<AgingBucket, string>
  invoiceCount: number
  overdueCount: number
}

export interface Receivables {
  /** One entry per currency, in code order. */
  currencies: CurrencyReceivables[]
  /** The largest overdue balances, largest first (any currency: each keeps its own). */
  largestOverdue: Array<OpenInvoice & { daysOverdue: number }>
}

const DAY_MS = 86_400_000

/**
 * Whole days from the due date to today; 0 when not yet due or without a due date.
 *
 * @example
 * daysOverdue('2025-03-01', '2025-03-31') // 30
 */
export function daysOverdue(dueDate: IsoDate | undefined, today: IsoDate): number {
  if (!dueDate) return 0
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS,
  )
  return Number.isFinite(days) && days > 0 ? days : 0
}

/** @example agingBucket(0) // 'current'; agingBucket(31) // '31-60' */
export function agingBucket(days: number): AgingBucket {
  if (days <= 0) return 'current'
  if (days <= 30) return '1-30'
  if (days <= 60) return '31-60'
  if (days <= 90) return '61-90'
  return '90+'
}

interface CurrencyTally {
  outstanding: Decimal
  overdue: Decimal
  buckets: Record<AgingBucket, Decimal>
  invoiceCount: number
  overdueCount: number
  places: number
}

const newTally = (): CurrencyTally => ({
  outstanding: ZERO,
  overdue: ZERO,
  buckets: { current: ZERO, '1-30': ZERO, '31-60': ZERO, '61-90': ZERO, '90+': ZERO },
  invoiceCount: 0,
  overdueCount: 0,
  places: 2,
})

/**
 * Adds open invoices one by one (a caller reading them in batches never holds them all) and answers the
 * totals at the end. An invoice with nothing due, or a credit (a negative balance), is left out.
 *
 * @param today - the rep's local day, YYYY-MM-DD
 * @param top - how many of the largest overdue invoices to keep
 * @example
 * const tally = receivablesTally('2025-03-31')
 * for (const invoice of batch) tally.add(invoice)
 * tally.result().currencies[0]?.overdue // '120.00'
 */
export function receivablesTally(today: IsoDate, top = 5) {
  const byCurrency = new Map<string, CurrencyTally>()
  let largest: Array<OpenInvoice & { daysOverdue: number; amount: Decimal }> = []

  function add_(invoice: OpenInvoice): void {
    const amount = parseDecimal(invoice.balanceDue)
    if (isZero(amount) || isNegative(amount)) return
    const tally = byCurrency.get(invoice.currencyCode) ?? newTally()
    byCurrency.set(invoice.currencyCode, tally)
    const days = daysOverdue(invoice.dueDate, today)
    const bucket = agingBucket(days)
    tally.outstanding = add(tally.outstanding, amount)
    tally.buckets[bucket] = add(tally.buckets[bucket], amount)
    tally.invoiceCount++
    tally.places = Math.max(tally.places, amount.scale)
    if (days === 0) return
    tally.overdue = add(tally.overdue, amount)
    tally.overdueCount++
    if (largest.length < top || compare(amount, largest[largest.length - 1]!.amount) > 0) {
      largest = [...largest, { ...invoice, daysOverdue: days, amount }]
        .sort((a, b) => compare(b.amount, a.amount))
        .slice(0, top)
    }
  }

  function result(): Receivables {
    const currencies = [...byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currencyCode, t]): CurrencyReceivables => {
        const text = (d: Decimal) => formatDecimal(d, t.places)
        return {
          currencyCode,
          outstanding: text(t.outstanding),
          overdue: text(t.overdue),
          buckets: {
            current: text(t.buckets.current),
            '1-30': text(t.buckets['1-30']),
            '31-60': text(t.buckets['31-60']),
            '61-90': text(t.buckets['61-90']),
            '90+': text(t.buckets['90+']),
          },
          invoiceCount: t.invoiceCount,
          overdueCount: t.overdueCount,
        }
      })
    const largestOverdue = largest.map(({ amount: _amount, ...invoice }) => invoice)
    return { currencies, largestOverdue }
  }

  return { add: add_, result }
}
