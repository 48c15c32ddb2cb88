import { describe, expect, test } from 'vitest'
import {
  applyInvoiceCommand,
  type Invoice,
  type InvoiceCommand,
  type LedgerEntry,
} from '@core/documents'
import { blankInvoice, context, unwrap } from '@core/documents/test-support/fixtures'
import { historyWords, type HistoryNames } from './history-words'

const ctx = context()
const apply = (invoice: Invoice, ...cmds: InvoiceCommand[]) =>
  cmds.reduce((doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)), invoice)

const names: HistoryNames = {
  customer: (id) => (id === 'C1' ? 'Alder Hardware' : undefined),
  priceList: () => 'Retail (USD)',
  unit: () => 'Each',
  payment: (id) => ledger.find((e) => e.id === id),
  money: (v) => Number(v).toFixed(2),
  quantity: (v) => v,
  date: (iso) => iso,
}

const ledger: LedgerEntry[] = [
  {
    kind: 'payment',
    id: 'P1',
    invoiceId: 'x',
    customerId: 'C1',
    date: '2025-03-02',
    amount: '5.00',
    currencyCode: 'USD',
    method: 'bankTransfer',
    reference: 'CHK-1001',
    recordedAt: '2025-03-02T10:00:00.000Z',
    recordedBy: 'rep1',
    updatedAt: '2025-03-02T10:00:00.000Z',
  },
  {
    kind: 'void',
    id: 'V1',
    voidsPaymentId: 'P1',
    reason: 'typed twice',
    invoiceId: 'x',
    customerId: 'C1',
    date: '2025-03-03',
    recordedAt: '2025-03-03T10:00:00.000Z',
    recordedBy: 'rep1',
    updatedAt: '2025-03-03T10:00:00.000Z',
  },
  {
    kind: 'refund',
    id: 'R1',
    invoiceId: 'x',
    customerId: 'C1',
    date: '2025-03-04',
    amount: '2.00',
    currencyCode: 'USD',
    method: 'cash',
    recordedAt: '2025-03-04T10:00:00.000Z',
    recordedBy: 'rep1',
    updatedAt: '2025-03-04T10:00:00.000Z',
  },
]

describe('historyWords', () => {
  test('each command reads as one sentence with labelled details, never an id or a path', () => {
    const invoice = apply(
      { ...blankInvoice(), customerId: 'C1' },
      { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '3' },
      { type: 'editLine', lineId: 'L1', changes: { quantity: '5' } },
      { type: 'editHeader', changes: { discountAmount: '2', paymentTerms: 'net30' } },
    )
    const words = historyWords(invoice, names)
    const lines = invoice.history.map((entry, i) => words(entry, i))
    const text = lines.map((l) => [l.text, ...l.details].join(' | '))
    expect(text[0]).toBe('Created the invoice for Alder Hardware')
    expect(text[1]).toMatch(/^Added Widget, 3 × 10\.00 \| Total Amount 0\.00 → 30\.00$/)
    expect(text[2]).toContain('Widget: Quantity 3 → 5')
    expect(text[3]).toContain('Discount 0.00 → 2.00')
    expect(text[3]).toContain('Payment Terms — → Net 30')
    expect(text.join('\n')).not.toMatch(/lines\[|totals\.|customerId|\bL1\b/)

    const removed = apply(invoice, { type: 'removeLine', lineId: 'L1' })
    const last = removed.history.length - 1
    const entry = removed.history[last]
    if (!entry) throw new Error('no entry')
    expect(historyWords(removed, names)(entry, last).text).toBe('Removed Widget')
    // The line is gone and no later entry recorded its price: the sentence names it without guessing amounts.
    const added = removed.history[1]
    if (!added) throw new Error('no entry')
    expect(historyWords(removed, names)(added, 1).text).toBe('Added Widget')
  })

  test('a payment names its amount, method and reference', () => {
    const entry = {
      at: '2025-03-02T10:00:00.000Z',
      by: 'rep1',
      role: 'rep' as const,
      command: 'recordPayment',
      changes: [
        { field: 'payments[P1].amount', from: null, to: '5.00' },
        { field: 'amountPaid', from: '0.00', to: '5.00' },
      ],
    }
    const invoice = { ...blankInvoice(), history: [entry] }
    expect(historyWords(invoice, names)(entry, 0)).toEqual({
      text: 'Payment 5.00 by bank transfer, ref. CHK-1001',
      details: ['Amount Paid 0.00 → 5.00'],
    })
  })

  test('a void names the payment and the reason, a refund its amount and method', () => {
    const entry = (command: string, field: string, to: string) => ({
      at: '2025-03-04T10:00:00.000Z',
      by: 'rep1',
      role: 'rep' as const,
      command,
      changes: [{ field, from: null, to }],
    })
    const voided = entry('voidPayment', 'payments[V1].voided', 'typed twice')
    const refunded = entry('recordRefund', 'payments[R1].amount', '2.00')
    const invoice = { ...blankInvoice(), history: [voided, refunded] }
    const words = historyWords(invoice, names)
    expect(words(voided, 0).text).toBe('Voided the payment of 5.00: typed twice')
    expect(words(refunded, 1).text).toBe('Refund 2.00 by cash')
  })
})
