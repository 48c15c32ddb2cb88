/**
 * Large datasets (benchmarks: up to 100,000 invoices) are made by cloning a pool of documents that were built
 * through the real commands: running every command for every invoice would take minutes. A clone gets its own
 * id, number, customer (one on the same price list and currency, so its prices stay right) and dates shifted by
 * whole days; lines, prices and totals are the template's, so each clone satisfies the rules as its template
 * did, and its history is the template's history at the shifted times.
 */
import type { Customer, Invoice, Order, LedgerEntry } from '@core/documents'
import type { Prng } from './prng'

const DAY = 86_400_000

function shiftInstant(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString()
}

function shiftDate(date: string, ms: number): string {
  return shiftInstant(`${date}T00:00:00.000Z`, ms).slice(0, 10)
}

export interface CloneTarget {
  id: string
  number: string
  name: string
  customer: Customer
  /** Days to move every date by (negative: earlier). */
  shiftDays: number
}

/** A copy of an order or invoice under a new identity, customer and dates. */
export function cloneDocument<D extends Order | Invoice>(template: D, target: CloneTarget): D {
  const ms = target.shiftDays * DAY
  const { customer } = target
  const clone: D = {
    ...template,
    id: target.id,
    number: target.number,
    name: target.name,
    customerId: customer.id,
    ownerId: customer.ownerId,
    billTo: customer.billTo,
    shipTo: customer.shipTo,
    createdAt: shiftInstant(template.createdAt, ms),
    updatedAt: shiftInstant(template.updatedAt, ms),
    history: template.history.map((h) => ({ ...h, at: shiftInstant(h.at, ms) })),
  }
  delete clone.contactId
  if (clone.kind === 'invoice' && clone.dueDate) clone.dueDate = shiftDate(clone.dueDate, ms)
  return clone
}

/** The template's payments, moved to the clone. */
export function clonePayments(
  payments: readonly LedgerEntry[],
  clone: Invoice,
  shiftDays: number,
): LedgerEntry[] {
  const ms = shiftDays * DAY
  return payments.map((p, k) => ({
    ...p,
    id: `${clone.id}-P${k + 1}`,
    invoiceId: clone.id,
    customerId: clone.customerId,
    date: shiftDate(p.date, ms),
    recordedAt: shiftInstant(p.recordedAt, ms),
    updatedAt: shiftInstant(p.updatedAt, ms),
  }))
}

/** A customer who buys on the template's price list in its currency. */
export function compatibleCustomer(
  prng: Prng,
  customers: readonly Customer[],
  template: Order | Invoice,
): Customer {
  const fits = customers.filter(
    (c) => c.priceListId === template.priceListId && c.currencyCode === template.currencyCode,
  )
  return prng.pick(fits.length > 0 ? fits : customers)
}
