import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { add, compare, parseDecimal, sub, type Decimal } from '@core/money'
import type { InvoiceCommand } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import {
  amountPaid,
  balanceDue,
  countedPayments,
  deletionRefusal,
  paymentsOf,
  refundsOf,
} from './payments'
import { paymentSchema } from './schemas'
import { blankInvoice, context, unwrap } from './test-support/fixtures'
import type { Invoice, LedgerEntry } from './types'

/** An invoice of 100.00: ten widgets at 10.00 less the 10 % volume discount, plus 10.00 freight. */
function invoiceOf100(): Invoice {
  const ctx = context()
  const cmds: InvoiceCommand[] = [
    { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '10' },
    { type: 'editHeader', changes: { freightAmount: '10' } },
  ]
  return cmds.reduce((doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)), blankInvoice())
}

const pay = (id: string, amount: string): InvoiceCommand => ({
  type: 'recordPayment',
  payment: { id, date: '2025-03-05', amount, method: 'check', reference: 'CHK 12' },
})
const voidOf = (id: string, paymentId: string, reason = 'Typed twice'): InvoiceCommand => ({
  type: 'voidPayment',
  void: { id, paymentId, date: '2025-03-06', reason },
})
const refund = (id: string, amount: string): InvoiceCommand => ({
  type: 'recordRefund',
  refund: { id, date: '2025-03-07', amount, method: 'bankTransfer', reference: 'RF 1' },
})

/** Runs commands, keeping the ledger as a device would; refusals stop the run. */
function run(invoice: Invoice, cmds: InvoiceCommand[], ledger: LedgerEntry[] = []) {
  let doc = invoice
  for (const cmd of cmds) {
    const result = applyInvoiceCommand(doc, cmd, context('rep', { payments: ledger }))
    if (!result.ok) return { doc, ledger, refusal: result.refusal }
    doc = result.document
    if (result.payment) ledger.push(result.payment)
  }
  return { doc, ledger, refusal: undefined }
}

describe('payment amounts', () => {
  test('a payment above a line’s limits is taken when the invoice is that large', () => {
    // Lines refuse a quantity over 999,999; a payment is money, and a large invoice is paid in one go.
    const large = {
      ...invoiceOf100(),
      totals: { ...invoiceOf100().totals, totalAmount: '2500000.00' },
    }
    const { ledger, refusal } = run(large, [pay('P1', '1500000.00')])
    expect(refusal).toBeUndefined()
    expect(ledger.map((e) => (e.kind === 'void' ? '' : e.amount))).toEqual(['1500000.00'])
  })

  test.each([
    ['0.00', 'nonPositivePayment', 'A payment must be more than zero.'],
    ['-500', 'nonPositivePayment', 'A payment must be more than zero.'],
    ['-0.001', 'nonPositivePayment', 'A payment must be more than zero.'],
    ['0.001', 'invalidValue', 'Payment amount 0.001 has more decimals than USD has (2).'],
    ['10.005', 'invalidValue', 'Payment amount 10.005 has more decimals than USD has (2).'],
  ])('%s is refused, never rounded into another amount', (amount, code, reason) => {
    expect(run(invoiceOf100(), [pay('P1', amount)]).refusal).toEqual({ code, reason })
  })

  test('−500 then 530 on an invoice of 100: the first is refused, so the second is an overpayment', () => {
    const { refusal } = run(invoiceOf100(), [pay('P1', '-500')])
    expect(refusal?.code).toBe('nonPositivePayment')
    expect(run(invoiceOf100(), [pay('P2', '530')]).refusal?.code).toBe('overpayment')
  })

  test('trailing zeros past the precision are the same amount', () => {
    const { ledger, refusal } = run(invoiceOf100(), [pay('P1', '10.000')])
    expect(refusal).toBeUndefined()
    expect(ledger[0]).toMatchObject({ kind: 'payment', amount: '10.00' })
  })
})

