/**
 * Commands that change what an order or invoice contains (header, lines, lock), shared by both kinds. Each
 * accepted change is priced through `priceDocument` and logged; the callers check the lifecycle first.
 */
import {
  refuse,
  type CommandContext,
  type CommandResult,
  type ContentCommand,
  type InvoiceHeaderChanges,
  type OrderHeaderChanges,
} from './commands'
import { withHistory } from './history'
import {
  addLine,
  addWriteIn,
  changePrice,
  editLine,
  lockedReason,
  removeLine,
  type Editable,
  type Edited,
} from './line-commands'
import { addressSchema, isoDatePattern } from './schemas'
import { priceLines, type PriceMode } from './totals'
import { readValue, type ValueKind } from './values'

type HeaderCommand = ContentCommand<InvoiceHeaderChanges & OrderHeaderChanges>

const MONEY_FIELDS: ReadonlyArray<
  readonly ['discountPercent' | 'discountAmount' | 'freightAmount', ValueKind, string]
> = [
  ['discountPercent', 'percent', 'Discount (%)'],
  ['discountAmount', 'nonNegativeMoney', 'Discount amount'],
  ['freightAmount', 'nonNegativeMoney', 'Freight amount'],
]

const TEXT_FIELDS = ['description', 'contactId'] as const

function dateField(doc: Editable): 'dueDate' | 'requestedDeliveryDate' {
  return doc.kind === 'invoice' ? 'dueDate' : 'requestedDeliveryDate'
}

function allowedKeys(doc: Editable): ReadonlySet<string> {
  return new Set([
    'name',
    'billTo',
    'shipTo',
    'priceListId',
    ...TEXT_FIELDS,
    ...MONEY_FIELDS.map(([f]) => f),
    dateField(doc),
  ])
}

function editHeader<D extends Editable>(
  doc: D,
  changes: InvoiceHeaderChanges & OrderHeaderChanges,
): Edited<D> {
  const allowed = allowedKeys(doc)
  for (const key of Object.keys(changes)) {
    if (!allowed.has(key))
      return refuse('invalidValue', `The ${key} of an ${doc.kind} cannot be changed here.`)
  }
  const next: Record<string, unknown> = { ...doc }
  if (changes.name !== undefined) {
    if (typeof changes.name !== 'string' || changes.name.trim() === '')
      return refuse('invalidValue', `The ${doc.kind} needs a name.`)
    next.name = changes.name.trim()
  }
  for (const field of ['billTo', 'shipTo'] as const) {
    if (changes[field] === undefined) continue
    const parsed = addressSchema.safeParse(changes[field])
    if (!parsed.ok) return refuse('invalidValue', `The address is not complete: ${parsed.error}.`)
    next[field] = parsed.value
  }
  for (const [field, kind, label] of MONEY_FIELDS) {
    if (changes[field] === undefined) continue
    const read = readValue(changes[field], kind, label, doc.pricing)
    if (!read.ok) return read
    next[field] = read.value
  }
  const date = dateField(doc)
  for (const field of [...TEXT_FIELDS, date]) {
    const value = changes[field]
    if (value === undefined) continue
    if (value === null) delete next[field]
    else if (field === date && !isoDatePattern.test(value))
      return refuse('invalidValue', `“${value}” is not a date (expected YYYY-MM-DD).`)
    else next[field] = value
  }
  if (changes.priceListId !== undefined && changes.priceListId !== doc.priceListId) {
    if (doc.pricesLocked) return lockedReason(doc, 'the price list cannot be changed')
    next.priceListId = changes.priceListId
  }
  return { ok: true, document: next as D }
}

function edit<D extends Editable>(
  doc: D,
  cmd: HeaderCommand,
  ctx: CommandContext,
): Edited<D> & { mode?: PriceMode } {
  switch (cmd.type) {
    case 'editHeader':
      return editHeader(doc, cmd.changes)
    case 'addLine':
      return addLine(doc, cmd, ctx.catalog)
    case 'addWriteIn':
      return addWriteIn(doc, cmd)
    case 'editLine':
      return editLine(doc, cmd)
    case 'changePrice':
      return changePrice(doc, cmd)
    case 'removeLine':
      return removeLine(doc, cmd)
    case 'lockPricing':
      if (doc.pricesLocked)
        return refuse('invalidTransition', `Prices are already locked on this ${doc.kind}.`)
      // Locking freezes the prices as they stand; it never fetches new ones.
      return { ok: true, document: { ...doc, pricesLocked: true }, mode: 'keep' }
    case 'useCurrentPricing':
      return { ok: true, document: { ...doc, pricesLocked: false } }
  }
}

/**
 * Applies a content command to an order or invoice whose lifecycle allows it: edits, prices and logs.
 *
 * @param doc - an order or invoice
 * @param cmd - editHeader, a line command, lockPricing or useCurrentPricing
 * @param ctx - actor, time, and the current catalog (used for unlocked documents and new lines)
 */
export function applyContentCommand<D extends Editable>(
  doc: D,
  cmd: ContentCommand<InvoiceHeaderChanges> | ContentCommand<OrderHeaderChanges>,
  ctx: CommandContext,
): CommandResult<D> {
  const edited = edit(doc, cmd, ctx)
  if (!edited.ok) return edited
  const priced = priceLines(edited.document, edited.mode ?? 'reprice', ctx.catalog, edited.fresh)
  if (!priced.ok) return priced
  return { ok: true, document: withHistory(doc, priced.document, cmd.type, ctx) }
}
