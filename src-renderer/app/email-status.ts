/**
 * The invoice's email status from main's outbox: when the outbox changes, each invoice's latest mail is
 * recorded on the invoice with the `recordEmailStatus` command, through the invoice repository like every other
 * command, so the state syncs and shows in the invoice's history.
 */
import type { EmailStatus, EmailStatusInput, Id, Invoice } from '@core/documents'
import type { OutboxEntry } from '@core/ipc/desktop-services'
import type { InvoiceRepository } from '@renderer/data/repositories/invoices'

const MAX_REASON = 1000
const truncate = (text: string) => (text.length > MAX_REASON ? text.slice(0, MAX_REASON) : text)

/**
 * What the invoice should say about a mail of the outbox. `sending` is still queued for the customer;
 * `uncertain` (the app stopped while handing it over) is reported as failed with main's reason, since the rep
 * must check and send again.
 *
 * @param before - what the invoice says now; a mail queued again after a failure is dated `now`
 */
export function emailStatusOf(
  entry: OutboxEntry,
  before: EmailStatus | undefined,
  now: string,
): EmailStatusInput {
  const base = { to: entry.to, messageId: entry.id }
  switch (entry.state) {
    case 'queued':
    case 'sending':
      return {
        ...base,
        state: 'queued',
        at: before?.messageId === entry.id ? now : entry.createdAt,
      }
    case 'sent':
      return { ...base, state: 'sent', at: entry.sentAt ?? now }
    case 'failed':
    case 'uncertain':
      return {
        ...base,
        state: 'failed',
        at: now,
        reason: truncate(entry.lastError ?? 'The mail server did not accept the message.'),
      }
  }
}

export interface EmailStatusDeps {
  invoices: Pick<InvoiceRepository, 'get' | 'apply'>
  now: () => string
  log?: (message: string) => void
}

/**
 * Records each invoice's latest mail where the invoice does not say it yet. Returns the invoices changed.
 * An invoice not on this device (removed, or not synced here) is skipped; a refusal is logged, never thrown.
 */
export async function recordEmailStatuses(
  latestByInvoice: ReadonlyMap<Id, OutboxEntry>,
  deps: EmailStatusDeps,
): Promise<Id[]> {
  const changed: Id[] = []
  for (const [invoiceId, entry] of latestByInvoice) {
    const invoice: Invoice | undefined = await deps.invoices.get(invoiceId)
    if (!invoice) continue
    const email = emailStatusOf(entry, invoice.email, deps.now())
    if (invoice.email?.messageId === email.messageId && invoice.email.state === email.state)
      continue
    const result = await deps.invoices.apply(invoiceId, { type: 'recordEmailStatus', email })
    if (result.ok) changed.push(invoiceId)
    else deps.log?.(`email status of ${invoice.number} not recorded: ${result.refusal.reason}`)
  }
  return changed
}
