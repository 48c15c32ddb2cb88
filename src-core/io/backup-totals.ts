/**
 * A restore reprices every opportunity, order and invoice of the file with the one pricing function (`priceLines`
 * in 'keep' mode: each line's stored price, its quantity and discounts, as the screens and the sync server price
 * it) and refuses the file when a stored amount differs. The backup checksum has no key, so whoever edits a file
 * can recompute it; the amounts are what such an edit would change, and what the rep would then bill and sync.
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { priceLines, type PricedDocument } from '@core/documents/totals'
import type { DocumentLine, DocumentTotals } from '@core/documents/types'
import type { BackupData } from './backup-collections'

/** Names of the header amounts as the totals panel shows them; Total Amount first, the one a rep reads. */
const TOTAL_LABELS: ReadonlyArray<[keyof DocumentTotals, string]> = [
  ['totalAmount', 'Total Amount'],
  ['detailAmount', 'Detail Amount'],
  ['lineItemDiscountAmount', 'Line Item Discount Amount'],
  ['discountPercentAmount', 'Discount (%) Amount'],
  ['totalDiscountAmount', 'Total Discount Amount'],
  ['preFreightAmount', 'Pre-Freight Amount'],
  ['freightAmount', 'Freight Amount'],
  ['totalTax', 'Total Tax'],
]

type LineAmount =
  'pricePerUnit' | 'volumeDiscount' | 'amount' | 'manualDiscountAmount' | 'extendedAmount'

const LINE_LABELS: ReadonlyArray<[LineAmount & keyof DocumentLine, string]> = [
  ['pricePerUnit', 'Price Per Unit'],
  ['volumeDiscount', 'Volume Discount'],
  ['amount', 'Amount'],
  ['manualDiscountAmount', 'Manual Discount'],
  ['extendedAmount', 'Extended Amount'],
]

/**
 * A decimal string with its thousands grouped and every stored digit kept: "1000.00" → "1,000.00". Messages show
 * the amounts exactly as they are in the file, so a rep can find them there.
 */
export function groupThousands(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount)
  if (!match) return amount
  const [, sign = '', whole = '', fraction = ''] = match
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction}`
}

type Document = (
  BackupData['opportunities'] | BackupData['orders'] | BackupData['invoices']
)[number]

/** How a rep names a document: its kind and number, or an opportunity's name (it has no number). */
function documentName(doc: Document): string {
  if (doc.kind === 'opportunity') return `Opportunity "${doc.name}"`
  return `${doc.kind === 'invoice' ? 'Invoice' : 'Order'} ${doc.number}`
}

function totalsDifference(
  stored: DocumentTotals,
  computed: DocumentTotals,
  suffix: string,
): string | undefined {
  for (const [key, label] of TOTAL_LABELS) {
    if (stored[key] !== computed[key])
      return `${label}${suffix} in the file is ${groupThousands(stored[key])}, its lines give ${groupThousands(computed[key])}`
  }
  return undefined
}

function linesDifference(stored: PricedDocument, computed: PricedDocument): string | undefined {
  for (const [i, line] of computed.lines.entries()) {
    const kept = stored.lines[i]
    for (const [key, label] of LINE_LABELS) {
      const was = kept?.[key] ?? 'missing'
      const is = line[key]
      if (was !== is)
        return `line ${i + 1} (${line.productName}): ${label} in the file is ${groupThousands(was)}, its price, quantity and discounts give ${groupThousands(is)}`
    }
  }
  return undefined
}

/** VAT mode: the stored VAT breakdown must be the one its lines give, group for group. */
function breakdownDifference(stored: PricedDocument, computed: PricedDocument): string | undefined {
  const kept = stored.vatBreakdown ?? []
  const want = computed.vatBreakdown ?? []
  for (let i = 0; i < Math.max(kept.length, want.length); i++) {
    const was = kept[i]
    const is = want[i]
    const name = (g: typeof was) => (g ? `${g.category} ${g.rate} %` : 'missing')
    if (!was || !is || was.category !== is.category || was.rate !== is.rate)
      return `VAT group ${i + 1} in the file is ${name(was)}, its lines give ${name(is)}`
    if (was.taxableAmount !== is.taxableAmount || was.taxAmount !== is.taxAmount)
      return `VAT ${name(is)} in the file is ${groupThousands(was.taxAmount)} on ${groupThousands(was.taxableAmount)}, its lines give ${groupThousands(is.taxAmount)} on ${groupThousands(is.taxableAmount)}`
  }
  return undefined
}

/** The first stored amount of one document that its lines do not give, or undefined. */
export function documentTotalsDifference(doc: Document): string | undefined {
  const priced = priceLines(doc, 'keep', EMPTY_CATALOG)
  // The refusal is worded for an edit ("This change cannot be priced: …"); here it is the stored document.
  if (!priced.ok)
    return `${documentName(doc)} cannot be priced: ${priced.refusal.reason.replace(/^.*?priced: |\.$/g, '')}`
  const computed = priced.document
  const difference =
    linesDifference(doc, computed) ??
    totalsDifference(doc.totals, computed.totals, '') ??
    totalsDifference(doc.baseTotals, computed.baseTotals, ' (Base)') ??
    breakdownDifference(doc, computed)
  return difference === undefined ? undefined : `${documentName(doc)}: ${difference}`
}

/**
 * Reprices every document of a backup and names the first whose stored amounts do not match.
 *
 * @param data - a backup's records, each already valid under its schema
 * @returns undefined when every amount matches, else the reason the file is refused
 * @example
 * checkBackupTotals(data)
 * // 'Invoice INV-00012-ABCDE: Total Amount in the file is 1,000.00, its lines give 39.00. …'
 */
export function checkBackupTotals(data: BackupData): string | undefined {
  for (const doc of [...data.invoices, ...data.orders, ...data.opportunities]) {
    const difference = documentTotalsDifference(doc)
    if (difference !== undefined)
      return `${difference}. The file was changed after it was made, so it is not restored.`
  }
  return undefined
}
