/**
 * A VAT-mode invoice for tests: two VAT groups and an exempt line, a header discount and freight, priced by the
 * document rules so every computed field (the breakdown included) is what the server recomputes.
 */
import { EMPTY_CATALOG } from '../catalog'
import { applyInvoiceCommand } from '../invoice-commands'
import { priceLines } from '../totals'
import type { Invoice, VatRate } from '../types'
import { blankInvoice, context, unwrap } from './fixtures'

const RATES: VatRate[] = [
  { category: 'S', rate: '19' },
  { category: 'S', rate: '7' },
  { category: 'E', rate: '0' },
]

export function vatInvoice(): Invoice {
  const ctx = context()
  let invoice = blankInvoice(ctx)
  for (const [i, quantity] of ['12', '2.5', '1'].entries()) {
    invoice = unwrap(
      applyInvoiceCommand(
        invoice,
        {
          type: 'addLine',
          lineId: `L${i + 1}`,
          productId: i === 1 ? 'gadget' : 'widget',
          unitId: 'each',
          quantity,
        },
        ctx,
      ),
    )
  }
  invoice = unwrap(
    applyInvoiceCommand(
      invoice,
      { type: 'editHeader', changes: { discountPercent: '5', freightAmount: '9.99' } },
      ctx,
    ),
  )
  const vat: Invoice = {
    ...invoice,
    taxMode: 'vat',
    freightVat: { category: 'S', rate: '19' },
    lines: invoice.lines.map((line, i) => ({ ...line, tax: '0', vat: RATES[i] ?? RATES[0]! })),
  }
  const priced = priceLines(vat, 'keep', EMPTY_CATALOG)
  if (!priced.ok) throw new Error(priced.refusal.reason)
  return priced.document
}
