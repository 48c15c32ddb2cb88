/**
 * Payments checked against their invoice as the server holds it, on a real PostgreSQL: no payment above the
 * balance due (two devices paying one invoice offline cannot both pass), none on a canceled invoice, and a
 * refusal names the amount, the balance and the invoice.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Invoice, Payment } from '@core/documents/types'
import { AT, customer, invoice, invoiceCommand } from './test-support/documents'
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

function payment(id: string, of: Invoice, amount: string): Payment {
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
  }
}

async function storedInvoice(id: string, number: string): Promise<Invoice> {
  const doc = invoice(id, number, annCustomer)
  expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([])
  return doc
}

const storedPayments = async () => (await ann.pullAll('payments')).map((p) => p.id).sort()

test('a payment up to the balance is stored; one past it is refused with the balance', async () => {
  const inv = await storedInvoice('I-1', 'INV-00001-PAYAAA')
  expect(inv.totals.totalAmount).toBe('39.00')
  const first = await ann.push('payments', [create(payment('P-1', inv, '30.00'))])
  expect(first.rejections).toEqual([])
  // A second device, offline, paid the whole invoice: the server already holds 30.00 of it.
  const second = await ann.push('payments', [create(payment('P-2', inv, '39.00'))])
  expect(second.rejections).toEqual([
    {
      id: 'P-2',
      code: 'overpayment',
      reason: 'Payment of 39.00 is more than the balance due of 9.00 on invoice INV-00001-PAYAAA.',
      master: null,
    },
  ])
  expect(await ann.push('payments', [create(payment('P-3', inv, '9.00'))])).toMatchObject({
    rejections: [],
  })
  expect(await storedPayments()).toEqual(['P-1', 'P-3'])
})

test('payments of one batch count against each other', async () => {
  const inv = await storedInvoice('I-2', 'INV-00002-PAYAAA')
  const answer = await ann.push('payments', [
    create(payment('P-21', inv, '20.00')),
    create(payment('P-22', inv, '19.00')),
    create(payment('P-23', inv, '0.01')),
  ])
  expect(answer.rejections.map((r) => [r.id, r.code])).toEqual([['P-23', 'overpayment']])
})

test('a stored payment is never changed; a replay changes nothing', async () => {
  const inv = await storedInvoice('I-3', 'INV-00003-PAYAAA')
  const before = payment('P-31', inv, '10.00')
  expect((await ann.push('payments', [create(before)])).rejections).toEqual([])
  expect((await ann.push('payments', [create(before)])).rejections).toEqual([])
  const after = { ...before, amount: '39.00', updatedAt: '2025-03-06T09:00:00.000Z' }
  const answer = await ann.push('payments', [change(before, after)])
  expect(answer.rejections.map((r) => [r.code, r.master])).toEqual([
    ['ledgerImmutable', { ...before, _deleted: false }],
  ])
  expect((await ann.pullAll('payments')).find((p) => p.id === 'P-31')?.amount).toBe('10.00')
})

test('a canceled invoice takes no payment', async () => {
  const inv = await storedInvoice('I-4', 'INV-00004-PAYAAA')
  const canceled = invoiceCommand(inv, { type: 'cancelInvoice' }, ann.userId)
  expect((await ann.push('invoices', [change(inv, canceled)])).rejections).toEqual([])
  const answer = await ann.push('payments', [create(payment('P-41', inv, '1.00'))])
  expect(answer.rejections).toEqual([
    {
      id: 'P-41',
      code: 'invoiceCanceled',
      reason: 'Invoice INV-00004-PAYAAA is canceled: it takes no payment.',
      master: null,
    },
  ])
})

test('a payment naming an invoice of another customer is refused, with nothing of that invoice', async () => {
  const bob = await server.signIn('bob', 'rep')
  const bobCustomer = { ...customer('C-bob', bob.userId) }
  expect((await bob.push('customers', [create(bobCustomer)])).rejections).toEqual([])
  const bobs = invoice('I-bob', 'INV-00009-BOBBBB', bobCustomer)
  expect((await bob.push('invoices', [create(bobs)])).rejections).toEqual([])
  // ann's payment, on ann's customer, pointing at bob's invoice.
  const probe = { ...payment('P-probe', bobs, '999.00'), customerId: annCustomer.id }
  const answer = await ann.push('payments', [create(probe)])
  expect(answer.rejections).toEqual([
    {
      id: 'P-probe',
      code: 'invoiceMismatch',
      reason: 'This payment names an invoice of another customer; it was not recorded.',
      master: null,
    },
  ])
  expect(JSON.stringify(answer)).not.toContain('INV-00009-BOBBBB')
  expect(await storedPayments()).not.toContain('P-probe')
})

test('a payment whose invoice has not arrived yet is refused for now, and stored once it has', async () => {
  const inv = invoice('I-5', 'INV-00005-PAYAAA', annCustomer)
  const early = await ann.push('payments', [create(payment('P-51', inv, '5.00'))])
  expect(early.rejections.map((r) => r.code)).toEqual(['invoiceMissing'])
  expect(await storedPayments()).not.toContain('P-51')
  expect((await ann.push('invoices', [create(inv)])).rejections).toEqual([])
  const later = await ann.push('payments', [create(payment('P-51', inv, '5.00'))])
  expect(later.rejections).toEqual([])
  expect(await storedPayments()).toContain('P-51')
})
