/**
 * Export e-invoice, the part that is neither a store nor a component: the seller and buyer of an invoice as
 * EN 16931 names them (from the company settings, the customer and the invoice's bill-to), the company's own
 * exemption reasons, what is missing in the rep's words, and the file names. Pure, so Node tests use it too.
 */
import {
  REASON_REQUIRED,
  type CompanySettings,
  type Customer,
  type Invoice,
  type VatCategory,
} from '@core/documents'
import {
  buildCiiXml,
  eInvoiceMissing,
  type EInvoiceOptions,
  type EInvoiceParties,
  type MissingItem,
} from '@core/einvoice'

export function eInvoiceParties(
  settings: CompanySettings,
  customer: Customer | undefined,
  invoice: Invoice,
): EInvoiceParties {
  const p = settings.profile
  const bill = invoice.billTo
  // The invoice's bill-to is what the rep saw; its country code falls back to the customer's.
  const buyerCountry = bill.countryCode ?? customer?.billTo.countryCode
  return {
    seller: {
      legalName: p.legalName ?? p.name,
      ...(p.vatId ? { vatId: p.vatId } : {}),
      ...(p.taxId ? { legalRegistrationId: p.taxId } : {}),
      address: {
        line1: p.address.line1,
        ...(p.address.line2 ? { line2: p.address.line2 } : {}),
        city: p.address.city,
        ...(p.address.postalCode ? { postalCode: p.address.postalCode } : {}),
        ...(p.address.stateOrProvince ? { subdivision: p.address.stateOrProvince } : {}),
        ...(p.address.countryCode ? { countryCode: p.address.countryCode } : {}),
      },
      ...(p.electronicAddress ? { electronicAddress: p.electronicAddress } : {}),
      contact: {
        name: p.name,
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.email ? { email: p.email } : {}),
      },
      ...(p.bankAccount ? { bankAccount: p.bankAccount } : {}),
    },
    buyer: {
      name: bill.name ?? customer?.name ?? '',
      ...(customer?.vatId ? { vatId: customer.vatId } : {}),
      address: {
        line1: bill.line1,
        ...(bill.line2 ? { line2: bill.line2 } : {}),
        city: bill.city,
        ...(bill.postalCode ? { postalCode: bill.postalCode } : {}),
        ...(bill.stateOrProvince ? { subdivision: bill.stateOrProvince } : {}),
        ...(buyerCountry ? { countryCode: buyerCountry } : {}),
      },
      ...(customer?.electronicAddress ? { electronicAddress: customer.electronicAddress } : {}),
      ...(customer?.buyerReference ? { buyerReference: customer.buyerReference } : {}),
    },
  }
}

/** The company's reasons for its 0 % categories, which the e-invoice and the print both carry. */
export function eInvoiceOptions(settings: CompanySettings): EInvoiceOptions {
  const exemptionReasons: Partial<Record<VatCategory, string>> = {}
  for (const c of settings.vatCategories ?? [])
    if (REASON_REQUIRED.includes(c.category) && c.exemptionReason)
      exemptionReasons[c.category] ??= c.exemptionReason
  return { exemptionReasons }
}

/** Where the rep fills each missing field in, in the screens' words. */
const WHERE: Array<[RegExp, string]> = [
  [/^invoice\.taxMode/, 'Settings › Company › Tax Mode: VAT rates (then a new invoice)'],
  [/^invoice\.dateDelivered/, 'the invoice’s Date Delivered'],
  [/^invoice\./, 'the invoice'],
  [/^seller\.vatId/, 'Settings › Company › VAT ID'],
  [/^seller\.legalName/, 'Settings › Company › Legal Name'],
  [/^seller\.address/, 'Settings › Company › Country Code'],
  [/^seller\./, 'Settings › Company'],
  [/^buyer\.vatId/, 'the customer’s VAT ID'],
  [/^buyer\.address/, 'the customer’s Country Code (or the invoice’s Bill To)'],
  [/^buyer\./, 'the customer'],
]

/** "buyer VAT ID (the customer’s VAT ID)": what is missing and where to fill it in. */
export function missingText(item: MissingItem): string {
  const where = WHERE.find(([pattern]) => pattern.test(item.field))?.[1]
  return where ? `${item.label} (${where})` : item.label
}

export type EInvoiceExport =
  { ok: true; xml: string; fileName: string } | { ok: false; missing: MissingItem[] }

/** The invoice's CII XML and its file name, or everything that is missing (nothing is made then). */
export function exportEInvoice(
  invoice: Invoice,
  settings: CompanySettings,
  customer: Customer | undefined,
): EInvoiceExport {
  const parties = eInvoiceParties(settings, customer, invoice)
  const missing = eInvoiceMissing(invoice, parties)
  if (missing.length > 0) return { ok: false, missing }
  const xml = buildCiiXml(invoice, parties, eInvoiceOptions(settings))
  return { ok: true, xml, fileName: eInvoiceFileName(invoice) }
}

/** The PDF's author in a Factur-X PDF: the seller as the e-invoice names it. */
export function eInvoiceSellerName(settings: CompanySettings): string {
  return settings.profile.legalName || settings.profile.name
}

/**
 * What a mail of a VAT-mode invoice carries: the CII XML that main embeds in the attached PDF (Factur-X). An
 * invoice that cannot be a valid e-invoice still goes with the plain PDF; `note` then says what keeps it out.
 * A typed-tax invoice gets neither.
 */
export function eInvoiceForMail(
  invoice: Invoice,
  settings: CompanySettings | null | undefined,
  customer: Customer | undefined,
): { facturX: { xml: string; sellerName: string } | null; note: string } {
  if (invoice.taxMode !== 'vat' || !settings) return { facturX: null, note: '' }
  const made = exportEInvoice(invoice, settings, customer)
  if (made.ok)
    return { facturX: { xml: made.xml, sellerName: eInvoiceSellerName(settings) }, note: '' }
  const missing = made.missing.map(missingText).join('; ')
  return {
    facturX: null,
    note: ` The plain PDF is attached, not the e-invoice: it needs ${missing}.`,
  }
}

/** `INV-01001-X7K2Q9.xml`: the invoice number, with anything a file name cannot hold replaced. */
export function eInvoiceFileName(invoice: Invoice, extension = 'xml'): string {
  return `${invoice.number.replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`
}
