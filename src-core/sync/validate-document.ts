/**
 * The server's check of a pushed document's numbers: every computed field (line amounts, totals, base totals) is
 * recomputed with `priceLines` in 'keep' mode, which is `priceDocument` over the prices the document carries, and
 * must equal what was pushed, string for string (in VAT mode the VAT breakdown too). The desktop prices with the same function, so any difference
 * is a forged or corrupted total, never a rounding disagreement.
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { priceLines, type PricedDocument } from '@core/documents/totals'
import type { DocumentLine, DocumentTotals } from '@core/documents/types'

/** Why a document's numbers were refused; `reason` is a sentence a rep can read. */
export interface TotalsRefusal {
  code: 'forgedTotals'
  reason: string
}

const LINE_FIELDS = [
  'pricePerUnit',
  'volumeDiscount',
  'amount',
  'manualDiscountAmount',
  'extendedAmount',
] as const satisfies readonly (keyof DocumentLine)[]

function firstDifference(
  pushed: DocumentTotals,
  computed: DocumentTotals,
  prefix: string,
): string | undefined {
  for (const key of Object.keys(computed) as (keyof DocumentTotals)[]) {
    if (pushed[key] !== computed[key])
      return `${prefix}.${key} is ${pushed[key]} but its lines give ${computed[key]}`
  }
  return undefined
}

function lineDifference(pushed: PricedDocument, computed: PricedDocument): string | undefined {
  for (const [i, line] of computed.lines.entries()) {
    const sent = pushed.lines[i]
    for (const field of LINE_FIELDS) {
      if (sent?.[field] !== line[field])
        return `line ${i + 1} (${line.productName}) has ${field} ${sent?.[field]} but its price, quantity and discounts give ${line[field]}`
    }
  }
  return undefined
}

/** VAT mode's breakdown must be the computed one, entry for entry; a typed document carries none. */
function breakdownDifference(pushed: PricedDocument, computed: PricedDocument): string | undefined {
  const sent = pushed.vatBreakdown
  const want = computed.vatBreakdown
  if (want === undefined)
    return sent === undefined ? undefined : 'a typed-tax document carries a VAT breakdown'
  if (sent === undefined) return 'the VAT breakdown is missing'
  if (sent.length !== want.length)
    return `the VAT breakdown has ${sent.length} groups but its lines give ${want.length}`
  for (const [i, group] of want.entries()) {
    const other = sent[i]
    for (const key of ['category', 'rate', 'taxableAmount', 'taxAmount'] as const) {
      if (other?.[key] !== group[key])
        return `vatBreakdown[${i}].${key} is ${other?.[key]} but its lines give ${group[key]}`
    }
  }
  return undefined
}

/**
 * Recomputes a document's line amounts and totals and compares them with what it carries.
 *
 * @param doc - an opportunity, order or invoice that has passed its schema
 * @returns undefined when every computed field matches, else a refusal naming the first that does not
 * @example
 * checkTotals({ ...invoice, totals: { ...invoice.totals, totalAmount: '0.01' } })
 * // { code: 'forgedTotals', reason: 'The totals do not match the lines: totals.totalAmount is 0.01 but ...' }
 */
export function checkTotals(doc: PricedDocument): TotalsRefusal | undefined {
  const priced = priceLines(doc, 'keep', EMPTY_CATALOG)
  if (!priced.ok) return { code: 'forgedTotals', reason: priced.refusal.reason }
  const computed = priced.document
  const difference =
    lineDifference(doc, computed) ??
    firstDifference(doc.totals, computed.totals, 'totals') ??
    firstDifference(doc.baseTotals, computed.baseTotals, 'baseTotals') ??
    breakdownDifference(doc, computed)
  if (difference === undefined) return undefined
  return { code: 'forgedTotals', reason: `The totals do not match the lines: ${difference}.` }
}
