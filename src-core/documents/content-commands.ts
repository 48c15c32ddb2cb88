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
  restoreLine,
  type Editable,
  type Edited,
} from './line-commands'
import { PAYMENT_TERM_CODES } from './header-fields'
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

type DateField = 'invoiceDate' | 'dueDate' | 'dateDelivered' | 'requestedDeliveryDate'

/** The date fields of each kind, with the label a rep reads in a refusal. */
const DATE_FIELDS: Readonly<Record<Editable['kind'], ReadonlyArray<readonly [DateField, string]>>> =
  {
    invoice: [
      ['invoiceDate', 'Invoice Date'],
      ['dueDate', 'Due Date'],
      ['dateDelivered', 'Date Delivered'],
    ],
    order: [['requestedDeliveryDate', 'Requested Delivery Date']],
  }

function allowedKeys(doc: Editable): ReadonlySet<string> {
  return new Set([
    'name',
    'billTo',
    'shipTo',
    'priceListId',
    'paymentTerms',
    'freightVat',
    ...TEXT_FIELDS,
    ...MONEY_FIELDS.map(([f]) => f),
    ...DATE_FIELDS[doc.kind].map(([f]) => f),
  ])
}

/** A real calendar day in YYYY-MM-DD (2025-02-30 is refused). */
function isCalendarDate(value: string): boolean {
  if (!isoDatePattern.test(value)) return false
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}

type Changes = InvoiceHeaderChanges & OrderHeaderChanges
type Refusal = ReturnType<typeof refuse>

function editDates(doc: Editable, changes: Changes, next: Record<string, unknown>): Refusal | void {
  for (const [field, label] of DATE_FIELDS[doc.kind]) {
    const value = changes[field]
    if (value === undefined) continue
    if (value === null) delete next[field]
    else if (!isCalendarDate(value))
      return refuse('invalidValue', `${label} “${value}” is not a date (expected YYYY-MM-DD).`)
    else next[field] = value
  }
  // Checked only when one of the two dates changes, so an invoice synced in this shape can still be edited.
  const { invoiceDate, dueDate } = next as { invoiceDate?: string; dueDate?: string }
  const datesChanged = changes.invoiceDate !== undefined || changes.dueDate !== undefined
  if (datesChanged && invoiceDate && dueDate && dueDate < invoiceDate)
    return refuse('invalidValue', 'Due Date cannot be before the Invoice Date.')
}

function editPaymentTerms(changes: Changes, next: Record<string, unknown>): Refusal | void {
  const terms = changes.paymentTerms
  if (terms === undefined) return
  if (terms === null) delete next.paymentTerms
  else if (!PAYMENT_TERM_CODES.includes(terms))
    return refuse(
      'invalidValue',
      `Payment Terms “${String(terms)}” is not one of the terms offered.`,
    )
  else next.paymentTerms = terms
}

function editHeader<D extends Editable>(doc: D, changes: Changes): Edited<D> {
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
  for (const field of TEXT_FIELDS) {
    const value = changes[field]
    if (value === undefined) continue
    if (value === null) delete next[field]
    else next[field] = value
  }
  if (changes.freightVat === null) delete next.freightVat
  else if (changes.freightVat !== undefined)
    next.freightVat = { category: changes.freightVat.category, rate: changes.freightVat.rate }
  const refused = editDates(doc, changes, next) ?? editPaymentTerms(changes, next)
  if (refused) return refused
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
    case 'restoreLine':
      // The line comes back with the price it had: nothing of it is fetched again.
      return { ...restoreLine(doc, cmd), mode: 'keep' }
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
