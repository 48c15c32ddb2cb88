import { describe, expect, it } from 'vitest'
import type { Invoice, LedgerEntry } from '@core/documents/types'
import { customerStatement } from './statement'

const invoice = (id: string, date: string, total: string, extra: Partial<Invoice> = {}) =>
  ({
    id,
    number: `INV-${id}`,
    invoiceDate: date,
    createdAt: `${date}T10:00:00.000Z`,
    currencyCode: 'USD',
    state: 'active',
    totals: { totalAmount: total },
    ...extra,
  }) as Invoice

const base = {
  customerId: 'C1',
  recordedAt: '2025-01-01T00:00:00Z',
  recordedBy: 'rep1',
  updatedAt: '',
}
const pay = (id: string, invoiceId: string, date: string, amount: string): LedgerEntry => ({
  ...base,
  id,
  invoiceId,
  date,
  kind: 'payment',
  amount,
  currencyCode: 'USD',
  method: 'check',
})

describe('customerStatement', () => {
  const invoices = [
    invoice('1', '2025-02-10', '100.10'),
    invoice('2', '2025-03-05', '250.00'),
    invoice('3', '2025-03-20', '40.00', { state: 'canceled' }),
    invoice('4', '2025-03-25', '0.30'),
    invoice('5', '2025-03-26', '75.00', { currencyCode: 'EUR' }),
    invoice('6', '2025-04-02', '999.00'),
  ]
  const ledger: LedgerEntry[] = [
    pay('P1', '1', '2025-02-20', '50.05'),
    pay('P2', '2', '2025-03-05', '250.00'),
    pay('P3', '1', '2025-03-10', '20.00'),
    {
      ...base,
      id: 'V1',
      invoiceId: '1',
      date: '2025-03-11',
      kind: 'void',
      voidsPaymentId: 'P3',
      reason: 'typo',
    },
    {
      ...base,
      id: 'R1',
      invoiceId: '2',
      date: '2025-03-28',
      kind: 'refund',
      amount: '0.10',
      currencyCode: 'USD',
      method: 'check',
    },
  ]

  it('opens with what was owed, lists the period in date order and closes exactly', () => {
    const s = customerStatement(invoices, ledger, {
      currencyCode: 'USD',
      from: '2025-03-01',
      to: '2025-03-31',
      places: 2,
    })
    expect(s.openingBalance).toBe('50.05')
    expect(s.lines.map((l) => [l.date, l.kind, l.number, l.amount, l.balance])).toEqual([
      ['2025-03-05', 'invoice', 'INV-2', '250.00', '300.05'],
      ['2025-03-05', 'payment', 'INV-2', '-250.00', '50.05'],
      ['2025-03-25', 'invoice', 'INV-4', '0.30', '50.35'],
      ['2025-03-28', 'refund', 'INV-2', '0.10', '50.45'],
    ])
    expect(s.invoiced).toBe('250.40')
    expect(s.paid).toBe('250.00')
    expect(s.closingBalance).toBe('50.45')
  })

  it('has an opening balance equal to the closing balance of the period before', () => {
    const period = { currencyCode: 'USD', places: 2 }
    const feb = customerStatement(invoices, ledger, {
      ...period,
      from: '2025-02-01',
      to: '2025-02-28',
    })
    const mar = customerStatement(invoices, ledger, {
      ...period,
      from: '2025-03-01',
      to: '2025-03-31',
    })
    expect(feb.closingBalance).toBe(mar.openingBalance)
    expect(
      customerStatement([], [], { ...period, from: '2025-03-01', to: '2025-03-31' }),
    ).toMatchObject({
      openingBalance: '0.00',
      closingBalance: '0.00',
      lines: [],
    })
  })
})
