import { describe, expect, it } from 'vitest'
import { generateGermanDataset } from '@renderer/data/sample/germany/germany-dataset'
import { eInvoiceForMail, exportEInvoice } from './e-invoice'

describe('eInvoiceForMail', () => {
  const data = generateGermanDataset()
  const invoice = data.invoices[0]!
  const customer = data.customers.find((c) => c.id === invoice.customerId)!

  it('gives a VAT-mode invoice the CII XML of Export e-invoice and the seller’s legal name', () => {
    const made = exportEInvoice(invoice, data.settings, customer)
    expect(made.ok).toBe(true)
    const { facturX, note } = eInvoiceForMail(invoice, data.settings, customer)
    expect(facturX).toEqual({
      xml: made.ok ? made.xml : '',
      sellerName: data.settings.profile.legalName,
    })
    expect(note).toBe('')
  })

  it('gives a typed-tax invoice neither XML nor note', () => {
    const { taxMode: _mode, ...typed } = invoice
    expect(eInvoiceForMail(typed, data.settings, customer)).toEqual({ facturX: null, note: '' })
  })

  it('names what is missing when the invoice cannot be a valid e-invoice', () => {
    // The reverse-charge invoice: its buyer's VAT ID is required.
    const reverse = data.invoices.find((i) => i.id === 'de-inv-3')!
    const buyer = data.customers.find((c) => c.id === reverse.customerId)!
    expect(eInvoiceForMail(reverse, data.settings, buyer).facturX).not.toBeNull()
    const { vatId: _vatId, ...noVatId } = buyer
    const { facturX, note } = eInvoiceForMail(reverse, data.settings, noVatId)
    expect(facturX).toBeNull()
    expect(note).toContain('the customer’s VAT ID')
  })
})
