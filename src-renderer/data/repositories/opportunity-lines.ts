/**
 * The products of an opportunity, changed with the same line commands as orders and invoices (Add Product,
 * write-ins, inline edits, Override Price, remove), read with src-core's `readValue` and priced by `priceLines`.
 * src-core has no opportunity commands (an opportunity syncs as a whole document, checked by its schema and
 * repriced by the server), so this small composition lives beside the repository that stores it.
 */
import {
  priceLines,
  refuse,
  type Catalog,
  type CommandResult,
  type ContentCommand,
  type DocumentLine,
  type Opportunity,
  type Refused,
} from '../../../src-core/documents'
import { readLineAmounts } from '../../../src-core/documents/line-commands'
import { readValue } from '../../../src-core/documents/values'

/** The line commands an opportunity takes (no header discounts, no pricing lock). */
export type OpportunityLineCommand = Extract<
  ContentCommand,
  { type: 'addLine' | 'addWriteIn' | 'editLine' | 'changePrice' | 'removeLine' }
>

type Step = { ok: true; doc: Opportunity; fresh?: string } | Refused

const ZERO_AMOUNTS = {
  pricePerUnit: '0',
  volumeDiscount: '0',
  amount: '0',
  manualDiscountAmount: '0',
  extendedAmount: '0',
}

function withLine(doc: Opportunity, line: DocumentLine): Opportunity {
  const exists = doc.lines.some((l) => l.id === line.id)
  const lines = exists ? doc.lines.map((l) => (l.id === line.id ? line : l)) : [...doc.lines, line]
  return { ...doc, lines }
}

function newLine(doc: Opportunity, cmd: { lineId: string }): Step | undefined {
  if (!cmd.lineId) return refuse('invalidValue', 'A new line needs an id.')
  if (doc.lines.some((l) => l.id === cmd.lineId))
    return refuse('duplicateId', 'This opportunity already has a line with that id.')
  return undefined
}

function step(doc: Opportunity, cmd: OpportunityLineCommand, catalog: Catalog): Step {
  if (cmd.type === 'addLine' || cmd.type === 'addWriteIn') {
    const bad = newLine(doc, cmd)
    if (bad) return bad
  }
  const line = 'lineId' in cmd ? doc.lines.find((l) => l.id === cmd.lineId) : undefined
  switch (cmd.type) {
    case 'addLine': {
      const entry = catalog.find(doc.priceListId, cmd.productId, cmd.unitId)
      if (!entry)
        return refuse(
          'noPrice',
          "This opportunity's price list has no price for that product in that unit. Choose another unit, or add it as a write-in.",
        )
      if (entry.retired)
        return refuse('productRetired', `${entry.productName} is retired and cannot be added.`)
      const amounts = readLineAmounts(doc, { manualDiscount: '0', tax: '0', ...cmd })
      if (!amounts.ok) return amounts
      const added: DocumentLine = {
        id: cmd.lineId,
        productId: cmd.productId,
        productName: entry.productName,
        isWriteIn: false,
        unitId: cmd.unitId,
        priceOverridden: false,
        quantity: '1',
        manualDiscount: '0',
        tax: '0',
        ...ZERO_AMOUNTS,
        ...amounts.value,
      }
      return { ok: true, doc: withLine(doc, added), fresh: added.id }
    }
    case 'addWriteIn': {
      const name = cmd.productName.trim()
      if (!name) return refuse('invalidValue', 'A write-in product needs a name.')
      const price = readValue(cmd.pricePerUnit, 'pricePerUnit', 'Price per unit', doc.pricing)
      if (!price.ok) return price
      const amounts = readLineAmounts(doc, { manualDiscount: '0', tax: '0', ...cmd })
      if (!amounts.ok) return amounts
      const added: DocumentLine = {
        id: cmd.lineId,
        productName: name,
        isWriteIn: true,
        priceOverridden: true,
        quantity: '1',
        manualDiscount: '0',
        tax: '0',
        ...ZERO_AMOUNTS,
        ...amounts.value,
        pricePerUnit: price.value,
      }
      return { ok: true, doc: withLine(doc, added) }
    }
    case 'removeLine':
      return { ok: true, doc: { ...doc, lines: doc.lines.filter((l) => l.id !== cmd.lineId) } }
  }
  if (!line)
    return refuse('lineNotFound', 'This opportunity has no such line; it may have been removed.')
  if (cmd.type === 'editLine') {
    const { unitId, description, ...values } = cmd.changes
    const amounts = readLineAmounts(doc, values)
    if (!amounts.ok) return amounts
    const next: DocumentLine = { ...line, ...amounts.value }
    if (unitId) next.unitId = unitId
    if (description === null) delete next.description
    else if (description !== undefined) next.description = description
    return { ok: true, doc: withLine(doc, next), fresh: unitId ? line.id : undefined }
  }
  if (cmd.pricePerUnit === null) {
    if (line.isWriteIn)
      return refuse('invalidValue', 'A write-in product has no catalog price; type its price.')
    return { ok: true, doc: withLine(doc, { ...line, priceOverridden: false }), fresh: line.id }
  }
  const price = readValue(cmd.pricePerUnit, 'pricePerUnit', 'Price per unit', doc.pricing)
  if (!price.ok) return price
  return {
    ok: true,
    doc: withLine(doc, { ...line, pricePerUnit: price.value, priceOverridden: true }),
  }
}

/**
 * Applies line commands in order and prices the result: lines already there keep their price, a line just
 * added (or given back its catalog price, or a new unit) takes today's price from the catalog.
 *
 * @param catalog - the catalog of the opportunity's price list, with every product the commands name
 * @example
 * applyOpportunityLines(opp, [{ type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '2' }], catalog)
 */
export function applyOpportunityLines(
  opportunity: Opportunity,
  commands: readonly OpportunityLineCommand[],
  catalog: Catalog,
): CommandResult<Opportunity> {
  let doc = opportunity
  const fresh = new Set<string>()
  for (const cmd of commands) {
    const next = step(doc, cmd, catalog)
    if (!next.ok) return next
    doc = next.doc
    if (next.fresh) fresh.add(next.fresh)
  }
  return priceLines(doc, 'keep', catalog, fresh)
}
