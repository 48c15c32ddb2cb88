import { describe, expect, it } from 'vitest'
import {
  companySettingsSchema,
  customerSchema,
  EMPTY_CATALOG,
  invoiceSchema,
  orderSchema,
  priceLines,
  productSchema,
} from '../../../../src-core/documents'
import { generateGermanDataset } from './germany-dataset'

describe('the German sample company', () => {
  const data = generateGermanDataset()

  it('is a VAT-mode seller with VAT ID, bank account and EUR, and the same every time', () => {
    expect(generateGermanDataset()).toEqual(data)
    expect(companySettingsSchema.safeParse(data.settings).ok).toBe(true)
    expect(data.settings).toMatchObject({ taxMode: 'vat', baseCurrencyCode: 'EUR' })
    expect(data.settings.profile.vatId).toMatch(/^DE\d{9}$/)
    expect(data.settings.profile.bankAccount?.iban).toMatch(/^DE/)
    for (const c of data.customers) expect(customerSchema.safeParse(c).ok, c.name).toBe(true)
    for (const p of data.products) expect(productSchema.safeParse(p).ok, p.name).toBe(true)
    expect(data.customers.find((c) => c.buyerReference)?.electronicAddress?.scheme).toBe('0204')
  })

  it('has invoices in every state, priced in VAT mode at 19 %, 7 %, exempt, reverse charge, intra-community and export', () => {
    const statuses = new Set(data.invoices.map((i) => i.status))
    for (const s of ['new', 'billed', 'complete', 'partial', 'canceled'])
      expect(statuses).toContain(s)
    const groups = new Set(
      data.invoices.flatMap((i) => (i.vatBreakdown ?? []).map((g) => `${g.category} ${g.rate}`)),
    )
    for (const g of ['S 19.00', 'S 7.00', 'E 0.00', 'AE 0.00', 'K 0.00', 'G 0.00'])
      expect(groups).toContain(g)
    expect(data.invoices.some((i) => i.discountPercent !== '0' || i.discountAmount !== '0')).toBe(
      true,
    )
    expect(data.invoices.some((i) => i.freightAmount !== '0' && i.freightVat)).toBe(true)
    for (const invoice of data.invoices) {
      expect(invoice.taxMode).toBe('vat')
      expect(invoiceSchema.safeParse(invoice).ok, invoice.number).toBe(true)
      const again = priceLines(invoice, 'keep', EMPTY_CATALOG)
      expect(again.ok && again.document.vatBreakdown).toEqual(invoice.vatBreakdown)
    }
    for (const order of data.orders) expect(orderSchema.safeParse(order).ok).toBe(true)
    const paid = data.invoices.filter((i) => i.status === 'complete')
    expect(paid.length).toBeGreaterThan(0)
    expect(data.payments.length).toBeGreaterThanOrEqual(paid.length)
  })
})
