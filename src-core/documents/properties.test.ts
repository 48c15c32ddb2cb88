import fc from 'fast-check'
import { expect, test } from 'vitest'
import { compare, parseDecimal, sub } from '@core/money'
import type { InvoiceCommand, OrderCommand } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import { applyOrderCommand } from './order-commands'
import { amountPaid, balanceDue } from './payments'
import { invoiceSchema, orderSchema } from './schemas'
import { blankInvoice, blankOrder, context, newCatalog } from './test-support/fixtures'
import { priceLines } from './totals'
import type { LedgerEntry } from './types'

const lineId = fc.constantFrom('L1', 'L2', 'L3')
const qty = fc.constantFrom('0', '1', '2.5', '10', '12', '100', 'x')
const money = fc.constantFrom('0', '1', '9.99', '15.555', '40', '250', '-3')

const contentCommand: fc.Arbitrary<InvoiceCommand & OrderCommand> = fc.oneof(
  fc.record({
    type: fc.constant('addLine' as const),
    lineId,
    productId: fc.constantFrom('widget', 'gadget', 'old'),
    unitId: fc.constantFrom('each', 'box'),
    quantity: qty,
  }),
  fc.record({
    type: fc.constant('addWriteIn' as const),
    lineId,
    productName: fc.constantFrom('Labour', ''),
    pricePerUnit: money,
    quantity: qty,
  }),
  fc.record({
    type: fc.constant('editLine' as const),
    lineId,
    changes: fc.record({ quantity: qty, manualDiscount: money, tax: money }, { requiredKeys: [] }),
  }),
  fc.record({
    type: fc.constant('changePrice' as const),
    lineId,
    pricePerUnit: fc.option(money, { nil: null }),
  }),
  fc.record({ type: fc.constant('removeLine' as const), lineId }),
  fc.record({
    type: fc.constant('editHeader' as const),
    changes: fc.record(
      { discountPercent: fc.constantFrom('0', '5', '150'), freightAmount: money },
      { requiredKeys: [] },
    ),
  }),
  fc.constant({ type: 'lockPricing' as const }),
  fc.constant({ type: 'useCurrentPricing' as const }),
)

let paymentNo = 0
const invoiceCommand: fc.Arbitrary<InvoiceCommand> = fc.oneof(
  contentCommand,
  money.map((amount): InvoiceCommand => ({
    type: 'recordPayment',
    payment: { id: `P${++paymentNo}`, date: '2025-03-03', amount, method: 'card' },
  })),
  fc.constantFrom<InvoiceCommand>(
    { type: 'invoicePaid' },
    { type: 'cancelInvoice' },
    { type: 'reactivate' },
    { type: 'setStatusReason', status: 'billed' },
  ),
)

const catalogs = fc.constantFrom(context().catalog, newCatalog)

test('random invoice command sequences keep every invariant', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(invoiceCommand, catalogs), { maxLength: 30 }), (steps) => {
      let invoice = blankInvoice()
      const payments: LedgerEntry[] = []
      for (const [cmd, catalog] of steps) {
        const ctx = context('rep', { payments, catalog })
        const result = applyInvoiceCommand(invoice, cmd, ctx)
        // A paid or canceled invoice changes only by Reactivate.
        if (invoice.state !== 'active' && cmd.type !== 'reactivate') expect(result.ok).toBe(false)
        if (!result.ok) {
          expect(result.refusal.reason).toMatch(/\.$/)
          continue
        }
        expect(result.document.history).toHaveLength(invoice.history.length + 1)
        invoice = result.document
        if (result.payment) payments.push(result.payment)
        // The stored document is valid and its totals are what priceDocument says for its stored prices.
        expect(invoiceSchema.safeParse(JSON.parse(JSON.stringify(invoice)))).toMatchObject({
          ok: true,
        })
        const repriced = priceLines(invoice, 'keep', ctx.catalog)
        expect(repriced.ok && repriced.document.totals).toEqual(invoice.totals)
        // Balance = total − payments, and never below zero through payments.
        const balance = parseDecimal(balanceDue(invoice, payments))
        const total = parseDecimal(invoice.totals.totalAmount)
        expect(compare(balance, sub(total, parseDecimal(amountPaid(invoice, payments))))).toBe(0)
        if (payments.length > 0) expect(balance.units >= 0n).toBe(true)
        if (invoice.status === 'complete' && payments.length > 0) expect(balance.units).toBe(0n)
      }
    }),
    { numRuns: 300 },
  )
})

test('random order command sequences, by reps and the back office, keep orders valid', () => {
  const orderCommand: fc.Arbitrary<OrderCommand> = fc.oneof(
    contentCommand,
    fc.constantFrom<OrderCommand>(
      { type: 'submitOrder' },
      { type: 'fulfillOrder' },
      { type: 'fulfillOrder', partial: true },
      { type: 'cancelOrder' },
      { type: 'markInvoiced' },
      { type: 'setStatusReason', status: 'pending' },
    ),
  )
  const role = fc.constantFrom('rep' as const, 'integration' as const)
  fc.assert(
    fc.property(fc.array(fc.tuple(orderCommand, role), { maxLength: 30 }), (steps) => {
      let order = blankOrder()
      for (const [cmd, who] of steps) {
        const result = applyOrderCommand(order, cmd, context(who))
        if (order.state === 'submitted' && who === 'rep') expect(result.ok).toBe(false)
        if (['canceled', 'invoiced'].includes(order.state)) expect(result.ok).toBe(false)
        if (!result.ok) continue
        order = result.document
        expect(orderSchema.safeParse(order)).toMatchObject({ ok: true })
      }
    }),
    { numRuns: 300 },
  )
})
