import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { blankInvoice, context, unwrap } from '@core/documents/test-support/fixtures'
import type { Invoice } from '@core/documents/types'
import { vatInvoice } from '@core/documents/test-support/vat-invoice'
import { checkTotals } from './validate-document'

function invoiceWithLines(): Invoice {
  const ctx = context()
  let invoice = blankInvoice(ctx)
  invoice = unwrap(
    applyInvoiceCommand(
      invoice,
      { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '12' },
      ctx,
    ),
  )
  invoice = unwrap(
    applyInvoiceCommand(
      invoice,
      { type: 'addLine', lineId: 'L2', productId: 'gadget', unitId: 'each', quantity: '2.5' },
      ctx,
    ),
  )
  return unwrap(
    applyInvoiceCommand(
      invoice,
      { type: 'editHeader', changes: { discountPercent: '5', freightAmount: '9.99' } },
      ctx,
    ),
  )
}

describe('checkTotals', () => {
  test('accepts documents priced by the document rules', () => {
    expect(checkTotals(blankInvoice())).toBeUndefined()
    expect(checkTotals(invoiceWithLines())).toBeUndefined()
  })

  test('refuses a forged header total and names it', () => {
    const invoice = invoiceWithLines()
    const forged = { ...invoice, totals: { ...invoice.totals, totalAmount: '1.00' } }
    expect(checkTotals(forged)).toEqual({
      code: 'forgedTotals',
      reason: expect.stringContaining('totals.totalAmount is 1.00') as string,
    })
  })

  test('refuses forged base totals and forged line amounts', () => {
    const invoice = invoiceWithLines()
    const base = { ...invoice, baseTotals: { ...invoice.baseTotals, totalTax: '5.0000' } }
    expect(checkTotals(base)?.reason).toContain('baseTotals.totalTax')
    const lines = invoice.lines.map((l, i) => (i === 1 ? { ...l, amount: '0.00' } : l))
    expect(checkTotals({ ...invoice, lines })?.reason).toContain('line 2 (Gadget) has amount')
  })

  test('refuses a spelling that differs from the canonical one', () => {
    const invoice = invoiceWithLines()
    const total = invoice.totals.totalAmount
    const respelled = { ...invoice, totals: { ...invoice.totals, totalAmount: `${total}0` } }
    expect(checkTotals(respelled)?.code).toBe('forgedTotals')
  })

  test('refuses a document that cannot be priced', () => {
    const invoice = invoiceWithLines()
    const lines = invoice.lines.map((l) => ({ ...l, quantity: '999999999999999' }))
    expect(checkTotals({ ...invoice, lines, pricesLocked: true })?.code).toBe('forgedTotals')
  })

  test('any change to a money field without repricing is caught', () => {
    const invoice = invoiceWithLines()
    const fields = ['detailAmount', 'totalTax', 'totalAmount', 'freightAmount'] as const
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.integer({ min: 1, max: 10_000 }), (f, cents) => {
        const value = (Number(invoice.totals[f]) * 100 + cents) / 100
        const forged = { ...invoice, totals: { ...invoice.totals, [f]: value.toFixed(2) } }
        expect(checkTotals(forged)?.code).toBe('forgedTotals')
      }),
    )
  })
})

describe('checkTotals in VAT mode', () => {
  test('accepts a VAT-mode invoice priced by the rules, with its breakdown', () => {
    const invoice = vatInvoice()
    expect(invoice.vatBreakdown?.map((g) => `${g.category} ${g.rate}`)).toEqual([
      'E 0.00',
      'S 19.00',
      'S 7.00',
    ])
    expect(checkTotals(invoice)).toBeUndefined()
  })

  test('refuses a forged, missing or stray VAT breakdown, and a typed tax on a VAT line', () => {
    const invoice = vatInvoice()
    const breakdown = invoice.vatBreakdown ?? []
    const forged = breakdown.map((g, i) => (i === 1 ? { ...g, taxAmount: '0.01' } : g))
    expect(checkTotals({ ...invoice, vatBreakdown: forged })?.reason).toContain(
      'vatBreakdown[1].taxAmount is 0.01',
    )
    const { vatBreakdown: _gone, ...missing } = invoice
    expect(checkTotals(missing)?.reason).toContain('VAT breakdown is missing')
    expect(checkTotals({ ...invoice, vatBreakdown: breakdown.slice(1) })?.reason).toContain(
      'has 2 groups but its lines give 3',
    )
    expect(checkTotals({ ...invoiceWithLines(), vatBreakdown: breakdown })?.reason).toContain(
      'typed-tax document carries a VAT breakdown',
    )
    const taxed = invoice.lines.map((l, i) => (i === 0 ? { ...l, tax: '1.00' } : l))
    expect(checkTotals({ ...invoice, lines: taxed })?.reason).toContain('line 1, tax')
    const noVat = invoice.lines.map((l, i) => (i === 2 ? { ...l, vat: undefined } : l))
    expect(checkTotals({ ...invoice, lines: noVat })?.reason).toContain('line 3, vat')
  })

  test('refuses totals typed as if tax were per line', () => {
    const invoice = vatInvoice()
    const totals = { ...invoice.totals, totalTax: '0.00' }
    expect(checkTotals({ ...invoice, totals })?.reason).toContain('totals.totalTax')
  })
})