describe('Void Payment', () => {
  test('a voided payment no longer counts; the void names it and says why', () => {
    const { doc, ledger, refusal } = run(invoiceOf100(), [pay('P1', '40'), voidOf('V1', 'P1')])
    expect(refusal).toBeUndefined()
    expect(ledger[1]).toEqual({
      id: 'V1',
      kind: 'void',
      updatedAt: '2025-03-01T09:00:00.000Z',
      invoiceId: 'I1',
      customerId: 'C1',
      date: '2025-03-06',
      voidsPaymentId: 'P1',
      reason: 'Typed twice',
      recordedAt: '2025-03-01T09:00:00.000Z',
      recordedBy: 'rep1',
    })
    expect(balanceDue(doc, ledger)).toBe('100.00')
    expect(doc.history.at(-1)).toMatchObject({
      command: 'voidPayment',
      changes: [
        { field: 'payments[V1].voided', from: null, to: 'Typed twice' },
        { field: 'amountPaid', from: '40.00', to: '0.00' },
      ],
    })
    expect(paymentSchema.safeParse(JSON.parse(JSON.stringify(ledger[1])))).toMatchObject({
      ok: true,
    })
  })

  test('a payment is voided once, needs a reason, and must be a payment of this invoice', () => {
    const start = run(invoiceOf100(), [pay('P1', '40'), voidOf('V1', 'P1')])
    expect(run(start.doc, [voidOf('V2', 'P1')], [...start.ledger]).refusal).toEqual({
      code: 'alreadyVoided',
      reason: 'The payment of 40.00 is already voided.',
    })
    expect(run(start.doc, [voidOf('V2', 'V1')], [...start.ledger]).refusal?.code).toBe(
      'paymentNotFound',
    )
    expect(run(start.doc, [voidOf('V2', 'nope')], [...start.ledger]).refusal?.code).toBe(
      'paymentNotFound',
    )
    const fresh = run(invoiceOf100(), [pay('P1', '40')])
    expect(run(fresh.doc, [voidOf('V1', 'P1', '  ')], [...fresh.ledger]).refusal).toEqual({
      code: 'invalidValue',
      reason: 'Say why the payment is voided.',
    })
  })

  test('voiding the payment that made an invoice paid returns it to Active, to collect again', () => {
    const { doc } = run(invoiceOf100(), [pay('P1', '100'), voidOf('V1', 'P1')])
    expect([doc.state, doc.status]).toEqual(['active', 'new'])
  })

  test('a void that would leave refunds above what is paid is refused', () => {
    const { refusal } = run(invoiceOf100(), [
      pay('P1', '60'),
      pay('P2', '40'),
      refund('R1', '70'),
      voidOf('V1', 'P1'),
    ])
    expect(refusal?.code).toBe('overRefund')
  })
})

describe('Refund', () => {
  test('a refund gives money back: the balance grows, a paid invoice becomes Paid, Partial', () => {
    const { doc, ledger, refusal } = run(invoiceOf100(), [pay('P1', '100'), refund('R1', '25')])
    expect(refusal).toBeUndefined()
    expect(ledger[1]).toMatchObject({ kind: 'refund', amount: '25.00', method: 'bankTransfer' })
    expect(amountPaid(doc, ledger)).toBe('75.00')
    expect(balanceDue(doc, ledger)).toBe('25.00')
    expect([doc.state, doc.status]).toEqual(['paid', 'partial'])
  })

  test('never above what was paid and not yet refunded; voided payments do not count', () => {
    const { refusal } = run(invoiceOf100(), [
      pay('P1', '30'),
      pay('P2', '20'),
      voidOf('V1', 'P2'),
      refund('R1', '20'),
      refund('R2', '10.01'),
    ])
    expect(refusal).toEqual({
      code: 'overRefund',
      reason: 'Refund of 10.01 is more than the 10.00 paid and not yet refunded.',
    })
    expect(run(invoiceOf100(), [refund('R1', '1')]).refusal?.code).toBe('overRefund')
  })

  test('a fully refunded invoice may be canceled; one with money kept may not', () => {
    const kept = run(invoiceOf100(), [pay('P1', '30'), { type: 'cancelInvoice' }])
    expect(kept.refusal?.code).toBe('hasPayments')
    const back = run(invoiceOf100(), [
      pay('P1', '30'),
      refund('R1', '30'),
      { type: 'cancelInvoice' },
    ])
    expect(back.refusal).toBeUndefined()
    expect(back.doc.state).toBe('canceled')
  })
})

