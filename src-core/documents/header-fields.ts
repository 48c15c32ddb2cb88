/**
 * The invoice header fields taken from the Dynamics invoice form (Invoice Date, Date Delivered, Payment Terms)
 * and the invoice's email status: their codes and the words a rep reads. The schemas are in schemas.ts, the
 * command in email-status.ts.
 */
import type { EmailStatus, PaymentTerms } from './types'

/** Dynamics' Payment Terms, in the order its form lists them, with the labels a rep reads. */
export const PAYMENT_TERMS: Readonly<Record<PaymentTerms, string>> = {
  net30: 'Net 30',
  net45: 'Net 45',
  net60: 'Net 60',
  '2pct10net30': '2% 10, Net 30',
}

export const PAYMENT_TERM_CODES = Object.keys(PAYMENT_TERMS) as PaymentTerms[]

export const EMAIL_STATES = ['queued', 'sent', 'failed'] as const

/**
 * The email status as a sentence, for the form and the history.
 *
 * @example
 * emailStatusText({ state: 'failed', to: 'a@b.c', at, messageId: 'm1', reason: 'mailbox full' })
 * // 'Email failed: mailbox full'
 */
export function emailStatusText(email: EmailStatus): string {
  switch (email.state) {
    case 'queued':
      return `Email to ${email.to} queued`
    case 'sent':
      return `Email sent to ${email.to}`
    case 'failed':
      return `Email failed: ${email.reason ?? `not delivered to ${email.to}`}`
  }
}
