import { describe, expect, test } from 'vitest'
import { DUPLICATED_FROM_FIELD, duplicateInvoice } from './duplicate-invoice'
import { applyInvoiceCommand } from './invoice-commands'
import { blankInvoice, context, payment, unwrap } from './test-support/fixtures'

const ctx = context()

function paidInvoiceWithLines() {
  let invoice = blankInvoice()
  for (const cmd of [
    { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '12' },
    { type: 'editHeader', changes: { freightAmount: '7.50', dueDate: '2025-03-31' } },
  ] as const)
    invoice = unwrap(applyInvoiceCommand(invoice, cmd, ctx))
  const paidCtx = context('rep', { payments: [payment(invoice, 'P1', invoice.totals.totalAmount)] })
  return unwrap(applyInvoiceCommand(invoice, { type: 'invoicePaid' }, paidCtx))
}

describe('duplicateInvoice', () => {
  test('a paid invoice becomes a new Active one with the same lines, prices and totals, dated today', () => {
    const source = paidInvoiceWithLines()
    expect(source.state).toBe('paid')
    const copy = unwrap(
      duplicateInvoice(
        source,
        { id: 'I2', number: 'INV-00002-QWERTY', invoiceDate: '2025-03-02' },
        ctx,
      ),
    )
    expect(copy).toMatchObject({
      id: 'I2',
      number: 'INV-00002-QWERTY',
      state: 'active',
      status: 'new',
      invoiceDate: '2025-03-02',
      customerId: source.customerId,
      freightAmount: '7.50',
      totals: source.totals,
    })
    expect(copy.dueDate).toBeUndefined()
    expect(
      copy.lines.map((l) => [l.productName, l.quantity, l.pricePerUnit, l.extendedAmount]),
    ).toEqual(
      source.lines.map((l) => [l.productName, l.quantity, l.pricePerUnit, l.extendedAmount]),
    )
    expect(copy.lines.map((l) => l.id)).not.toEqual(source.lines.map((l) => l.id))
    expect(copy.history).toHaveLength(1)
    expect(copy.history[0]?.changes).toContainEqual({
      field: DUPLICATED_FROM_FIELD,
      from: null,
      to: source.number,
    })
  })
})
