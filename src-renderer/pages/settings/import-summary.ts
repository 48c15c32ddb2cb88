/**
 * What an import preview says in one sentence: how many rows the file has, how many are ready (and how many of
 * those change a record already stored), and how many rows have a problem and stay out.
 */
import type { ImportKind } from '@core/io/import-columns'
import type { ImportError } from '@core/io/import-rows'
import { countOf } from '@renderer/format/plural'

const NOUNS: Record<ImportKind, [string, string]> = {
  customers: ['customer', 'customers'],
  products: ['product', 'products'],
  priceListItems: ['price list item', 'price list items'],
}

export interface PreviewCounts {
  kind: ImportKind
  rows: number
  good: readonly unknown[]
  updates: number
  errors: readonly ImportError[]
}

/**
 * @example
 * importSummary({ kind: 'customers', rows: 3, good: [a, b], updates: 1, errors: [{ line: 3, reason: '…' }] })
 * // '3 rows in the file: 2 ready to import (1 updates an existing customer); 1 row with a problem, not imported.'
 */
export function importSummary(preview: PreviewCounts): string {
  const [one, many] = NOUNS[preview.kind]
  const bad = new Set(preview.errors.map((e) => e.line)).size
  // A refused header or an unreadable file refuses every row: one problem, not a count of rows.
  if (preview.good.length === 0 && bad > 0)
    return 'Nothing can be imported: correct the problems below in the file and preview it again.'
  if (preview.rows === 0) return 'The file has no rows to import under its header.'
  const updates =
    preview.updates === 0
      ? ''
      : preview.updates === 1
        ? ` (1 updates an existing ${one})`
        : ` (${preview.updates.toLocaleString()} update existing ${many})`
  const problems =
    bad === 0 ? '' : `; ${countOf(bad, 'row with a problem', 'rows with problems')}, not imported`
  return `${countOf(preview.rows, 'row')} in the file: ${preview.good.length.toLocaleString()} ready to import${updates}${problems}.`
}
