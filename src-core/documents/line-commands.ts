/**
 * Line commands shared by orders and invoices: add a catalog product or a write-in, edit, change the price,
 * remove. Each returns the edited document before pricing; `content-commands.ts` prices it and logs it.
 */
import type { Catalog, CatalogEntry } from './catalog'
import { refuse, type ContentCommand, type LineChanges, type Refused } from './commands'
import { lineSchema } from './schemas'
import { describeLine } from './totals'
import type { DocumentLine, Invoice, Order } from './types'
import { readValue, type Read } from './values'

export type Editable = Order | Invoice

/** An edited document, and ids of new catalog lines that must take today's catalog price even when locked. */
export type Edited<D> = { ok: true; document: D; fresh?: Set<string> } | Refused

type LineCommand<T extends ContentCommand['type']> = Extract<ContentCommand, { type: T }>

/** The computed amounts of a line before pricing fills them in. */
export const ZERO_AMOUNTS = {
  pricePerUnit: '0',
  volumeDiscount: '0',
  amount: '0',
  manualDiscountAmount: '0',
  extendedAmount: '0',
}

export function lockedReason(doc: Editable, what: string): Refused {
  return refuse(
    'pricesLocked',
    `Prices are locked on this ${doc.kind}, so ${what}. Use Current Pricing to unlock them first.`,
  )
}

function findLine(doc: Editable, lineId: string): Read<DocumentLine> {
  const line = doc.lines.find((l) => l.id === lineId)
  if (!line)
    return refuse('lineNotFound', `This ${doc.kind} has no such line; it may have been removed.`)
  return { ok: true, value: line }
}

function replaceLine<D extends Editable>(doc: D, line: DocumentLine): D {
  return { ...doc, lines: doc.lines.map((l) => (l.id === line.id ? line : l)) }
}

/** Reads quantity, manual discount and tax as typed on a new line. */
function readAmounts(
  doc: Editable,
  cmd: { quantity: string; manualDiscount?: string; tax?: string },
): Read<{ quantity: string; manualDiscount: string; tax: string }> {
  const quantity = readValue(cmd.quantity, 'quantity', 'Quantity', doc.pricing)
  if (!quantity.ok) return quantity
  const manual = readValue(
    cmd.manualDiscount ?? '0',
    'nonNegativeMoney',
    'Manual discount',
    doc.pricing,
  )
  if (!manual.ok) return manual
  const tax = readValue(cmd.tax ?? '0', 'money', 'Tax', doc.pricing)
  if (!tax.ok) return tax
  return {
    ok: true,
    value: { quantity: quantity.value, manualDiscount: manual.value, tax: tax.value },
  }
}

/** Why a line with this id cannot be added to the document, if it cannot. */
export function checkNewId(
  doc: { kind: string; lines: readonly DocumentLine[] },
  lineId: string,
): Refused | undefined {
  if (typeof lineId !== 'string' || lineId === '')
    return refuse('invalidValue', 'A new line needs an id.')
  if (doc.lines.some((l) => l.id === lineId))
    return refuse('duplicateId', `This ${doc.kind} already has a line with that id.`)
  return undefined
}

/** The catalog entry a new catalog line takes: refused when the price list has no price or the product is retired. */
export function catalogEntryFor(
  doc: { kind: string; priceListId: string },
  cmd: { productId: string; unitId: string },
  catalog: Catalog,
): Read<CatalogEntry> {
  const entry = catalog.find(doc.priceListId, cmd.productId, cmd.unitId)
  if (!entry)
    return refuse(
      'noPrice',
      `This ${doc.kind}'s price list has no price for that product in that unit. Choose another unit, or add it as a write-in.`,
    )
  if (entry.retired)
    return refuse(
      'productRetired',
      `${entry.productName} is retired and cannot be added to new lines.`,
    )
  return { ok: true, value: entry }
}

export function addLine<D extends Editable>(
  doc: D,
  cmd: LineCommand<'addLine'>,
  catalog: Catalog,
): Edited<D> {
  const bad = checkNewId(doc, cmd.lineId)
  if (bad) return bad
  const found = catalogEntryFor(doc, cmd, catalog)
  if (!found.ok) return found
  const entry = found.value
  const amounts = readAmounts(doc, cmd)
  if (!amounts.ok) return amounts
  const line: DocumentLine = {
    id: cmd.lineId,
    productId: cmd.productId,
    productName: entry.productName,
    isWriteIn: false,
    unitId: cmd.unitId,
    priceOverridden: false,
    ...ZERO_AMOUNTS,
    ...amounts.value,
  }
  if (cmd.description !== undefined) line.description = cmd.description
  return { ok: true, document: { ...doc, lines: [...doc.lines, line] }, fresh: new Set([line.id]) }
}

