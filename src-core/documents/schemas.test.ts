import { describe, expect, test } from 'vitest'
import { EMPTY_CATALOG } from './catalog'
import { diffDocuments } from './history'
import { applyInvoiceCommand } from './invoice-commands'
import { invoiceSchema, lineSchema, opportunitySchema, orderSchema, paymentSchema } from './schemas'
import {
  blankInvoice,
  blankOrder,
  context,
  opportunity,
  payment,
  unwrap,
} from './test-support/fixtures'

const withLines = () =>
  unwrap(
    applyInvoiceCommand(
      blankInvoice(),
      { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '12' },
      context(),
    ),
  )

describe('document schemas', () => {
  test('documents the rules produce pass their schema after a JSON round trip', () => {
    const invoice = withLines()
    expect(invoiceSchema.parse(JSON.parse(JSON.stringify(invoice)))).toEqual(invoice)
    expect(orderSchema.parse(blankOrder())).toEqual(blankOrder())
    expect(opportunitySchema.parse(opportunity(invoice.lines)).lines).toHaveLength(1)
    expect(paymentSchema.parse(payment(invoice, 'P', '1.00'))).toMatchObject({ amount: '1.00' })
  })

  test.each([
    [{ state: 'paid' }, 'status does not belong to the state'],
    [
      { totals: { ...withLines().totals, totalAmount: 108 } },
      'totals.totalAmount: expected a string',
    ],
    [
      { totals: { ...withLines().totals, totalAmount: '1e3' } },
      'totals.totalAmount: expected a decimal number',
    ],
    [{ lines: [withLines().lines[0], withLines().lines[0]] }, 'line ids must be unique'],
    [{ extra: 1 }, 'extra: is not an allowed field'],
    [{ updatedAt: 'yesterday' }, 'updatedAt: expected an ISO date and time'],
  ])('refuses an invoice with %o', (change, error) => {
    const result = invoiceSchema.safeParse({ ...withLines(), ...change })
    expect(result.ok ? '' : result.error).toContain(error)
  })

  test('a line is a catalog product with a unit, or a write-in with its own price', () => {
    const line = withLines().lines[0]
    expect(lineSchema.safeParse({ ...line, unitId: undefined }).ok).toBe(false)
    expect(lineSchema.safeParse({ ...line, isWriteIn: true }).ok).toBe(false)
    expect(orderSchema.safeParse({ ...blankOrder(), status: 'complete' }).ok).toBe(false)
  })
})

describe('history diff', () => {
  test('names nested fields by path and other arrays as JSON', () => {
    expect(diffDocuments({ a: { b: 1 }, tags: ['x'] }, { a: { b: 2 }, tags: ['y'] })).toEqual([
      { field: 'a.b', from: 1, to: 2 },
      { field: 'tags', from: '["x"]', to: '["y"]' },
    ])
    expect(EMPTY_CATALOG.find('a', 'b', 'c')).toBeUndefined()
  })
})
