import { describe, expect, it } from 'vitest'
import { invoiceMailText, invoicePdfFileName, statementPdfFileName } from './mail-template'
import {
  chromiumPdfOptions,
  electronPdfOptions,
  isPaperSize,
  printRoute,
  printTargetRoute,
} from './pdf-options'

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
    expect(statementPdfFileName('Contoso Ltd', '2026-12-31')).toBe(
      'Statement Contoso Ltd 2026-12-31.pdf',
    )
    expect(statementPdfFileName('../A/B: Müller*', '2026-12-31')).toBe(
      'Statement .. A B Müller 2026-12-31.pdf',
    )
    expect(statementPdfFileName('///', '2026-12-31')).toBe('Statement 2026-12-31.pdf')
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
    expect(printTargetRoute({ kind: 'invoice', invoiceId: 'inv-1' }, 'letter')).toBe(
      '#/invoices/inv-1/print?paper=letter',
    )
    expect(
      printTargetRoute(
        { kind: 'statement', customerId: 'c 1', from: '2026-01-01', to: '2026-03-31' },
        'a4',
      ),
    ).toBe('#/customers/c%201/statement?from=2026-01-01&to=2026-03-31')
    expect(isPaperSize('letter')).toBe(true)
    expect(isPaperSize('legal')).toBe(false)
  })
})
