/**
 * Line and header totals of a document, always through `priceDocument` (the one pricing function): this file only
 * maps a document to its input and the result back, and decides where each line's price comes from.
 */
import { priceDocument, PricingError } from '@core/pricing'
import type { CatalogPrice, PriceDocumentInput, PricingLineInput } from '@core/pricing'
import type { Catalog } from './catalog'
import { refuse, type Refused } from './commands'
import type {
  DocumentLine,
  DocumentTotals,
  SalesDocumentBase,
  TaxMode,
  VatBreakdownEntry,
  VatRate,
} from './types'

/**
 * Any document with lines: opportunity, order or invoice. Opportunities have no header discounts, no lock and
 * no tax mode of their own (they are typed).
 */
export type PricedDocument = SalesDocumentBase & {
  pricesLocked?: boolean
  discountPercent?: string
  discountAmount?: string
  freightAmount?: string
  taxMode?: TaxMode
  freightVat?: VatRate
  vatBreakdown?: VatBreakdownEntry[]
}

/**
 * `reprice`: catalog lines of an unlocked document take the current catalog price (what Dynamics does when an
 * unlocked document is edited). `keep`: every line keeps its stored price; only quantities, discounts and totals
 * are recomputed (state changes, and every change to a locked document).
 */
export type PriceMode = 'reprice' | 'keep'

type Source = { input: PricingLineInput; line: DocumentLine } | Refused

/** 1-based position and name, as a rep sees a line. */
export function describeLine(doc: PricedDocument, line: DocumentLine): string {
  return `line ${doc.lines.indexOf(line) + 1} (${line.productName})`
}

function frozenPrice(line: DocumentLine): CatalogPrice {
  return { pricingMethod: 'currencyAmount', amount: line.pricePerUnit }
}

function lineSource(
  doc: PricedDocument,
  line: DocumentLine,
  mode: PriceMode,
  catalog: Catalog,
  fresh: ReadonlySet<string>,
): Source {
  const base: Pick<PricingLineInput, 'quantity' | 'manualDiscount' | 'tax' | 'vat'> = {
    quantity: line.quantity,
    manualDiscount: line.manualDiscount,
    tax: line.tax,
  }
  // Only VAT mode reads a line's VAT; a typed document's lines keep whatever they carry, unread.
  if (doc.taxMode === 'vat' && line.vat) base.vat = line.vat
  // Write-ins and overridden prices have no volume discount (pricing.md), so they carry no discount list.
  if (line.isWriteIn || line.priceOverridden)
    return { input: { ...base, pricePerUnit: line.pricePerUnit }, line }
  if (!fresh.has(line.id) && (mode === 'keep' || doc.pricesLocked === true)) {
    // A locked catalog line keeps its price but still gets its volume discount, which follows quantity.
    // priceDocument gives a volume discount only to catalog-priced lines, so the frozen price goes in as a
    // currencyAmount catalog price: exact, never rounded again, and still a catalog line.
    const input: PricingLineInput = { ...base, catalog: frozenPrice(line) }
    if (line.discountList) input.discountList = line.discountList
    return { input, line }
  }
  const entry =
    line.productId && line.unitId
      ? catalog.find(doc.priceListId, line.productId, line.unitId)
      : undefined
  if (!entry)
    return refuse(
      'noPrice',
      `The price list of this document has no price for ${describeLine(doc, line)} in its unit. ` +
        'Override its price, choose another unit or remove the line.',
    )
  const input: PricingLineInput = { ...base, catalog: entry.price }
  const { discountList: _old, ...rest } = line
  const updated: DocumentLine = entry.discountList
    ? { ...rest, discountList: entry.discountList }
    : rest
  if (entry.discountList) input.discountList = entry.discountList
  return { input, line: updated }
}

function toInput(doc: PricedDocument, lines: PricingLineInput[]): PriceDocumentInput {
  const { pricingPrecision, currencyPrecision, discountMethod, rounding } = doc.pricing
  const input: PriceDocumentInput = {
    settings: { pricingPrecision, currencyPrecision, discountMethod, rounding },
    header: {
      discountPercent: doc.discountPercent ?? '0',
      discountAmount: doc.discountAmount ?? '0',
      freightAmount: doc.freightAmount ?? '0',
      exchangeRate: doc.exchangeRate,
    },
    lines,
  }
  if (doc.taxMode === 'vat') {
    input.settings = { ...input.settings, taxMode: 'vat' }
    if (doc.freightVat) input.header = { ...input.header, freightVat: doc.freightVat }
  }
  return input
}

/**
 * Recomputes every line's price (per `mode`), volume discount and amounts, and the header totals.
 *
 * @param fresh - ids of catalog lines just added: priced from the catalog even on a locked document (a line
 *   added while locked takes today's price, which is then frozen with the rest)
 * @returns the priced document, or a refusal when a line has no price or a value is out of range
 */
export function priceLines<D extends PricedDocument>(
  doc: D,
  mode: PriceMode,
  catalog: Catalog,
  fresh: ReadonlySet<string> = new Set(),
): { ok: true; document: D } | Refused {
  const sources: Array<{ input: PricingLineInput; line: DocumentLine }> = []
  for (const line of doc.lines) {
    const source = lineSource(doc, line, mode, catalog, fresh)
    if ('ok' in source) return source
    sources.push(source)
  }
  let result
  try {
    result = priceDocument(
      toInput(
        doc,
        sources.map((s) => s.input),
      ),
    )
  } catch (e) {
    if (!(e instanceof PricingError)) throw e
    return refuse('pricingError', `This change cannot be priced: ${e.message}.`)
  }
  const lines = sources.map(({ line }, i): DocumentLine => {
    const priced = result.lines[i]
    /* c8 ignore next */ if (!priced)
      throw new Error('priceDocument returned fewer lines than given')
    return {
      ...line,
      pricePerUnit: priced.pricePerUnit,
      volumeDiscount: priced.volumeDiscount,
      amount: priced.amount,
      manualDiscountAmount: priced.manualDiscountApplied,
      extendedAmount: priced.extendedAmount,
    }
  })
  const totals: DocumentTotals = { ...result.totals }
  const baseTotals: DocumentTotals = { ...result.base }
  // The breakdown is stored with the totals in VAT mode and never kept stale on a typed document.
  const { vatBreakdown: _stale, ...rest } = doc
  const document = (
    result.vatBreakdown ? { ...rest, vatBreakdown: result.vatBreakdown } : rest
  ) as D
  return { ok: true, document: { ...document, lines, totals, baseTotals } }
}
