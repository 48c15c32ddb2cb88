/**
 * The payments ledger tried as an attacker with a rep's token would, through the real HTTP API on a real
 * PostgreSQL: amounts that no rule allows, payments on invoices that are missing, in another currency, paid,
 * deleted; voids twice; refunds above what was paid; ledger entries changed or deleted after the fact.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Invoice, LedgerEntry, Payment } from '@core/documents/types'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { AT, ctx, customer, invoice } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import {
  change,
  create,
  startTestServer,
  type Client,
  type TestServer,
} from './test-support/server'

let server: TestServer
let ann: Client
const annCustomer = customer('C-ann', 'ann')

beforeAll(async () => {
  server = await startTestServer()
  ann = await server.signIn('ann', 'rep')
  annCustomer.ownerId = ann.userId
  expect((await ann.push('customers', [create(annCustomer)])).rejections).toEqual([])
}, HOOK_TIMEOUT)

afterAll(async () => {
  await server?.stop()
}, HOOK_TIMEOUT)

function payment(id: string, of: Invoice, amount: string, extra: Partial<Payment> = {}): Payment {
  return {
    id,
    kind: 'payment',
    updatedAt: AT,
    invoiceId: of.id,
    customerId: of.customerId,
    date: '2025-03-05',
    amount,
    currencyCode: of.currencyCode,
    method: 'cash',
    recordedAt: AT,
    recordedBy: ann.userId,
    ...extra,
  }
}

const voidOf = (id: string, paid: Payment): LedgerEntry => ({
  id,
  kind: 'void',
  updatedAt: AT,
  invoiceId: paid.invoiceId,
  customerId: paid.customerId,
  date: '2025-03-06',
  voidsPaymentId: paid.id,
  reason: 'Typed twice',
  recordedAt: AT,
  recordedBy: ann.userId,
})

const refund = (id: string, of: Invoice, amount: string): LedgerEntry => ({
  ...payment(id, of, amount),
  kind: 'refund',
})

let numbers = 0
async function storedInvoice(): Promise<Invoice> {
  numbers++
  const doc = invoice(`I-${numbers}`, `INV-${String(numbers).padStart(5, '0')}-LEDGER`, annCustomer)
  expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([])
  expect(doc.totals.totalAmount).toBe('39.00')
  return doc
}

const pushOne = async (entry: object) => {
  const answer = await ann.push('payments', [create(entry)])
  expect(answer.status).toBe(200)
  return answer.rejections.map((r) => r.code)
}

const storedIds = async () => (await ann.pullAll('payments')).map((p) => p.id)

describe('amounts', () => {
  test('−500.00 then 530.00 on a 39.00 invoice: both refused, nothing stored', async () => {
    const inv = await storedInvoice()
    expect(await pushOne(payment('A-neg', inv, '-500.00'))).toEqual(['nonPositivePayment'])
    expect(await pushOne(payment('A-530', inv, '530.00'))).toEqual(['overpayment'])
    expect(await storedIds()).not.toContain('A-neg')
    expect(await storedIds()).not.toContain('A-530')
  })

  test('0.00 and −0.001 are refused; 39.00 then fits', async () => {
    const inv = await storedInvoice()
    expect(await pushOne(payment('A-zero', inv, '0.00'))).toEqual(['nonPositivePayment'])
    expect(await pushOne(payment('A-milli', inv, '-0.001'))).toEqual(['nonPositivePayment'])
    expect(await pushOne(payment('A-sub', inv, '1.001'))).toEqual(['invalidValue'])
    expect(await pushOne(payment('A-ok', inv, '39.00'))).toEqual([])
  })

  test('EUR or XXX on a USD invoice is refused', async () => {
    const inv = await storedInvoice()
    expect(inv.currencyCode).toBe('USD')
    expect(await pushOne(payment('A-eur', inv, '1.00', { currencyCode: 'EUR' }))).toEqual([
      'invalidValue',
    ])
    expect(await pushOne(payment('A-xxx', inv, '1.00', { currencyCode: 'XXX' }))).toEqual([
      'invalidValue',
    ])
  })
})

describe('the invoice', () => {
  test('999,999,999,999,999.99 on a missing invoice is refused for now (the device retries), not stored', async () => {
    numbers++
    const later = invoice(`I-${numbers}`, `INV-${numbers}-LATER`, annCustomer)
    const answer = await ann.push('payments', [
      create(payment('A-huge', later, '999999999999999.99')),
    ])
    expect(answer.rejections).toEqual([
      {
        id: 'A-huge',
        code: 'invoiceMissing',
        reason: 'The payment waits for its invoice to reach the server.',
        master: null,
      },
    ])
    expect(await storedIds()).not.toContain('A-huge')
    // Once the invoice arrives, the same payment is checked as any other: too much; a right one passes.
    expect((await ann.push('invoices', [create(later)])).rejections).toEqual([])
    expect(await pushOne(payment('A-huge', later, '999999999999999.99'))).toEqual(['overpayment'])
    expect(await pushOne(payment('A-right', later, '39.00'))).toEqual([])
  })

  test('mark paid, delete, then 999,999.00: the delete and the payment are refused', async () => {
    const inv = await storedInvoice()
    // Paid in full on the device: the payment makes the invoice Paid, Complete.
    const pay = { id: 'A-full', date: '2025-03-05', amount: '39.00', method: 'cash' } as const
    const result = applyInvoiceCommand(
      inv,
      { type: 'recordPayment', payment: pay },
      {
        ...ctx(ann.userId),
        payments: [],
      },
    )
    if (!result.ok || !result.payment) throw new Error('the payment was refused')
    const paid = result.document
    expect(paid.state).toBe('paid')
    expect(await pushOne(result.payment)).toEqual([])
    expect((await ann.push('invoices', [change(inv, paid)])).rejections).toEqual([])
    const gone = await ann.push('invoices', [
      {
        assumedMasterState: { ...paid, _deleted: false },
        newDocumentState: { ...paid, _deleted: true },
      },
    ])
    expect(gone.rejections.map((r) => [r.code, r.reason])).toEqual([
      [
        'readOnly',
        `Invoice ${inv.number} cannot be deleted because the company server has it. Cancel it instead.`,
      ],
    ])
    expect((await ann.pullAll('invoices')).find((d) => d.id === inv.id)?._deleted).toBe(false)
    expect(await pushOne(payment('A-after', inv, '999999.00'))).toEqual(['overpayment'])
  })

  test('an active numbered invoice the server holds cannot be deleted either', async () => {
    const inv = await storedInvoice()
    const gone = await ann.push('invoices', [
      {
        assumedMasterState: { ...inv, _deleted: false },
        newDocumentState: { ...inv, _deleted: true },
      },
    ])
    expect(gone.rejections.map((r) => r.code)).toEqual(['readOnly'])
  })

  test('a deleted invoice (a tombstone stored before the rule) takes no payment', async () => {
    const inv = await storedInvoice()
    await server.pool.query(
      `UPDATE documents SET deleted = true WHERE collection = 'invoices' AND id = $1`,
      [inv.id],
    )
    expect(await pushOne(payment('A-ghost', inv, '1.00'))).toEqual(['invoiceDeleted'])
  })
})

describe('voids and refunds', () => {
  test('a payment is voided once; the voided amount is due again', async () => {
    const inv = await storedInvoice()
    const paid = payment('V-p', inv, '39.00')
    expect(await pushOne(paid)).toEqual([])
    expect(await pushOne(payment('V-p2', inv, '1.00'))).toEqual(['overpayment'])
    expect(await pushOne(voidOf('V-1', paid))).toEqual([])
    expect(await pushOne(voidOf('V-2', paid))).toEqual(['alreadyVoided'])
    // Two voids of one payment in one batch: the second sees the first.
    const other = payment('V-q', inv, '10.00')
    expect(await pushOne(other)).toEqual([])
    const both = await ann.push('payments', [
      create(voidOf('V-3', other)),
      create(voidOf('V-4', other)),
    ])
    expect(both.rejections.map((r) => [r.id, r.code])).toEqual([['V-4', 'alreadyVoided']])
    expect(await pushOne(payment('V-again', inv, '39.00'))).toEqual([])
  })

  test('a refund is never above what was paid and not yet refunded', async () => {
    const inv = await storedInvoice()
    expect(await pushOne(refund('R-0', inv, '1.00'))).toEqual(['overRefund'])
    expect(await pushOne(payment('R-p', inv, '30.00'))).toEqual([])
    expect(await pushOne(refund('R-1', inv, '30.01'))).toEqual(['overRefund'])
    expect(await pushOne(refund('R-2', inv, '20.00'))).toEqual([])
    expect(await pushOne(refund('R-3', inv, '10.01'))).toEqual(['overRefund'])
    expect(await pushOne(refund('R-4', inv, '10.00'))).toEqual([])
  })

  test('a stored entry is never changed or deleted', async () => {
    const inv = await storedInvoice()
    const paid = payment('L-p', inv, '5.00')
    expect(await pushOne(paid)).toEqual([])
    const bigger = { ...paid, amount: '39.00', updatedAt: '2025-03-06T09:00:00.000Z' }
    const changed = await ann.push('payments', [change(paid, bigger)])
    expect(changed.rejections.map((r) => r.code)).toEqual(['ledgerImmutable'])
    const deleted = await ann.push('payments', [
      {
        assumedMasterState: { ...paid, _deleted: false },
        newDocumentState: { ...paid, _deleted: true },
      },
    ])
    expect(deleted.rejections.map((r) => r.code)).toEqual(['ledgerImmutable'])
    expect((await ann.pullAll('payments')).find((p) => p.id === 'L-p')).toMatchObject({
      amount: '5.00',
      _deleted: false,
    })
  })
})
