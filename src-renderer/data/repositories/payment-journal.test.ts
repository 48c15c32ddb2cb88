import { afterEach, describe, expect, it } from 'vitest'
import type { Payment } from '@core/documents'
import { closeDatabase, invoiceWithWidgets, seededRepositories } from '../test-support/test-db'
import { PAYMENT_JOURNAL_DOC, type PendingPayment } from './payment-journal'
import type { Repositories } from '.'
import { without } from '../stored'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

const AT = '2025-03-02T10:00:00.000Z'

/** The state a page closed between the payment write and the invoice write leaves behind. */
async function crashAfterPaymentWrite(
  r: Repositories,
  amount: string,
  { withoutKind = false } = {},
) {
  const invoice = await invoiceWithWidgets(r)
  const payment: Payment = {
    id: 'P1',
    kind: 'payment',
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
  // A journal written before the ledger had kinds holds a payment without one.
  const journaled = withoutKind ? without<Payment>(payment, ['kind']) : payment
  const entry: PendingPayment = {
    invoiceId: invoice.id,
    payment: journaled,
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

describe('the payments ledger on the device', () => {
  it('records a payment, voids it, records a refund; the stored balance follows each step', async () => {
    repos = await seededRepositories()
    const r = repos
    const invoice = await invoiceWithWidgets(r)
    const id = invoice.id
    const money = { date: '2025-03-02', method: 'cash' as const }
    const step = async (cmd: Parameters<Repositories['invoices']['apply']>[1]) => {
      const result = await r.invoices.apply(id, cmd)
      if (!result.ok) throw new Error(result.refusal.reason)
      return r.invoices.balanceDue(id)
    }
    expect(
      await step({ type: 'recordPayment', payment: { id: 'P1', amount: '15', ...money } }),
    ).toBe('5.00')
    expect(
      await step({
        type: 'voidPayment',
        void: { id: 'V1', paymentId: 'P1', date: '2025-03-03', reason: 'Wrong invoice' },
      }),
    ).toBe('20.00')
    expect(
      await step({ type: 'recordPayment', payment: { id: 'P2', amount: '20', ...money } }),
    ).toBe('0.00')
    expect((await r.invoices.get(id))?.state).toBe('paid')
    expect(
      await step({ type: 'recordRefund', refund: { id: 'R1', amount: '4.50', ...money } }),
    ).toBe('4.50')
    expect((await r.invoices.get(id))?.status).toBe('partial')
    const ledger = await r.invoices.payments(id)
    expect(ledger.map((e) => [e.id, e.kind]).sort()).toEqual([
      ['P1', 'payment'],
      ['P2', 'payment'],
      ['R1', 'refund'],
      ['V1', 'void'],
    ])
    expect(ledger.every((e) => e.recordedBy === 'rep1')).toBe(true)
    const again = await r.invoices.apply(id, {
      type: 'voidPayment',
      void: { id: 'V2', paymentId: 'P1', date: '2025-03-03', reason: 'Again' },
    })
    expect(again).toMatchObject({ ok: false, refusal: { code: 'alreadyVoided' } })
    expect(await r.invoices.payments(id)).toHaveLength(4)
  })

  it('finishes an interrupted payment journaled before the ledger had kinds', async () => {
    repos = await seededRepositories()
    const id = await crashAfterPaymentWrite(repos, '20.00', { withoutKind: true })
    expect(await repos.invoices.recoverPendingWrites()).toBe(1)
    expect(await repos.invoices.payments(id)).toMatchObject([{ id: 'P1', kind: 'payment' }])
    expect(await repos.invoices.balanceDue(id)).toBe('0.00')
  })
})
