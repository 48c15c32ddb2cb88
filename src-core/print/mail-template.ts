/**
 * The subject and body of an invoice email. Pure, so the desktop outbox, the .eml draft and the browser's mailto:
 * fallback all say the same thing.
 */
import { formatIsoDate, formatMoney } from '@core/format'

export interface InvoiceMailFields {
  invoiceNumber: string
  customerName: string
  /** The contact's name, used in the greeting when known. */
  contactName?: string
  companyName: string
  totalAmount: string
  currencyCode: string
  dueDate?: string
  locale?: string
}

export interface MailText {
  subject: string
  text: string
}

/**
 * Builds the mail for one invoice.
 *
 * @example
 * invoiceMailText({ invoiceNumber: 'INV-01001-X7K2Q9', customerName: 'Contoso', companyName: 'Fabrikam',
 *   totalAmount: '1090.00', currencyCode: 'USD' }).subject
 * // 'Invoice INV-01001-X7K2Q9 from Fabrikam ($1,090.00)'
 */
export function invoiceMailText(fields: InvoiceMailFields): MailText {
  const total = formatMoney(fields.totalAmount, fields.currencyCode, fields.locale)
  const greeting = `Dear ${fields.contactName?.trim() || fields.customerName},`
  const due = fields.dueDate
    ? `Payment is due on ${formatIsoDate(fields.dueDate, fields.locale ?? 'en-US')}.`
    : 'Payment is due on receipt.'
  return {
    subject: `Invoice ${fields.invoiceNumber} from ${fields.companyName} (${total})`,
    text: [
      greeting,
      '',
      `Please find attached invoice ${fields.invoiceNumber} for ${total}.`,
      due,
      '',
      'Kind regards,',
      fields.companyName,
      '',
    ].join('\n'),
  }
}

/** The attachment's file name: the invoice number with anything a file system could object to replaced. */
export function invoicePdfFileName(invoiceNumber: string): string {
  const safe = invoiceNumber.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)
  return `Invoice ${safe || 'draft'}.pdf`
}

/** "Statement Contoso Ltd 2026-12-31.pdf": the customer's name kept to letters, digits and spaces. */
export function statementPdfFileName(customerName: string, to: string): string {
  const safe = customerName
    .replace(/[^\p{L}\p{N}._ -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
  return `Statement ${safe ? `${safe} ` : ''}${to}.pdf`
}
