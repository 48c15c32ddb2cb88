/**
 * The products of an opportunity, changed with the same line commands as orders and invoices (Add Product,
 * write-ins, inline edits, Override Price, remove) and the same checks of a new line, then priced by
 * `priceLines`. An opportunity has no lifecycle, no header discounts and no pricing lock: it syncs as a whole
 * document, checked by its schema and repriced by the server.
 */
import type { Catalog } from './catalog'
import { refuse, type CommandResult, type ContentCommand, type Refused } from './commands'
import { catalogEntryFor, checkNewId, readLineAmounts, ZERO_AMOUNTS } from './line-commands'
import { priceLines } from './totals'
import type { DocumentLine, Opportunity } from './types'
import { readValue } from './values'

/** The line commands an opportunity takes (no header discounts, no pricing lock). */
export type OpportunityLineCommand = Extract<
  ContentCommand,
  { type: 'addLine' | 'addWriteIn' | 'editLine' | 'changePrice' | 'removeLine' }
>

type Step = { ok: true; doc: Opportunity; fresh?: string } | Refused

function withLine(doc: Opportunity, line: DocumentLine): Opportunity {
  const exists = doc.lines.some((l) => l.id === line.id)
  const lines = exists ? doc.lines.map((l) => (l.id === line.id ? line : l)) : [...doc.lines, line]
  return { ...doc, lines }
}

function step(doc: Opportunity, cmd: OpportunityLineCommand, catalog: Catalog): Step {
  if (cmd.type === 'addLine' || cmd.type === 'addWriteIn') {
    const bad = checkNewId(doc, cmd.lineId)
    if (bad) return bad
  }
  const line = 'lineId' in cmd ? doc.lines.find((l) => l.id === cmd.lineId) : undefined
  switch (cmd.type) {
    case 'addLine': {
      const found = catalogEntryFor(doc, cmd, catalog)
      if (!found.ok) return found
      const entry = found.value
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
