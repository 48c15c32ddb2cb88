/** A complete German seller and buyer, and VAT-mode invoices in euros, for e-invoice tests. */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { vatInvoice } from '@core/documents/test-support/vat-invoice'
import { priceLines } from '@core/documents/totals'
import type { Invoice, VatRate } from '@core/documents/types'
import type { EInvoiceParties } from '../types'

export function parties(): EInvoiceParties {
  return {
    seller: {
      legalName: 'Muster & Söhne GmbH',
      vatId: 'DE123456789',
      legalRegistrationId: 'HRB 12345',
      address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
      electronicAddress: { scheme: 'EM', value: 'rechnung@muster.example' },
      bankAccount: { iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001' },
    },
    buyer: {
      name: 'Käufer <Handel> AG',
      vatId: 'FR40303265045',
      address: { line1: '2 rue de la Paix', city: 'Paris', postalCode: '75002', countryCode: 'FR' },
      electronicAddress: { scheme: 'EM', value: 'ap@kaeufer.example' },
      buyerReference: '04011000-12345-03',
    },
  }
}

/** The test VAT invoice in EUR with an invoice and due date; `rates` replaces the lines' VAT (and freight's). */
export function euroInvoice(rates?: { lines: VatRate[]; freight?: VatRate }): Invoice {
  const base: Invoice = {
    ...vatInvoice(),
    currencyCode: 'EUR',
    invoiceDate: '2025-03-01',
    dueDate: '2025-03-31',
    dateDelivered: '2025-02-27',
  }
  if (!rates) return base
  const changed: Invoice = {
    ...base,
    lines: base.lines.map((l, i) => ({ ...l, vat: rates.lines[i % rates.lines.length]! })),
  }
  if (rates.freight) changed.freightVat = rates.freight
  const priced = priceLines(changed, 'keep', EMPTY_CATALOG)
  if (!priced.ok) throw new Error(priced.refusal.reason)
  return priced.document
}
