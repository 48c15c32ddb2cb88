/**
 * Duplicate: a new Active (New) invoice with everything the rep typed on another one (customer, price list,
 * currency, addresses, header discounts, freight, payment terms and every line at its price), dated today and
 * numbered by the caller like any new invoice. What belonged to the original alone stays behind: its number,
 * payments, state, email status, the order it came from, its due and delivery dates and its history.
 */
import type { CommandContext, CommandResult } from './commands'
import { withHistory } from './history'
import { priceLines } from './totals'
import type { Id, Invoice, IsoDate } from './types'

/** The history command of a duplicate; its one extra change names the invoice it was copied from. */
export const DUPLICATE_COMMAND = 'duplicateInvoice'
export const DUPLICATED_FROM_FIELD = 'duplicatedFrom'

/**
 * @param source - any invoice, paid and canceled ones included (a canceled invoice is often issued again)
 * @param target - the new invoice's id and number, and its Invoice Date (the rep's today)
 * @param ctx - who, when, and `newId` for the line ids
 * @example
 * duplicateInvoice(paid, { id: 'I2', number: 'INV-00002-X7K2Q9', invoiceDate: '2025-03-02' }, ctx)
 */
export function duplicateInvoice(
  source: Invoice,
  target: { id: Id; number: string; invoiceDate: IsoDate },
  ctx: CommandContext,
): CommandResult<Invoice> {
  const {
    orderId: _order,
    email: _email,
    dueDate: _due,
    dateDelivered: _delivered,
    ...kept
  } = source
  const invoice: Invoice = {
    ...kept,
    id: target.id,
    number: target.number,
    updatedAt: ctx.at,
    state: 'active',
    status: 'new',
    invoiceDate: target.invoiceDate,
    createdAt: ctx.at,
    createdBy: ctx.actor.userId,
    history: [],
    lines: source.lines.map(({ sourceLineId: _source, ...line }) => ({ ...line, id: ctx.newId() })),
  }
  const priced = priceLines(invoice, 'keep', ctx.catalog)
  if (!priced.ok) return priced
  const empty = { history: [], updatedAt: ctx.at } as unknown as Invoice
  const from = { field: DUPLICATED_FROM_FIELD, from: null, to: source.number }
  return {
    ok: true,
    document: withHistory(empty, priced.document, DUPLICATE_COMMAND, ctx, [from]),
  }
}
