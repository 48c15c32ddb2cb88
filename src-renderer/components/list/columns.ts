/**
 * The columns a ListView draws, typed by what they hold: each knows how to read its value from a row, and its
 * `key` is the sort the list's store understands for it (every column sorts).
 *
 * @example
 * const columns: ListColumn<Order>[] = [
 *   { type: 'link', key: 'number', header: 'Order ID', text: (o) => o.number, to: (o) => `/orders/${o.id}` },
 *   { type: 'amount', key: 'totalAmount', header: 'Total Amount', amount: (o) => o.totals.totalAmount,
 *     precision: (o) => o.pricing.currencyPrecision },
 *   { type: 'currency', key: 'currency', header: 'Currency', currency: (o) => o.currencyCode },
 * ]
 */
import { formatCount } from '@renderer/format'

export type TagSeverity = 'success' | 'info' | 'warn' | 'danger' | 'secondary' | 'contrast'

interface ColumnBase<K extends string> {
  /** The sort key of the column in the list's store. */
  key: K
  header: string
  /** A CSS width; columns without one share what is left. */
  width?: string
}

/** Plain text, cut with an ellipsis when it does not fit (the whole text is its tooltip). */
export interface TextColumn<T, K extends string> extends ColumnBase<K> {
  type: 'text'
  text: (row: T) => string | undefined
}

/** The record's name or number: a link to its page (`to`), or to its dialog (the list's `open` event). */
export interface LinkColumn<T, K extends string> extends ColumnBase<K> {
  type: 'link'
  text: (row: T) => string
  to?: (row: T) => string
  /** The accessible name when the text alone is not unique ('Edit Hinge (Each)'). */
  label?: (row: T) => string
  /** A tag beside the link (e.g. 'Retired'). */
  tag?: (row: T) => string | undefined
}

/** An ISO calendar date, shown in the rep's format, with an optional warning tag (e.g. 'Overdue'). */
export interface DateColumn<T, K extends string> extends ColumnBase<K> {
  type: 'date'
  date: (row: T) => string | undefined
  flag?: (row: T) => string | undefined
}

/** A decimal amount, right-aligned at its currency's precision; the currency has its own column. */
export interface AmountColumn<T, K extends string> extends ColumnBase<K> {
  type: 'amount'
  amount: (row: T) => string | undefined
  precision: (row: T) => number
}

/** The currency of the row's amounts, in a narrow column of its own. */
export interface CurrencyColumn<T, K extends string> extends ColumnBase<K> {
  type: 'currency'
  currency: (row: T) => string | undefined
}

/** A whole number, right-aligned (e.g. how many contacts or products). */
export interface CountColumn<T, K extends string> extends ColumnBase<K> {
  type: 'count'
  count: (row: T) => number
}

/** A status as a coloured tag. */
export interface StatusColumn<T, K extends string> extends ColumnBase<K> {
  type: 'status'
  status: (row: T) => string
  severity: (row: T) => TagSeverity
}

export type ListColumn<T, K extends string = string> =
  | TextColumn<T, K>
  | LinkColumn<T, K>
  | DateColumn<T, K>
  | AmountColumn<T, K>
  | CurrencyColumn<T, K>
  | CountColumn<T, K>
  | StatusColumn<T, K>

/** "1–25 of 49,812": where the page on screen sits in the list; "of 26 or more" while still counting. */
export function countText(
  page: number,
  pageSize: number,
  shown: number,
  total: number,
  totalKnown: boolean,
  locale: string,
): string {
  const n = { format: (count: number) => formatCount(count, locale) }
  if (shown === 0) return ''
  const first = page * pageSize + 1
  const last = page * pageSize + shown
  const of = totalKnown ? n.format(total) : `${n.format(total)} or more`
  return `${n.format(first)}–${n.format(last)} of ${of}`
}
