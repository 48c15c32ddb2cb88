import { describe, expect, it } from 'vitest'
import { blankInvoice, payment } from '@core/documents/test-support/fixtures'
import { parseCsv } from './csv'
import { csvWriter, invoiceColumns, paymentColumns } from './export-csv'

function table(text: string) {
  const parsed = parseCsv(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.rows.map((r) => r.cells)
}

describe('invoice and payment export', () => {
  const invoice = {
    ...blankInvoice(),
    name: '=HYPERLINK("http://x")',
    invoiceDate: '2025-03-02',
    dueDate: '2025-04-01',
    dateDelivered: '2025-03-04',
    paymentTerms: 'net30' as const,
    totals: { ...blankInvoice().totals, totalAmount: '-12.50', totalTax: '1090.00' },
  }

  it('writes a BOM header and one row per invoice, numbers plain and formula text neutralised', () => {
    const writer = csvWriter(invoiceColumns({ customerName: () => 'Contoso, Ltd' }))
    const text = writer.header() + writer.rows([invoice]) + writer.rows([])
    expect(text.startsWith('\uFEFFnumber,name,customerId,customerName,state,status,')).toBe(true)
    const [header, row] = table(text)
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1]
    expect(cell('name')).toBe(`'=HYPERLINK("http://x")`)
    expect(cell('customerName')).toBe('Contoso, Ltd')
    expect(cell('status')).toBe('New')
    expect(cell('invoiceDate')).toBe('2025-03-02')
    expect(cell('dueDate')).toBe('2025-04-01')
    expect(cell('dateDelivered')).toBe('2025-03-04')
    expect(cell('paymentTerms')).toBe('Net 30')
    expect(cell('totalAmount')).toBe('-12.50')
    expect(cell('totalTax')).toBe('1090.00')
    expect(cell('lineCount')).toBe('0')
    expect(cell('number')).toBe(invoice.number)
  })

  it('writes payments with the invoice number, and empty cells for unknown names', () => {
    const writer = csvWriter(paymentColumns({ invoiceNumber: () => 'INV-1' }), ';')
    const text = writer.header() + writer.rows([payment(invoice, 'PAY-1', '-5.25')])
    const [header, row] = table(text)
    expect(header?.slice(0, 5)).toEqual([
      'date',
      'invoiceNumber',
      'customerId',
      'customerName',
      'amount',
    ])
    expect(row?.slice(0, 5)).toEqual([row?.[0], 'INV-1', invoice.customerId, '', '-5.25'])
    expect(row?.[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('refuses a number column that yields a float spelling: a bug, not data', () => {
    const writer = csvWriter([{ header: 'x', type: 'number', value: () => '1e3' }])
    expect(() => writer.rows([{}])).toThrow('x: "1e3" is not a decimal number')
  })
})
