import { describe, expect, it } from 'vitest'
import { customer, products } from '@core/documents/test-support/fixtures'
import { toCustomerDoc, toInvoiceDoc, toProductDoc } from '@renderer/data/stored'
import { DERIVED_FIELDS, fromWire, toWire } from './derived'
import { customerOf, newInvoice } from './test-support/documents'

describe('derived fields on the wire', () => {
  it('strips derived fields and RxDB bookkeeping but keeps _deleted', () => {
    const stored = { ...toCustomerDoc(customer), _rev: '1-a', _meta: { lwt: 1 }, _deleted: false }
    expect(toWire('customers', stored)).toEqual({ ...customer, _deleted: false })
  })

  it('restores exactly what the data layer derives', () => {
    const product = products[0]!
    expect(fromWire('products', { ...product, _deleted: false })).toEqual({
      ...toProductDoc(product),
      _deleted: false,
    })
    const invoice = newInvoice('I-9', 'INV-00009-AAAAAA', customerOf('C9', 'rep1'))
    const payment = {
      id: 'P1',
      kind: 'payment' as const,
      updatedAt: invoice.updatedAt,
      invoiceId: 'I-9',
      customerId: 'C9',
      date: '2025-03-02',
      amount: '10.00',
      currencyCode: 'USD',
      method: 'cash' as const,
      recordedAt: invoice.updatedAt,
      recordedBy: 'rep1',
    }
    const restored = fromWire('invoices', { ...invoice, _deleted: false }, [payment])
    expect(restored).toEqual({ ...toInvoiceDoc(invoice, [payment]), _deleted: false })
    expect(toWire('invoices', restored)).toEqual({ ...invoice, _deleted: false })
  })

  it('stores a malformed tombstone as it came, but refuses a malformed live record', () => {
    expect(fromWire('orders', { id: 'O1', _deleted: true })).toEqual({ id: 'O1', _deleted: true })
    expect(() => fromWire('orders', { id: 'O1', _deleted: false })).toThrow()
  })

  it('lists a derived field for every derived index of the stored types', () => {
    const invoice = newInvoice('I-8', 'INV-00008-AAAAAA', customerOf('C8', 'rep1'))
    const stored = toInvoiceDoc(invoice, [])
    const derivedKeys = Object.keys(stored).filter((k) => !(k in invoice))
    expect([...DERIVED_FIELDS.invoices].sort()).toEqual(derivedKeys.sort())
    expect(DERIVED_FIELDS.catalogrefs).toEqual(['nameKey'])
  })
})
