import { describe, expect, it } from 'vitest'
import { createInvoice } from './create-invoice'
import { applyInvoiceCommand } from './invoice-commands'
import { context, customer, settings, unwrap } from './test-support/fixtures'

const vatSettings = { ...settings, taxMode: 'vat' as const }

describe('line and header commands in VAT mode', () => {
  it('a new invoice takes the company’s VAT mode; lines and freight carry their category and rate', () => {
    const ctx = context()
    let invoice = unwrap(
      createInvoice(
        { id: 'I1', number: 'INV-1', name: 'VAT', customer, settings: vatSettings },
        ctx,
      ),
    )
    expect(invoice.taxMode).toBe('vat')
    const run = (cmd: Parameters<typeof applyInvoiceCommand>[1]) =>
      (invoice = unwrap(applyInvoiceCommand(invoice, cmd, ctx)))
    run({
      type: 'addLine',
      lineId: 'L1',
      productId: 'widget',
      unitId: 'each',
      quantity: '2',
      vat: { category: 'S', rate: '19' },
    })
    run({
      type: 'addWriteIn',
      lineId: 'L2',
      productName: 'Manual',
      pricePerUnit: '30.00',
      quantity: '1',
      vat: { category: 'S', rate: '7' },
    })
    run({
      type: 'editHeader',
      changes: { freightAmount: '10.00', freightVat: { category: 'S', rate: '19' } },
    })
    expect(invoice.vatBreakdown).toEqual([
      { category: 'S', rate: '19.00', taxableAmount: '30.00', taxAmount: '5.70' },
      { category: 'S', rate: '7.00', taxableAmount: '30.00', taxAmount: '2.10' },
    ])
    run({ type: 'editLine', lineId: 'L2', changes: { vat: { category: 'E', rate: '0' } } })
    expect(invoice.lines[1]?.vat).toEqual({ category: 'E', rate: '0' })
    expect(invoice.totals.totalTax).toBe('5.70')
    run({ type: 'editHeader', changes: { freightAmount: '0', freightVat: null } })
    expect(invoice.freightVat).toBeUndefined()
  })

  it('refuses a rate that does not fit its category, naming the line', () => {
    const ctx = context()
    const invoice = unwrap(
      createInvoice(
        { id: 'I1', number: 'INV-1', name: 'VAT', customer, settings: vatSettings },
        ctx,
      ),
    )
    const result = applyInvoiceCommand(
      invoice,
      {
        type: 'addLine',
        lineId: 'L1',
        productId: 'widget',
        unitId: 'each',
        quantity: '1',
        vat: { category: 'E', rate: '7' },
      },
      ctx,
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.refusal.reason).toMatch(/rate/i)
  })

  it('a typed company’s invoice stays typed', () => {
    const invoice = unwrap(
      createInvoice({ id: 'I1', number: 'INV-1', name: 'T', customer, settings }, context()),
    )
    expect(invoice.taxMode).toBeUndefined()
  })
})