export function addWriteIn<D extends Editable>(doc: D, cmd: LineCommand<'addWriteIn'>): Edited<D> {
  if (doc.pricesLocked) return lockedReason(doc, 'write-in products cannot be added')
  const bad = checkNewId(doc, cmd.lineId)
  if (bad) return bad
  const name = typeof cmd.productName === 'string' ? cmd.productName.trim() : ''
  if (name === '') return refuse('invalidValue', 'A write-in product needs a name.')
  const price = readValue(cmd.pricePerUnit, 'pricePerUnit', 'Price per unit', doc.pricing)
  if (!price.ok) return price
  const amounts = readAmounts(doc, cmd)
  if (!amounts.ok) return amounts
  const line: DocumentLine = {
    id: cmd.lineId,
    productName: name,
    isWriteIn: true,
    priceOverridden: true,
    ...ZERO_AMOUNTS,
    ...amounts.value,
    pricePerUnit: price.value,
  }
  if (cmd.description !== undefined) line.description = cmd.description
  return { ok: true, document: { ...doc, lines: [...doc.lines, line] } }
}

type LineAmounts = Partial<Record<'quantity' | 'manualDiscount' | 'tax', string>>

/**
 * A line's Quantity, Manual discount and Tax as typed, each checked and rounded for the document's pricing (an
 * absent field stays absent). Shared by orders, invoices and opportunities.
 *
 * @example
 * readLineAmounts(invoice, { quantity: '2', tax: '1.5' }) // { ok: true, value: { quantity: '2', tax: '1.50' } }
 */
export function readLineAmounts(
  doc: Pick<Editable, 'pricing'>,
  input: LineAmounts,
): Read<LineAmounts> {
  const out: LineAmounts = {}
  const reads = [
    ['quantity', 'quantity', 'Quantity'],
    ['manualDiscount', 'nonNegativeMoney', 'Manual discount'],
    ['tax', 'money', 'Tax'],
  ] as const
  for (const [field, kind, label] of reads) {
    if (input[field] === undefined) continue
    const read = readValue(input[field], kind, label, doc.pricing)
    if (!read.ok) return read
    out[field] = read.value
  }
  return { ok: true, value: out }
}

const LINE_FIELDS: ReadonlySet<string> = new Set([
  'quantity',
  'manualDiscount',
  'tax',
  'unitId',
  'description',
])

function applyLineChanges(
  doc: Editable,
  line: DocumentLine,
  changes: LineChanges,
): Read<DocumentLine> {
  const next = { ...line }
  for (const key of Object.keys(changes)) {
    if (!LINE_FIELDS.has(key))
      return refuse('invalidValue', `The ${key} of a line cannot be changed.`)
  }
  const amounts = readLineAmounts(doc, changes)
  if (!amounts.ok) return amounts
  Object.assign(next, amounts.value)
  if (changes.unitId !== undefined && changes.unitId !== line.unitId) {
    // Prices are per unit of measure: a new unit is a new price, which a locked document cannot take.
    if (doc.pricesLocked && !line.isWriteIn)
      return lockedReason(doc, 'the unit of a line cannot be changed')
    next.unitId = changes.unitId
  }
  if (changes.description === null) delete next.description
  else if (changes.description !== undefined) next.description = changes.description
  return { ok: true, value: next }
}

export function editLine<D extends Editable>(doc: D, cmd: LineCommand<'editLine'>): Edited<D> {
  const found = findLine(doc, cmd.lineId)
  if (!found.ok) return found
  const next = applyLineChanges(doc, found.value, cmd.changes)
  if (!next.ok) return next
  return { ok: true, document: replaceLine(doc, next.value) }
}

export function changePrice<D extends Editable>(
  doc: D,
  cmd: LineCommand<'changePrice'>,
): Edited<D> {
  if (doc.pricesLocked) return lockedReason(doc, 'prices cannot be changed')
  const found = findLine(doc, cmd.lineId)
  if (!found.ok) return found
  const line = found.value
  if (cmd.pricePerUnit === null) {
    if (line.isWriteIn)
      return refuse(
        'invalidValue',
        `${describeLine(doc, line)} is a write-in product with no catalog price; type its price instead.`,
      )
    return { ok: true, document: replaceLine(doc, { ...line, priceOverridden: false }) }
  }
  const price = readValue(cmd.pricePerUnit, 'pricePerUnit', 'Price per unit', doc.pricing)
  if (!price.ok) return price
  const next: DocumentLine = { ...line, pricePerUnit: price.value, priceOverridden: true }
  return { ok: true, document: replaceLine(doc, next) }
}

/**
 * Puts a removed line back where it was, as it was: the Undo of Remove. The line is checked like any stored line,
 * and its price is kept (on a locked document too), so Undo gives back exactly what Remove took.
 */
export function restoreLine<D extends Editable>(
  doc: D,
  cmd: LineCommand<'restoreLine'>,
): Edited<D> {
  const line = lineSchema.safeParse(cmd.line)
  if (!line.ok)
    return refuse('invalidValue', 'This line cannot be brought back: it is not complete.')
  if (doc.lines.some((l) => l.id === line.value.id))
    return refuse('duplicateId', `This ${doc.kind} already has that line.`)
  const at = Math.max(0, Math.min(Math.trunc(cmd.index), doc.lines.length))
  const lines = [...doc.lines.slice(0, at), line.value, ...doc.lines.slice(at)]
  return { ok: true, document: { ...doc, lines } }
}

export function removeLine<D extends Editable>(doc: D, cmd: LineCommand<'removeLine'>): Edited<D> {
  const found = findLine(doc, cmd.lineId)
  if (!found.ok) return found
  return { ok: true, document: { ...doc, lines: doc.lines.filter((l) => l.id !== cmd.lineId) } }
}
