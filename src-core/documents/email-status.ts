/**
 * The invoice's email status: the mail sender reports queued, sent or failed, and the invoice keeps the last
 * report. It is not content, so it is recorded in every state (transition.ts lets it through on paid invoices).
 */
import { refuse, type CommandResult, type EmailStatusInput, type InvoiceContext } from './commands'
import { emailStatusText } from './header-fields'
import { emailStatusSchema } from './schemas'
import type { HistoryEntry, Invoice } from './types'

/**
 * recordEmailStatus: stores the mail sender's report on the invoice and logs it as one readable change
 * ("Email sent to ana@x.com"). A repeat of the same state for the same message changes nothing and logs nothing.
 * The caller (applyInvoiceCommand) has checked the lifecycle, which allows it in every state.
 */
export function recordEmailStatus(
  invoice: Invoice,
  input: EmailStatusInput,
  ctx: InvoiceContext,
): CommandResult<Invoice> {
  const parsed = emailStatusSchema.safeParse(input)
  if (!parsed.ok) return refuse('invalidValue', `The email status is not valid: ${parsed.error}.`)
  const email = parsed.value
  const before = invoice.email
  if (before && before.messageId === email.messageId && before.state === email.state)
    return { ok: true, document: invoice }
  const entry: HistoryEntry = {
    at: ctx.at,
    by: ctx.actor.userId,
    role: ctx.actor.role,
    command: 'recordEmailStatus',
    changes: [
      { field: 'email', from: before ? emailStatusText(before) : null, to: emailStatusText(email) },
    ],
  }
  return {
    ok: true,
    document: { ...invoice, email, updatedAt: ctx.at, history: [...invoice.history, entry] },
  }
}
