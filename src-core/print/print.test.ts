import { describe, expect, it } from 'vitest'
import { formatDate, formatMoney, formatQuantity } from './format'
import { invoiceMailText, invoicePdfFileName } from './mail-template'
import { chromiumPdfOptions, electronPdfOptions, isPaperSize, printRoute } from './pdf-options'

describe('formatting at the edge', () => {
  it('formats decimal strings exactly, past the 15 digits of a float', () => {
    expect(formatMoney('12345678901234567.89', 'USD')).toBe('$12,345,678,901,234,567.89')
    expect(formatMoney('1090.00', 'EUR', 'de-DE')).toBe('1.090,00\u00a0€')
    expect(formatQuantity('2.5')).toBe('2.5')
    expect(formatQuantity('12.000')).toBe('12')
  })

  it('keeps a calendar date on its day in every timezone, and passes through what it cannot read', () => {
    expect(formatDate('2025-03-01')).toBe('Mar 1, 2025')
    expect(formatDate('2025-03-01T12:00:00.000Z')).toMatch(/2025/)
    expect(formatDate('not a date')).toBe('not a date')
  })
})

describe('invoice mail', () => {
  const fields = {
    invoiceNumber: 'INV-01001-X7K2Q9',
    customerName: 'Contoso',
    companyName: 'Fabrikam',
    totalAmount: '1090.00',
    currencyCode: 'USD',
  }

  it('names the invoice number and total in subject and body', () => {
    const mail = invoiceMailText({ ...fields, contactName: 'Ana', dueDate: '2025-04-01' })
    expect(mail.subject).toBe('Invoice INV-01001-X7K2Q9 from Fabrikam ($1,090.00)')
    expect(mail.text).toContain('Dear Ana,')
    expect(mail.text).toContain('invoice INV-01001-X7K2Q9 for $1,090.00')
    expect(mail.text).toContain('Payment is due on Apr 1, 2025.')
  })

  it('greets the customer when no contact is known, and says due on receipt without a due date', () => {
    const mail = invoiceMailText({ ...fields, contactName: '  ' })
    expect(mail.text).toContain('Dear Contoso,')
    expect(mail.text).toContain('due on receipt')
  })

  it('makes a safe attachment name', () => {
    expect(invoicePdfFileName('INV-01001-X7K2Q9')).toBe('Invoice INV-01001-X7K2Q9.pdf')
    expect(invoicePdfFileName('../../etc/passwd')).toBe('Invoice .._.._etc_passwd.pdf')
    expect(invoicePdfFileName('///')).toBe('Invoice _.pdf')
  })
})

describe('PDF options', () => {
  it('give Electron and Chromium the same page, margins and footer', () => {
    const electron = electronPdfOptions('letter')
    const chromium = chromiumPdfOptions('letter')
    expect(electron.pageSize).toBe('Letter')
    expect(chromium.format).toBe('Letter')
    expect(electronPdfOptions('a4').pageSize).toBe('A4')
    expect(chromiumPdfOptions('a4').format).toBe('A4')
    expect(chromium.footerTemplate).toBe(electron.footerTemplate)
    expect(electron.footerTemplate).toContain('class="pageNumber"')
    expect(electron.footerTemplate).toContain('class="totalPages"')
    expect(chromium.margin.bottom).toBe(`${electron.margins.bottom}in`)
  })

  it('route to the print view and know the paper sizes', () => {
    expect(printRoute('inv 1/2', 'a4')).toBe('#/invoices/inv%201%2F2/print?paper=a4')
    expect(isPaperSize('letter')).toBe(true)
    expect(isPaperSize('legal')).toBe(false)
  })
})
