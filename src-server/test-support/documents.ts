/**
 * Documents for server tests and the benchmark, built through the real src-core rules so they are exactly what
 * a desktop would push.
 */
import type { CommandContext } from '@core/documents/commands'
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { createInvoice, createOrder } from '@core/documents/create-invoice'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { applyOrderCommand } from '@core/documents/order-commands'
import { settings } from '@core/documents/test-support/fixtures'
import type { ActorRole, Customer, Invoice, Order } from '@core/documents/types'

export const AT = '2025-03-01T09:00:00.000Z'

// The company of src-core's own fixtures, so both test suites describe the same company.
export { settings }

/** A customer owned by `ownerId`. */
export function customer(id: string, ownerId: string): Customer {
  return {
    id,
    updatedAt: AT,
    name: `Customer ${id}`,
    ownerId,
    contacts: [],
    billTo: { line1: '2 Bill St', city: 'Billings' },
    shipTo: { line1: '3 Ship Rd', city: 'Portland' },
    priceListId: 'retail',
    currencyCode: 'USD',
  }
}

export function ctx(userId: string, role: ActorRole = 'rep', at = AT): CommandContext {
  let next = 0
  return { actor: { userId, role }, at, catalog: EMPTY_CATALOG, newId: () => `N${++next}` }
}

function unwrap<D>(
  result: { ok: true; document: D } | { ok: false; refusal: { reason: string } },
): D {
  if (!result.ok) throw new Error(result.refusal.reason)
  return result.document
}

/** An invoice with `lines` write-in lines, created by the customer's owner. */
export function invoice(id: string, number: string, of: Customer, lines = 2): Invoice {
  const c = { ...ctx(of.ownerId), payments: [] }
  let doc = unwrap(createInvoice({ id, number, name: `Invoice ${id}`, customer: of, settings }, c))
  for (let i = 1; i <= lines; i++) {
    const cmd = {
      type: 'addWriteIn',
      lineId: `${id}-L${i}`,
      productName: `Service ${i}`,
      pricePerUnit: `${10 + i}.50`,
      quantity: String(i),
      tax: '1.25',
    } as const
    doc = unwrap(applyInvoiceCommand(doc, cmd, c))
  }
  return doc
}

/** An order with one write-in line, created by the customer's owner. */
export function order(id: string, number: string, of: Customer): Order {
  const c = ctx(of.ownerId)
  const doc = unwrap(createOrder({ id, number, name: `Order ${id}`, customer: of, settings }, c))
  const cmd = {
    type: 'addWriteIn',
    lineId: `${id}-L1`,
    productName: 'Consulting',
    pricePerUnit: '100',
    quantity: '3',
  } as const
  return unwrap(applyOrderCommand(doc, cmd, c))
}

/** Applies an order command as `userId` in `role`, throwing on a refusal. */
export function orderCommand(
  doc: Order,
  cmd: Parameters<typeof applyOrderCommand>[1],
  userId: string,
  role: ActorRole = 'rep',
): Order {
  return unwrap(applyOrderCommand(doc, cmd, ctx(userId, role, '2025-03-02T10:00:00.000Z')))
}

/** Applies an invoice command as `userId`, throwing on a refusal. */
export function invoiceCommand(
  doc: Invoice,
  cmd: Parameters<typeof applyInvoiceCommand>[1],
  userId: string,
): Invoice {
  const c = { ...ctx(userId, 'rep', '2025-03-02T10:00:00.000Z'), payments: [] }
  return unwrap(applyInvoiceCommand(doc, cmd, c))
}
