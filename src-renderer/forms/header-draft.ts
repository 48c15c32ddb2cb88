/**
 * The header fields of an order or invoice as the form edits them, and what a save sends: only the fields that
 * changed. `date` is the invoice's Due Date or the order's Requested Delivery Date; `invoiceDate` and
 * `dateDelivered` are the invoice's only (empty on an order). Dates are YYYY-MM-DD, '' when not set.
 */
import type {
  Address,
  Customer,
  HeaderChanges,
  Id,
  Invoice,
  Order,
  PaymentTerms,
} from '@core/documents'

export interface HeaderDraft {
  name: string
  customerId?: Id
  priceListId?: Id
  currencyCode?: string
  date: string
  invoiceDate: string
  dateDelivered: string
  paymentTerms?: PaymentTerms
  description: string
  billTo: Address
  shipTo: Address
}

export type SalesDocument = Invoice | Order

const NO_ADDRESS: Address = { line1: '', city: '' }

export function emptyDraft(): HeaderDraft {
  return {
    name: '',
    date: '',
    invoiceDate: '',
    dateDelivered: '',
    description: '',
    billTo: NO_ADDRESS,
    shipTo: NO_ADDRESS,
  }
}

function dateOf(doc: SalesDocument): string {
  return (doc.kind === 'invoice' ? doc.dueDate : doc.requestedDeliveryDate) ?? ''
}

export function draftOf(doc: SalesDocument): HeaderDraft {
  return {
    name: doc.name,
    customerId: doc.customerId,
    priceListId: doc.priceListId,
    currencyCode: doc.currencyCode,
    date: dateOf(doc),
    invoiceDate: (doc.kind === 'invoice' ? doc.invoiceDate : undefined) ?? '',
    dateDelivered: (doc.kind === 'invoice' ? doc.dateDelivered : undefined) ?? '',
    paymentTerms: doc.paymentTerms,
    description: doc.description ?? '',
    billTo: doc.billTo,
    shipTo: doc.shipTo,
  }
}

/** A new document proposes the customer's price list, currency and addresses, as Dynamics does. */
export function withCustomer(draft: HeaderDraft, customer: Customer): HeaderDraft {
  return {
    ...draft,
    customerId: customer.id,
    priceListId: customer.priceListId ?? draft.priceListId,
    currencyCode: customer.currencyCode ?? draft.currencyCode,
    billTo: customer.billTo,
    shipTo: customer.shipTo,
  }
}

const sameAddress = (a: Address, b: Address) => JSON.stringify(a) === JSON.stringify(b)

export type DocumentHeaderChanges = HeaderChanges & {
  invoiceDate?: string | null
  dueDate?: string | null
  dateDelivered?: string | null
  requestedDeliveryDate?: string | null
}

/**
 * The header changes between the stored document and the draft (empty when nothing changed). Without a stored
 * document, the changes a new one needs after `create` (addresses, description).
 */
export function headerChanges(
  kind: 'invoice' | 'order',
  doc: SalesDocument | undefined,
  draft: HeaderDraft,
): DocumentHeaderChanges {
  const before = doc ? draftOf(doc) : { ...emptyDraft(), name: draft.name, date: draft.date }
  const changes: DocumentHeaderChanges = {}
  if (draft.name !== before.name) changes.name = draft.name
  if (draft.description !== before.description) changes.description = draft.description || null
  if (draft.date !== before.date) {
    if (kind === 'invoice') changes.dueDate = draft.date || null
    else changes.requestedDeliveryDate = draft.date || null
  }
  if (kind === 'invoice') {
    if (draft.invoiceDate !== before.invoiceDate) changes.invoiceDate = draft.invoiceDate || null
    if (draft.dateDelivered !== before.dateDelivered)
      changes.dateDelivered = draft.dateDelivered || null
  }
  if (draft.paymentTerms !== before.paymentTerms) changes.paymentTerms = draft.paymentTerms ?? null
  if (!sameAddress(draft.billTo, before.billTo)) changes.billTo = draft.billTo
  if (!sameAddress(draft.shipTo, before.shipTo)) changes.shipTo = draft.shipTo
  if (doc && draft.priceListId && draft.priceListId !== before.priceListId)
    changes.priceListId = draft.priceListId
  return changes
}

export function isDirty(doc: SalesDocument | undefined, draft: HeaderDraft): boolean {
  if (!doc) return draft.name !== '' || !!draft.customerId || draft.description !== ''
  return Object.keys(headerChanges(doc.kind, doc, draft)).length > 0
}

/**
 * A Due Date before the Invoice Date, which src-core refuses too (content-commands.ts): shown next to Due Date
 * as the rep types, and stops the save.
 */
export function dueDateError(draft: HeaderDraft): string | null {
  if (draft.invoiceDate && draft.date && draft.date < draft.invoiceDate)
    return 'Due Date cannot be before the Invoice Date.'
  return null
}
