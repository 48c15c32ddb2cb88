/**
 * The header problems src-core finds (`headerProblems`), in the words of the form: each field path becomes the
 * field's label and the id of its control, so a Save shows every problem beside its field and focuses the first.
 */
import { headerProblems, HEADER_TEXT_LIMITS, type FieldProblem } from '@core/documents'
import type { HeaderDraft } from './header-draft'

/** Messages by field path ('name', 'customerId', 'billTo.city'), in the order of the form. */
export type HeaderErrors = Record<string, string>

const ADDRESS_LABELS: Record<string, string> = {
  line1: 'Street',
  city: 'City',
  stateOrProvince: 'State/Province',
  postalCode: 'ZIP/Postal Code',
  country: 'Country/Region',
}
const SIDES: Record<string, { title: string; id: string }> = {
  billTo: { title: 'Bill To', id: 'bill-to' },
  shipTo: { title: 'Ship To', id: 'ship-to' },
}

/** The label a rep reads and the id of the control, for a field path of a document header. */
export function headerField(
  kind: 'invoice' | 'order',
  path: string,
): { label: string; id: string } {
  const [side = '', key = ''] = path.split('.')
  const address = SIDES[side]
  if (address && ADDRESS_LABELS[key])
    return { label: `${address.title} ${ADDRESS_LABELS[key]}`, id: `${kind}-${address.id}-${key}` }
  const fields: Record<string, { label: string; id: string }> = {
    name: { label: 'Name', id: 'name' },
    customerId: { label: 'Customer', id: 'customer' },
    priceListId: { label: 'Price List', id: 'price-list' },
    currencyCode: { label: 'Currency', id: 'currency' },
    dueDate: { label: 'Due Date', id: 'date' },
    requestedDeliveryDate: { label: 'Requested Delivery Date', id: 'date' },
    invoiceDate: { label: 'Invoice Date', id: 'invoice-date' },
    description: { label: 'Description', id: 'description' },
  }
  const field = fields[path] ?? { label: path, id: path }
  return { label: field.label, id: `${kind}-${field.id}` }
}

/** One problem as a sentence, e.g. "Name is required." */
export function problemText(kind: 'invoice' | 'order', problem: FieldProblem): string {
  const { label } = headerField(kind, problem.path)
  switch (problem.kind) {
    case 'required':
      return `${label} is required.`
    case 'tooLong':
      return `${label} can have at most ${problem.max ?? ''} characters.`
    case 'beforeInvoiceDate':
      return 'Due Date cannot be before the Invoice Date.'
  }
}

/** Every problem of the draft, worded, by field path. */
export function headerErrors(kind: 'invoice' | 'order', draft: HeaderDraft): HeaderErrors {
  const problems = headerProblems({
    name: draft.name,
    customerId: draft.customerId,
    priceListId: draft.priceListId,
    currencyCode: draft.currencyCode,
    description: draft.description,
    invoiceDate: kind === 'invoice' ? draft.invoiceDate : undefined,
    dueDate: kind === 'invoice' ? draft.date : undefined,
    billTo: draft.billTo,
    shipTo: draft.shipTo,
  })
  const errors: HeaderErrors = {}
  for (const problem of problems) errors[problem.path] ??= problemText(kind, problem)
  return errors
}

/** The most characters each header text box takes (its `maxlength`). */
export const MAX_LENGTH = {
  name: HEADER_TEXT_LIMITS.name,
  description: HEADER_TEXT_LIMITS.description,
  line1: HEADER_TEXT_LIMITS['address.line1'],
  city: HEADER_TEXT_LIMITS['address.city'],
  postalCode: HEADER_TEXT_LIMITS['address.postalCode'],
  country: HEADER_TEXT_LIMITS['address.country'],
} as const
