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
import { vatInvoice } from './test-support/vat-invoice'

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

describe('document schemas in VAT mode', () => {
  test('a VAT-mode invoice (tax mode, line VAT, freight VAT, breakdown) survives a JSON round trip', () => {
    const invoice = vatInvoice()
    expect(invoice.taxMode).toBe('vat')
    expect(invoiceSchema.parse(JSON.parse(JSON.stringify(invoice)))).toEqual(invoice)
    const order = { ...blankOrder(), taxMode: 'vat' as const, freightVat: invoice.freightVat }
    expect(orderSchema.parse(order)).toEqual(order)
  })

  test('a typed document stays valid without any VAT field', () => {
    const invoice = withLines()
    expect(invoice.taxMode).toBeUndefined()
    expect(invoiceSchema.parse({ ...invoice, taxMode: 'typed' }).taxMode).toBe('typed')
  })

  test('refuses an unknown tax mode, category or malformed rate, naming the field', () => {
    const invoice = vatInvoice()
    expect(invoiceSchema.safeParse({ ...invoice, taxMode: 'gst' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('taxMode') as string,
    })
    const lines = invoice.lines.map((l) => ({ ...l, vat: { category: 'X', rate: '0' } }))
    expect(invoiceSchema.safeParse({ ...invoice, lines })).toMatchObject({
      ok: false,
      error: expect.stringContaining('vat.category') as string,
    })
    const freightVat = { category: 'S', rate: '19%' }
    expect(invoiceSchema.safeParse({ ...invoice, freightVat })).toMatchObject({
      ok: false,
      error: expect.stringContaining('freightVat.rate') as string,
    })
    const vatBreakdown = [{ category: 'S', rate: '19.00', taxableAmount: '1.00' }]
    expect(invoiceSchema.safeParse({ ...invoice, vatBreakdown })).toMatchObject({
      ok: false,
      error: expect.stringContaining('vatBreakdown') as string,
    })
  })
})
