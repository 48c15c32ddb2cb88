/**
 * Test helpers for data/io: a seeded database with an invoice and a payment, and a fingerprint of everything
 * stored, to check that a refused or failed operation left the data exactly as it was.
 */
import { afterEach } from 'vitest'
import type { Repositories } from '../repositories'
import { closeDatabase, ok, seededRepositories } from '../test-support/test-db'
import { snapshotStored, type StoredSnapshot } from './storage-map'

/**
 * The fixture company plus two invoices with a widget line each; the first has a payment, the invoice header
 * dates and terms, and an email status.
 */
export async function seededWithInvoices(): Promise<Repositories> {
  const repos = await seededRepositories()
  for (const [name, quantity] of [
    ['March', '2'],
    ['April', '3'],
  ] as const) {
    const invoice = ok(
      await repos.invoices.create({ customerId: 'C1', name, dueDate: '2025-04-01' }),
    )
    ok(
      await repos.invoices.apply(invoice.id, {
        type: 'addLine',
        lineId: 'L1',
        productId: 'widget',
        unitId: 'each',
        quantity,
      }),
    )
    if (name === 'March') {
      ok(
        await repos.invoices.apply(invoice.id, {
          type: 'recordPayment',
          payment: { id: 'PAY1', date: '2025-03-05', amount: '5.00', method: 'cash' },
        }),
      )
      // The header fields of the Dynamics invoice form and an email status, so backups carry them too.
      ok(
        await repos.invoices.apply(invoice.id, {
          type: 'editHeader',
          changes: {
            invoiceDate: '2025-03-01',
            dateDelivered: '2025-02-27',
            paymentTerms: 'net30',
          },
        }),
      )
      const email = { state: 'sent', to: 'ana@x.example', at: '2025-03-01T10:00:00.000Z' } as const
      ok(
        await repos.invoices.apply(invoice.id, {
          type: 'recordEmailStatus',
          email: { ...email, messageId: 'M1' },
        }),
      )
    }
  }
  return repos
}

/** Every stored document, sorted by id within its collection, without RxDB's own fields. */
export async function fingerprint(repos: Repositories): Promise<StoredSnapshot> {
  const snapshot = await snapshotStored(repos.db)
  for (const docs of Object.values(snapshot))
    docs.sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))
  return snapshot
}

/**
 * A factory of seeded databases for one test file; every database it opened is closed after each test (they
 * count against RxDB's open-collection limit).
 */
export function seededDatabases(): () => Promise<Repositories> {
  const open: Repositories[] = []
  afterEach(async () => {
    for (const repos of open.splice(0)) await closeDatabase(repos.db)
  })
  return async () => {
    const repos = await seededWithInvoices()
    open.push(repos)
    return repos
  }
}
