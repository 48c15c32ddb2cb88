import { describe, expect, test } from 'vitest'
import type { InvoiceCommand } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import { blankInvoice, context, newCatalog, unwrap } from './test-support/fixtures'
import type { Invoice } from './types'

const ctx = context()

function apply(invoice: Invoice, ...cmds: InvoiceCommand[]): Invoice {
  return cmds.reduce((doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)), invoice)
}

const add = (lineId: string, quantity: string): InvoiceCommand => ({
  type: 'addLine',
  lineId,
  productId: 'widget',
  unitId: 'each',
  quantity,
})

describe('restoreLine (Undo of Remove)', () => {
  test('brings a line back at its place, exactly, with its locked price after the catalog changed', () => {
    const locked = apply(blankInvoice(), add('L1', '1'), add('L2', '3'), { type: 'lockPricing' })
    const removed = apply(locked, { type: 'removeLine', lineId: 'L1' })
    const line = locked.lines[0]
    if (!line) throw new Error('no line')
    const later = { ...ctx, catalog: newCatalog }
    const back = unwrap(
      applyInvoiceCommand(removed, { type: 'restoreLine', line, index: 0 }, later),
    )
    expect(back.lines).toEqual(locked.lines)
    expect(back.totals).toEqual(locked.totals)
    expect(back.history.map((h) => h.command).slice(-2)).toEqual(['removeLine', 'restoreLine'])
  })

  test('refuses a line that is still there, an incomplete one, and a read-only invoice', () => {
    const invoice = apply(blankInvoice(), add('L1', '1'))
    const line = invoice.lines[0]
    if (!line) throw new Error('no line')
    const twice = applyInvoiceCommand(invoice, { type: 'restoreLine', line, index: 0 }, ctx)
    expect(twice.ok).toBe(false)
    const removed = apply(invoice, { type: 'removeLine', lineId: 'L1' })
    const broken = { ...line, amount: 'lots' }
    const bad = applyInvoiceCommand(removed, { type: 'restoreLine', line: broken, index: 0 }, ctx)
    expect(bad.ok).toBe(false)
    const canceled = apply(removed, { type: 'cancelInvoice' })
    const closed = applyInvoiceCommand(canceled, { type: 'restoreLine', line, index: 0 }, ctx)
    expect(closed.ok).toBe(false)
  })
})
