import { afterEach, describe, expect, it } from 'vitest'
import type { Payment } from '../../../src-core/documents'
import { closeDatabase, invoiceWithWidgets, seededRepositories } from '../test-support/test-db'
import { PAYMENT_JOURNAL_DOC, type PendingPayment } from './payment-journal'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

const AT = '2025-03-02T10:00:00.000Z'

/** The state a page closed between the payment write and the invoice write leaves behind. */
async function crashAfterPaymentWrite(r: Repositories, amount: string) {
  const invoice = await invoiceWithWidgets(r)
  const payment: Payment = {
    id: 'P1',
    updatedAt: AT,
    invoiceId: invoice.id,
    customerId: 'C1',
    date: '2025-03-02',
    amount,
    currencyCode: 'USD',
    method: 'cash',
    recordedAt: AT,
    recordedBy: 'rep1',
  }
  const entry: PendingPayment = {
    invoiceId: invoice.id,
    payment,
    command: {
      type: 'recordPayment',
      payment: { id: 'P1', date: '2025-03-02', amount, method: 'cash' },
    },
    actor: { userId: 'rep1', role: 'rep' },
    at: AT,
  }
  await r.db.upsertLocal(PAYMENT_JOURNAL_DOC, { entries: [entry] })
  await r.db.payments.insert(payment)
  return invoice.id
}

describe('payment journal', () => {
  it('finishes an interrupted payment: the invoice gets its history entry, state and balance', async () => {
    repos = await seededRepositories()
    const id = await crashAfterPaymentWrite(repos, '20.00')
    expect(await repos.invoices.balanceDue(id)).toBe('20.00')
    expect(await repos.invoices.recoverPendingWrites()).toBe(1)
    const invoice = await repos.invoices.get(id)
    expect(invoice?.state).toBe('paid')
    expect(invoice?.history.at(-1)?.command).toBe('recordPayment')
    expect(await repos.invoices.balanceDue(id)).toBe('0.00')
    // Recovering again does nothing more.
    expect(await repos.invoices.recoverPendingWrites()).toBe(0)
    expect((await repos.invoices.get(id))?.history).toEqual(invoice?.history)
  })

  it('rolls the payment back when the invoice no longer accepts it', async () => {
    repos = await seededRepositories()
    const id = await crashAfterPaymentWrite(repos, '99.00')
    await repos.invoices.recoverPendingWrites()
    expect(await repos.invoices.payments(id)).toEqual([])
    expect(await repos.invoices.balanceDue(id)).toBe('20.00')
    expect((await repos.invoices.get(id))?.state).toBe('active')
  })
})
