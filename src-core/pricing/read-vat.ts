/**
 * Reads a VAT category and rate (a line's `vat`, the header's `freightVat`) as VAT mode needs them: a category of
 * EN 16931 and a rate that fits it.
 */
import { compare, ZERO, type Decimal } from '@core/money'
import type { VatCategory } from './types'
import {
  fail,
  field,
  HUNDRED,
  inside,
  readChoice,
  readDecimal,
  readObject,
  type Where,
} from './read-values'

export interface VatSpec {
  category: VatCategory
  rate: Decimal
}

/** Every category VAT mode accepts, in the order of vat.md. */
export const VAT_CATEGORIES: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M']

/** Categories that tax at a positive rate; every other one has rate 0. */
const TAXED: ReadonlySet<VatCategory> = new Set(['S', 'L', 'M'])

/**
 * @param fields - the object holding the VAT (a line, or the header)
 * @param key - 'vat' or 'freightVat'
 * @throws PricingError naming `key` when absent, or `key.category` / `key.rate` when wrong
 */
export function readVat(
  fields: Readonly<Record<string, unknown>>,
  key: string,
  at: Where,
): VatSpec {
  if (field(fields, key) === undefined) fail(at, key, 'is required in VAT mode')
  const vat = readObject(field(fields, key), at, key)
  const vatAt = inside(at, key)
  const category = readChoice(vat, 'category', vatAt, VAT_CATEGORIES)
  const rate = readDecimal(vat, 'rate', vatAt)
  if (rate.scale > 2) fail(vatAt, 'rate', 'must have at most 2 decimals')
  if (compare(rate, ZERO) < 0 || compare(rate, HUNDRED) > 0) {
    fail(vatAt, 'rate', 'must be between 0 and 100')
  }
  const positive = compare(rate, ZERO) > 0
  if (TAXED.has(category) && !positive) {
    fail(vatAt, 'rate', `must be above 0 for category ${category}`)
  }
  if (!TAXED.has(category) && positive) fail(vatAt, 'rate', `must be 0 for category ${category}`)
  return { category, rate }
}
