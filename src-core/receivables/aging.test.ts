import { describe, expect, it } from 'vitest'
import { agingBucket, daysOverdue, receivablesTally, type OpenInvoice } from './aging'

const invoice = (
  n: number,
  balanceDue: string,
  dueDate?: string,
  currencyCode = 'USD',
): OpenInvoice => ({
  id: `I${n}`,
  number: `INV-${n}`,
  customerId: 'C1',
  currencyCode,
  balanceDue,
  ...(dueDate ? { dueDate } : {}),
})

describe('aging buckets', () => {
  it('counts whole days past the due date, none before it or without one', () => {
    expect(daysOverdue('2025-03-01', '2025-03-31')).toBe(30)
    expect(daysOverdue('2025-03-31', '2025-03-31')).toBe(0)
    expect(daysOverdue('2025-04-30', '2025-03-31')).toBe(0)
    expect(daysOverdue(undefined, '2025-03-31')).toBe(0)
    // Across a daylight-saving change the count stays whole.
    expect(daysOverdue('2025-03-01', '2025-04-01')).toBe(31)
  })

  it('puts the edges of each bucket where an aging report does', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ])
  })
})

describe('receivablesTally', () => {
  it('sums exactly per currency, splits overdue by age and keeps the largest overdue first', () => {
    const tally = receivablesTally('2025-06-30', 2)
    for (const i of [
      invoice(1, '0.10', '2025-07-15'),
      invoice(2, '0.20', '2025-06-20'),
      invoice(3, '100.05', '2025-05-01'),
      invoice(4, '999999999999.99', '2025-01-01'),
      invoice(5, '0.00', '2025-01-01'),
      invoice(6, '-5.00', '2025-01-01'),
      invoice(7, '50.00', undefined, 'EUR'),
      invoice(8, '70.00', '2025-06-29', 'EUR'),
    ])
      tally.add(i)
    const { currencies, largestOverdue } = tally.result()
    expect(currencies.map((c) => c.currencyCode)).toEqual(['EUR', 'USD'])
    const usd = currencies[1]
    expect(usd).toEqual({
      currencyCode: 'USD',
      outstanding: '1000000000100.34',
      overdue: '1000000000100.24',
      buckets: {
        current: '0.10',
        '1-30': '0.20',
        '31-60': '100.05',
        '61-90': '0.00',
        '90+': '999999999999.99',
      },
      invoiceCount: 4,
      overdueCount: 3,
    })
    expect(currencies[0]).toMatchObject({
      outstanding: '120.00',
      overdue: '70.00',
      overdueCount: 1,
    })
    expect(largestOverdue.map((i) => [i.number, i.daysOverdue])).toEqual([
      ['INV-4', 180],
      ['INV-3', 60],
    ])
  })

  it('answers nothing on an empty store', () => {
    expect(receivablesTally('2025-06-30').result()).toEqual({ currencies: [], largestOverdue: [] })
  })
})
