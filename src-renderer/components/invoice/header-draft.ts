/**
 * The header fields of an invoice as the form edits them, and what a save sends: only the fields that changed.
 */
import type {
  Address,
  Customer,
  Id,
  Invoice,
  InvoiceHeaderChanges,
} from '../../../src-core/documents'

export interface HeaderDraft {
  name: string
  customerId?: Id
  priceListId?: Id
  currencyCode?: string
  dueDate: string
  description: string
  billTo: Address
  shipTo: Address
}

const NO_ADDRESS: Address = { line1: '', city: '' }

export function emptyDraft(): HeaderDraft {
  return { name: '', dueDate: '', description: '', billTo: NO_ADDRESS, shipTo: NO_ADDRESS }
}

export function draftOf(invoice: Invoice): HeaderDraft {
  return {
    name: invoice.name,
    customerId: invoice.customerId,
    priceListId: invoice.priceListId,
    currencyCode: invoice.currencyCode,
    dueDate: invoice.dueDate ?? '',
    description: invoice.description ?? '',
    billTo: invoice.billTo,
    shipTo: invoice.shipTo,
  }
}

/** A new invoice proposes the customer's price list, currency and addresses, as Dynamics does. */
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

/** The header changes between the stored invoice and the draft (empty when nothing changed). */
export function headerChanges(
  invoice: Invoice | undefined,
  draft: HeaderDraft,
): InvoiceHeaderChanges {
  const before = invoice ? draftOf(invoice) : emptyDraft()
  const changes: InvoiceHeaderChanges = {}
  if (draft.name !== before.name) changes.name = draft.name
  if (draft.description !== before.description) changes.description = draft.description || null
  if (draft.dueDate !== before.dueDate) changes.dueDate = draft.dueDate || null
  if (!sameAddress(draft.billTo, before.billTo)) changes.billTo = draft.billTo
  if (!sameAddress(draft.shipTo, before.shipTo)) changes.shipTo = draft.shipTo
  if (invoice && draft.priceListId && draft.priceListId !== before.priceListId)
    changes.priceListId = draft.priceListId
  return changes
}

export function isDirty(invoice: Invoice | undefined, draft: HeaderDraft): boolean {
  if (!invoice) return draft.name !== '' || !!draft.customerId || draft.description !== ''
  return Object.keys(headerChanges(invoice, draft)).length > 0
}
