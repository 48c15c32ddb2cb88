import { describe, expect, test } from 'vitest'
import type { InvoiceCommand, PaymentInput } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import { amountPaid, balanceDue } from './payments'
import { blankInvoice, context, payment, unwrap } from './test-support/fixtures'
import type { Invoice, Payment } from './types'

/** An invoice of 100.00: ten widgets at 10.00 less the 10 % volume discount, plus 10.00 freight. */
function invoiceOf100(): Invoice {
  const ctx = context()
  const cmds: InvoiceCommand[] = [
    { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '10' },
    { type: 'editHeader', changes: { freightAmount: '10' } },
  ]
  const invoice = cmds.reduce(
    (doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)),
    blankInvoice(),
  )
  expect(invoice.totals.totalAmount).toBe('100.00')
  return invoice
}

const pay = (id: string, amount: string): InvoiceCommand => ({
  type: 'recordPayment',
  payment: { id, date: '2025-03-05', amount, method: 'check', reference: 'CHK 12' },
})

describe('recording payments', () => {
  test('a partial payment is its own record; the balance is derived', () => {
    const invoice = invoiceOf100()
    const result = applyInvoiceCommand(invoice, pay('P1', '40'), context())
    if (!result.ok) throw new Error(result.refusal.reason)
    expect(result.payment).toEqual({
      id: 'P1',
      kind: 'payment',
      updatedAt: '2025-03-01T09:00:00.000Z',
      invoiceId: 'I1',
      customerId: 'C1',
      date: '2025-03-05',
      amount: '40.00',
      currencyCode: 'USD',
      method: 'check',
      reference: 'CHK 12',
      recordedAt: '2025-03-01T09:00:00.000Z',
      recordedBy: 'rep1',
    })
    expect(result.document.state).toBe('active')
    expect(result.document.history.at(-1)?.changes).toEqual([
      { field: 'payments[P1].amount', from: null, to: '40.00' },
      { field: 'amountPaid', from: '0.00', to: '40.00' },
    ])
    const payments = [result.payment as Payment]
    expect(amountPaid(invoice, payments)).toBe('40.00')
    expect(balanceDue(invoice, payments)).toBe('60.00')
  })

  test('the payment that settles the balance makes the invoice Paid, Complete', () => {
    const invoice = invoiceOf100()
    const ctx = context('rep', { payments: [payment(invoice, 'P1', '60.00')] })
    const result = unwrap(applyInvoiceCommand(invoice, pay('P2', '40.00'), ctx))
    expect([result.state, result.status]).toEqual(['paid', 'complete'])
  })

  test.each<[string, Partial<PaymentInput>, string, string]>([
    [
      'overpayment',
      { amount: '120' },
      'overpayment',
      'Payment of 120.00 is more than the balance due of 100.00.',
    ],
    ['zero', { amount: '0' }, 'nonPositivePayment', 'A payment must be more than zero.'],
    ['negative', { amount: '-5' }, 'nonPositivePayment', 'A payment must be more than zero.'],
    [
      'not a number',
      { amount: 'ten' },
      'invalidValue',
      'Payment amount “ten” is not a number. Type digits, a “-” and a “.”.',
    ],
    ['no id', { id: '' }, 'invalidValue', 'A payment needs an id.'],
    [
      'no date',
      { date: '5 March' },
      'invalidValue',
      'The payment needs the date the money was received.',
    ],
    [
      'bad method',
      { method: 'barter' as never },
      'invalidValue',
      'Choose how the payment was made: cash, check, card, bank transfer or other.',
    ],
  ])('refuses %s', (_name, change, code, reason) => {
    const cmd = pay('P1', '10')
    const input = { ...(cmd as { payment: PaymentInput }).payment, ...change }
    expect(
      applyInvoiceCommand(invoiceOf100(), { type: 'recordPayment', payment: input }, context()),
    ).toEqual({
      ok: false,
      refusal: { code, reason },
    })
  })

  test('a payment recorded twice is refused; payments of other invoices are ignored', () => {
    const invoice = invoiceOf100()
    const other = { ...payment(invoice, 'X', '99.00'), invoiceId: 'I2' }
    const ctx = context('rep', { payments: [payment(invoice, 'P1', '10.00'), other] })
    expect(applyInvoiceCommand(invoice, pay('P1', '1'), ctx)).toMatchObject({
      refusal: { code: 'duplicateId' },
    })
    expect(balanceDue(invoice, ctx.payments)).toBe('90.00')
    expect(applyInvoiceCommand(invoice, pay('P2', '90'), ctx).ok).toBe(true)
  })
})

describe('Invoice Paid, Cancel, Reactivate', () => {
  test('Invoice Paid with part paid closes as Paid, Partial; reactivating reopens it', () => {
    const invoice = invoiceOf100()
    const ctx = context('rep', { payments: [payment(invoice, 'P1', '30.00')] })
    const paid = unwrap(applyInvoiceCommand(invoice, { type: 'invoicePaid' }, ctx))
    expect([paid.state, paid.status]).toEqual(['paid', 'partial'])
    expect(applyInvoiceCommand(paid, pay('P2', '70'), ctx)).toMatchObject({
      refusal: {
        code: 'readOnly',
        reason: 'This invoice is paid and read-only. Reactivate it to make changes.',
      },
    })
    const reopened = unwrap(applyInvoiceCommand(paid, { type: 'reactivate' }, ctx))
    expect([reopened.state, reopened.status]).toEqual(['active', 'new'])
    expect(unwrap(applyInvoiceCommand(reopened, pay('P2', '70'), ctx)).status).toBe('complete')
  })

  test('Invoice Paid with nothing paid is refused; a zero invoice is simply complete', () => {
    expect(applyInvoiceCommand(invoiceOf100(), { type: 'invoicePaid' }, context())).toEqual({
      ok: false,
      refusal: {
        code: 'noPaymentRecorded',
        reason:
          'No payment has been recorded on this invoice. Record the payment before marking it paid.',
      },
    })
    expect(
      unwrap(applyInvoiceCommand(blankInvoice(), { type: 'invoicePaid' }, context())).status,
    ).toBe('complete')
  })

  test('an invoice with payments cannot be canceled', () => {
    const invoice = invoiceOf100()
    const ctx = context('rep', { payments: [payment(invoice, 'P1', '30.00')] })
    expect(applyInvoiceCommand(invoice, { type: 'cancelInvoice' }, ctx)).toMatchObject({
      refusal: { code: 'hasPayments' },
    })
    const canceled = unwrap(applyInvoiceCommand(invoice, { type: 'cancelInvoice' }, context()))
    expect(
      applyInvoiceCommand(canceled, { type: 'editHeader', changes: { name: 'x' } }, context()),
    ).toMatchObject({
      refusal: { reason: 'This invoice is canceled and read-only. Reactivate it to make changes.' },
    })
  })
})
