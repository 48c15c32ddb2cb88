/**
 * What an invoice lacks before it can be a valid EN 16931 e-invoice, each named so the form can refuse the export
 * and point at the field. Only what the official rules require is asked for: a buyer VAT ID, for instance, only
 * where reverse charge or an intra-community supply needs it (BR-AE-02, BR-IC-02).
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { priceLines } from '@core/documents/totals'
import type { Invoice, VatCategory } from '@core/documents/types'
import type { EInvoiceAddress, EInvoiceParties, MissingItem } from './types'

const COUNTRY = /^[A-Z]{2}$/
const CURRENCY = /^[A-Z]{3}$/
/** Two letters of the issuing country first (BR-CO-9; Greece uses EL), then the national number. */
const VAT_ID = /^[A-Z]{2}[0-9A-Za-z+*.]{2,13}$/

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === ''

function country(
  out: MissingItem[],
  a: EInvoiceAddress | undefined,
  field: string,
  who: string,
): void {
  const code = a?.countryCode?.trim()
  if (blank(code)) out.push({ field, label: `${who} address country` })
  else if (!COUNTRY.test(code!))
    out.push({ field, label: `${who} address country as a two-letter code, such as DE` })
}

function vatId(out: MissingItem[], value: string | undefined, field: string, who: string): void {
  if (blank(value)) out.push({ field, label: `${who} VAT ID` })
  else if (!VAT_ID.test(value!.replace(/\s+/g, '')))
    out.push({ field, label: `${who} VAT ID starting with its country code, such as DE123456789` })
}

/**
 * @param invoice - the invoice as stored
 * @param parties - seller and buyer as the company's settings and the customer give them
 * @returns every missing or malformed field, in the order a rep reads the invoice; empty when the XML can be made
 * @example
 * eInvoiceMissing(typedInvoice, parties)
 * // [{ field: 'invoice.taxMode', label: 'VAT mode: this invoice has typed tax, not VAT rates' }, …]
 */
export function eInvoiceMissing(invoice: Invoice, parties: EInvoiceParties): MissingItem[] {
  const out: MissingItem[] = []
  const { seller, buyer } = parties
  const vat = invoice.taxMode === 'vat'
  if (!vat)
    out.push({
      field: 'invoice.taxMode',
      label: 'VAT mode: this invoice has typed tax, not VAT rates',
    })
  if (invoice.lines.length === 0) out.push({ field: 'invoice.lines', label: 'at least one line' })
  if (invoice.pricing.currencyPrecision > 2)
    out.push({
      field: 'invoice.pricing.currencyPrecision',
      label: 'amounts with at most 2 decimals (the currency has more)',
    })
  if (!CURRENCY.test(invoice.currencyCode))
    out.push({ field: 'invoice.currencyCode', label: 'a three-letter currency code, such as EUR' })

  const categories = new Set<VatCategory>()
  if (vat) {
    const priced = priceLines(invoice, 'keep', EMPTY_CATALOG)
    if (!priced.ok) out.push({ field: 'invoice.lines', label: priced.refusal.reason })
    else for (const g of priced.document.vatBreakdown ?? []) categories.add(g.category)
  }
  const onlyO = categories.size === 1 && categories.has('O')
  if (categories.has('O') && categories.size > 1)
    out.push({
      field: 'invoice.lines',
      label:
        'not subject to VAT (O) on every line and the freight, or on none: it cannot be mixed with other VAT categories',
    })
  if (categories.has('K') && blank(invoice.dateDelivered))
    out.push({
      field: 'invoice.dateDelivered',
      label: 'date delivered (an intra-community supply)',
    })

  if (blank(seller.legalName)) out.push({ field: 'seller.legalName', label: 'seller legal name' })
  // Not subject to VAT shows no VAT ID (BR-O-02), so the register number identifies the seller (BR-CO-26).
  if (onlyO) {
    if (blank(seller.legalRegistrationId))
      out.push({ field: 'seller.legalRegistrationId', label: 'seller legal registration ID' })
  } else vatId(out, seller.vatId, 'seller.vatId', 'seller')
  country(out, seller.address, 'seller.address.countryCode', 'seller')
  if (
    seller.electronicAddress &&
    (blank(seller.electronicAddress.scheme) || blank(seller.electronicAddress.value))
  )
    out.push({
      field: 'seller.electronicAddress',
      label: 'seller electronic address and its scheme',
    })
  if (seller.bankAccount && blank(seller.bankAccount.iban))
    out.push({ field: 'seller.bankAccount.iban', label: 'seller bank account IBAN' })

  if (blank(buyer.name)) out.push({ field: 'buyer.name', label: 'buyer name' })
  if (categories.has('AE') || categories.has('K')) vatId(out, buyer.vatId, 'buyer.vatId', 'buyer')
  else if (!blank(buyer.vatId)) vatId(out, buyer.vatId, 'buyer.vatId', 'buyer')
  country(out, buyer.address, 'buyer.address.countryCode', 'buyer')
  if (buyer.deliverTo) country(out, buyer.deliverTo, 'buyer.deliverTo.countryCode', 'deliver-to')
  if (
    buyer.electronicAddress &&
    (blank(buyer.electronicAddress.scheme) || blank(buyer.electronicAddress.value))
  )
    out.push({ field: 'buyer.electronicAddress', label: 'buyer electronic address and its scheme' })
  return out
}