describe('deleting an invoice', () => {
  const facts = { hasLedgerEntries: false, synced: false }
  test('only a draft that never left the device may be deleted', () => {
    const invoice = invoiceOf100()
    expect(deletionRefusal(invoice, facts)).toBeUndefined()
    expect(deletionRefusal(invoice, { ...facts, synced: true })).toEqual({
      ok: false,
      refusal: {
        code: 'readOnly',
        reason:
          'Invoice INV-00001-ABCDEF cannot be deleted because the company server has it. Cancel it instead.',
      },
    })
    expect(deletionRefusal(invoice, { ...facts, hasLedgerEntries: true })).toBeDefined()
    expect(deletionRefusal(invoice, { ...facts, printed: true })).toBeDefined()
    const emailed: Invoice = {
      ...invoice,
      email: { state: 'sent', to: 'a@b.c', at: '2025-03-01T09:00:00.000Z', messageId: 'm' },
    }
    expect(deletionRefusal(emailed, facts)?.refusal.reason).toMatch(/it was emailed/)
  })
})

/** A random command on the ledger: pay, void some earlier payment, or refund. */
const ledgerStep = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), cents: fc.integer({ min: -500, max: 12_000 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('refund' as const),
    cents: fc.integer({ min: -100, max: 12_000 }),
  }),
)

const money = (cents: number): string => (cents / 100).toFixed(2)
const sum = (entries: ReadonlyArray<{ amount: string }>): Decimal =>
  entries.reduce((acc, e) => add(acc, parseDecimal(e.amount)), parseDecimal('0'))

describe('ledger properties', () => {
  test('balance = total − payments not voided + refunds; paid never negative, never above total', () => {
    fc.assert(
      fc.property(fc.array(ledgerStep, { maxLength: 25 }), (steps) => {
        let doc = invoiceOf100()
        const ledger: LedgerEntry[] = []
        const voided = new Set<string>()
        steps.forEach((step, i) => {
          const payments = ledger.filter((e) => e.kind === 'payment')
          const cmd =
            step.kind === 'pay'
              ? pay(`P${i}`, money(step.cents))
              : step.kind === 'refund'
                ? refund(`R${i}`, money(step.cents))
                : voidOf(`V${i}`, payments[step.pick % Math.max(payments.length, 1)]?.id ?? 'x')
          // Reactivate a paid invoice now and then, so payments keep coming.
          if (doc.state === 'paid' && step.kind === 'pay')
            doc = unwrap(applyInvoiceCommand(doc, { type: 'reactivate' }, context()))
          const result = applyInvoiceCommand(doc, cmd, context('rep', { payments: ledger }))
          if (cmd.type === 'voidPayment' && voided.has(cmd.void.paymentId))
            expect(result.ok).toBe(false)
          if (!result.ok) return
          doc = result.document
          if (result.payment) ledger.push(result.payment)
          if (cmd.type === 'voidPayment') voided.add(cmd.void.paymentId)
          const mine = paymentsOf(doc, ledger)
          const counted = countedPayments(mine)
          const expected = add(
            sub(parseDecimal(doc.totals.totalAmount), sum(counted)),
            sum(refundsOf(mine)),
          )
          expect(compare(parseDecimal(balanceDue(doc, ledger)), expected)).toBe(0)
          const paid = parseDecimal(amountPaid(doc, ledger))
          expect(paid.units >= 0n).toBe(true)
          expect(compare(paid, parseDecimal(doc.totals.totalAmount)) <= 0).toBe(true)
          expect(counted.every((p) => parseDecimal(p.amount).units > 0n)).toBe(true)
          // Paid, Complete only when nothing is due.
          if (doc.state === 'paid' && doc.status === 'complete')
            expect(parseDecimal(balanceDue(doc, ledger)).units).toBe(0n)
        })
      }),
      { numRuns: 300 },
    )
  })

  test('payments alone never take the balance below zero', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 15_000 }), { maxLength: 20 }), (cents) => {
        const { doc, ledger } = run(
          invoiceOf100(),
          cents.map((c, i) => pay(`P${i}`, money(c))).filter((_, i) => cents[i]! > 0),
        )
        expect(parseDecimal(balanceDue(doc, ledger)).units >= 0n).toBe(true)
      }),
    )
  })
})
