/**
 * Invoices for sync tests, built and changed through src-core's commands, as a device would.
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import type { InvoiceCommand } from '@core/documents/commands'
import { createInvoice } from '@core/documents/create-invoice'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { customer, settings } from '@core/documents/test-support/fixtures'
import type { Customer, Invoice, LedgerEntry } from '@core/documents/types'

export const T0 = '2025-03-01T09:00:00.000Z'

/** src-core's fixture customer under another id, owned by `ownerId`. */
export function customerOf(id: string, ownerId: string): Customer {
  return { ...customer, id, name: `Customer ${id}`, ownerId }
}

const ctx = (userId: string, at: string, payments: readonly LedgerEntry[] = []) => ({
  actor: { userId, role: 'rep' as const },
  at,
  catalog: EMPTY_CATALOG,
  newId: () => `X${at}`,
  payments,
})

/** Applies a command as `userId` at `at`; a refusal fails the test. */
export function run(
  doc: Invoice,
  cmd: InvoiceCommand,
  userId: string,
  at: string,
  payments: readonly LedgerEntry[] = [],
): { document: Invoice; payment?: LedgerEntry } {
  const result = applyInvoiceCommand(doc, cmd, ctx(userId, at, payments))
  if (!result.ok) throw new Error(result.refusal.reason)
  return result
}

/** An invoice with two write-in lines (`${id}-L1`, `${id}-L2`). */
export function newInvoice(id: string, number: string, of: Customer): Invoice {
  const created = createInvoice(
    { id, number, name: `Invoice ${id}`, customer: of, settings },
    ctx(of.ownerId, T0),
  )
  if (!created.ok) throw new Error(created.refusal.reason)
  const lines = [
    { lineId: `${id}-L1`, productName: 'Service 1', pricePerUnit: '11.50', quantity: '1' },
    { lineId: `${id}-L2`, productName: 'Service 2', pricePerUnit: '12.50', quantity: '2' },
  ]
  return lines.reduce(
    (doc, line) => run(doc, { type: 'addWriteIn', ...line }, of.ownerId, T0).document,
    created.document,
  )
}
