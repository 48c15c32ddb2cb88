/**
 * Renders a worked pricing example (a vector: input and expected output) as the Markdown that `docs/money.md`
 * shows a reader. `docs-examples.test.ts` renders every vector and checks the document holds exactly that text,
 * so the page a newcomer reads can never disagree with the examples the pricing function is tested against.
 */
import type { PriceDocumentInput, PriceDocumentResult, PricingLineInput } from '../types'

export interface PricingVector {
  name: string
  input: PriceDocumentInput
  expect: PriceDocumentResult
}

export const EXAMPLES_START = '<!-- pricing examples: start -->'
export const EXAMPLES_END = '<!-- pricing examples: end -->'

const TOTAL_LABELS: Record<keyof PriceDocumentResult['totals'], string> = {
  detailAmount: 'Detail Amount',
  lineItemDiscountAmount: 'Line Item Discount',
  discountPercentAmount: 'Discount (%) amount',
  totalDiscountAmount: 'Total Discount',
  preFreightAmount: 'Pre-Freight Amount',
  freightAmount: 'Freight Amount',
  totalTax: 'Total Tax',
  totalAmount: 'Total Amount',
}

function priceSource(line: PricingLineInput): string {
  if (line.pricePerUnit !== undefined) return `typed ${line.pricePerUnit}`
  const c = line.catalog
  if (!c) return '—'
  const figures = [
    c.amount && `amount ${c.amount}`,
    c.percentage && `${c.percentage} %`,
    c.listPrice && `list ${c.listPrice}`,
    c.currentCost && `current cost ${c.currentCost}`,
    c.standardCost && `standard cost ${c.standardCost}`,
  ].filter(Boolean)
  const rounding =
    c.rounding && c.rounding.policy !== 'none'
      ? `, rounded ${c.rounding.policy} ${c.rounding.option ?? ''} ${c.rounding.amount ?? ''}`.trimEnd()
      : ''
  return `${c.pricingMethod} (${figures.join(', ')})${rounding}`
}

function discountList(line: PricingLineInput): string {
  const d = line.discountList
  if (!d) return '—'
  const bands = d.bands.map((b) => `${b.from}–${b.to}: ${b.value}`).join('; ')
  return `${d.type} ${bands}`
}

function settingsLine(input: PriceDocumentInput): string {
  const s = input.settings ?? {}
  const h = input.header ?? {}
  const parts = [
    `discount method ${s.discountMethod ?? 'lineItem'}`,
    `rounding ${s.rounding ?? 'halfEven'}`,
    `pricing precision ${String(s.pricingPrecision ?? 2)}`,
    `currency precision ${String(s.currencyPrecision ?? 2)}`,
  ]
  const header = [
    h.discountPercent && `header discount ${h.discountPercent} %`,
    h.discountAmount && `header discount amount ${h.discountAmount}`,
    h.freightAmount && `freight ${h.freightAmount}`,
    h.exchangeRate && `exchange rate ${h.exchangeRate}`,
  ].filter(Boolean)
  return [...parts, ...header].join(' · ')
}

/** One example as Markdown: its name, the settings, a table of lines in and out, and the header totals. */
export function renderExample(vector: PricingVector): string {
  const rows = vector.input.lines.map((line, i) => {
    const out = vector.expect.lines[i]
    return [
      String(i + 1),
      line.quantity,
      priceSource(line),
      discountList(line),
      line.manualDiscount ?? '—',
      line.tax ?? '—',
      out?.pricePerUnit ?? '',
      out?.volumeDiscount ?? '',
      out?.amount ?? '',
      out?.manualDiscountApplied ?? '',
      out?.extendedAmount ?? '',
    ]
  })
  const table = [
    '| # | quantity | price | discount list | manual discount | tax | → price per unit | volume discount | amount | manual discount applied | extended amount |',
    '| - | - | - | - | - | - | - | - | - | - | - |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ]
  const totals = (Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[])
    .map((k) => `${TOTAL_LABELS[k]} **${vector.expect.totals[k]}**`)
    .join(' · ')
  return [`### ${vector.name}`, '', settingsLine(vector.input), '', ...table, '', totals].join('\n')
}

/** Every example, in the vectors' order, between the markers `docs/money.md` keeps them in. */
export function renderExamples(vectors: readonly PricingVector[]): string {
  return [EXAMPLES_START, '', vectors.map(renderExample).join('\n\n'), '', EXAMPLES_END].join('\n')
}
