/**
 * The e-invoice of a VAT-mode invoice: UN/CEFACT Cross Industry Invoice (CII D16B) in the EN 16931 profile, the
 * XML Factur-X / ZUGFeRD embed and XRechnung accepts. Pure: the invoice and its parties in, the XML text out.
 *
 * The amounts are the pricing function's, never recomputed here: the invoice is repriced with `priceLines`
 * ('keep', its own prices) and the XML carries those lines, allowance shares, freight and VAT breakdown, which
 * satisfy EN 16931's sums (BR-CO-10 to 17) by construction (docs/money.md, VAT mode).
 */
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { PAYMENT_TERMS } from '@core/documents/header-fields'
import { priceLines } from '@core/documents/totals'
import type { DocumentLine, Invoice, VatBreakdownEntry, VatCategory } from '@core/documents/types'
import {
  add,
  formatDecimal,
  isNegative,
  negate,
  parseDecimal,
  sub,
  ZERO,
  type Decimal,
} from '@core/money'
import { eInvoiceMissing } from './missing'
import type { EInvoiceAddress, EInvoiceOptions, EInvoiceParties, MissingItem } from './types'
import { el, writeXml, type XmlElement, type XmlNode } from './xml-writer'

/** The EN 16931 profile's guideline id (BT-24). */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017'

const NS = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:qdt': 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
}

/** Thrown when an invoice cannot be a valid e-invoice; `missing` names each field to fill in. */
export class EInvoiceError extends Error {
  readonly missing: MissingItem[]
  constructor(missing: MissingItem[]) {
    super(`The e-invoice cannot be made: ${missing.map((m) => m.label).join('; ')}.`)
    this.name = 'EInvoiceError'
    this.missing = missing
  }
}

/**
 * Why each VAT-free category is VAT free, as EN 16931 requires a reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10,
 * BR-O-10): the VATEX code where one category has one meaning, and the words.
 */
export const EXEMPTION_REASONS: Readonly<
  Partial<Record<VatCategory, { code?: string; text: string }>>
> = {
  E: { text: 'Exempt from VAT' },
  AE: { code: 'VATEX-EU-AE', text: 'Reverse charge' },
  K: { code: 'VATEX-EU-IC', text: 'Intra-Community supply' },
  G: { code: 'VATEX-EU-G', text: 'Export outside the EU' },
  O: { code: 'VATEX-EU-O', text: 'Not subject to VAT' },
}

const date102 = (isoDate: string) =>
  el('udt:DateTimeString', { format: '102' }, isoDate.slice(0, 10).replaceAll('-', ''))

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === ''
const given = (text: string | undefined): string | undefined =>
  blank(text) ? undefined : text!.trim()

function address(a: EInvoiceAddress | undefined): XmlElement {
  return el(
    'ram:PostalTradeAddress',
    given(a?.postalCode) && el('ram:PostcodeCode', given(a?.postalCode)),
    given(a?.line1) && el('ram:LineOne', given(a?.line1)),
    given(a?.line2) && el('ram:LineTwo', given(a?.line2)),
    given(a?.line3) && el('ram:LineThree', given(a?.line3)),
    given(a?.city) && el('ram:CityName', given(a?.city)),
    el('ram:CountryID', a?.countryCode?.trim() ?? ''),
    given(a?.subdivision) && el('ram:CountrySubDivisionName', given(a?.subdivision)),
  )
}

/** Category O carries no rate anywhere (BR-O-05, 06, 07); every other category does. */
function tax(
  category: VatCategory,
  rate: string,
  rateElement = 'ram:RateApplicablePercent',
): XmlNode[] {
  return [
    el('ram:TypeCode', 'VAT'),
    el('ram:CategoryCode', category),
    category !== 'O' && el(rateElement, rate),
  ]
}

/**
 * One line. The net price (BT-146) may not be negative (BR-27), so a return priced below zero is written as a
 * positive price with a negative quantity: the same line amount.
 */
function lineItem(line: DocumentLine, index: number, unitCode: string): XmlElement {
  const vat = line.vat!
  const net: Decimal = sub(parseDecimal(line.pricePerUnit), parseDecimal(line.volumeDiscount))
  const flip = isNegative(net)
  const price = flip ? negate(net) : net
  const quantity = flip ? negate(parseDecimal(line.quantity)) : parseDecimal(line.quantity)
  const discounted = parseDecimal(line.manualDiscountAmount)
  return el(
    'ram:IncludedSupplyChainTradeLineItem',
    el('ram:AssociatedDocumentLineDocument', el('ram:LineID', String(index + 1))),
    el(
      'ram:SpecifiedTradeProduct',
      el('ram:Name', line.productName),
      given(line.description) && el('ram:Description', given(line.description)),
    ),
    el(
      'ram:SpecifiedLineTradeAgreement',
      el('ram:NetPriceProductTradePrice', el('ram:ChargeAmount', plain(price))),
    ),
    el('ram:SpecifiedLineTradeDelivery', el('ram:BilledQuantity', { unitCode }, plain(quantity))),
    el(
      'ram:SpecifiedLineTradeSettlement',
      el('ram:ApplicableTradeTax', ...tax(vat.category, formatDecimal(parseDecimal(vat.rate), 2))),
      // The rep's manual discount is a line allowance (BG-27): line net = amount − it.
      discounted.units !== 0n &&
        el(
          'ram:SpecifiedTradeAllowanceCharge',
          el('ram:ChargeIndicator', el('udt:Indicator', 'false')),
          el('ram:ActualAmount', line.manualDiscountAmount),
          el('ram:Reason', 'Discount'),
        ),
      el(
        'ram:SpecifiedTradeSettlementLineMonetarySummation',
        el('ram:LineTotalAmount', line.extendedAmount),
      ),
    ),
  )
}

/** A decimal as written, without trailing zeros beyond what it has (quantities, prices). */
function plain(d: Decimal): string {
  return formatDecimal(d, d.scale)
}

interface Group extends VatBreakdownEntry {
  /** The group's part of the document allowance: net − taxable + freight. */
  allowance: Decimal
  charge: Decimal
}

/** Each breakdown group's allowance share, recovered exactly from the lines, freight and taxable amount. */
function groupsOf(invoice: Invoice, lines: readonly DocumentLine[]): Group[] {
  const freight = parseDecimal(invoice.totals.freightAmount)
  const fv = invoice.freightVat
  return (invoice.vatBreakdown ?? []).map((g) => {
    let net = ZERO
    for (const line of lines) {
      if (line.vat?.category === g.category && sameRate(line.vat.rate, g.rate))
        net = add(net, parseDecimal(line.extendedAmount))
    }
    const isFreight =
      fv !== undefined &&
      fv.category === g.category &&
      sameRate(fv.rate, g.rate) &&
      freight.units !== 0n
    const charge = isFreight ? freight : ZERO
    return { ...g, charge, allowance: sub(add(net, charge), parseDecimal(g.taxableAmount)) }
  })
}

const sameRate = (a: string, b: string) =>
  formatDecimal(parseDecimal(a), 2) === formatDecimal(parseDecimal(b), 2)

function allowanceCharge(
  charge: boolean,
  amount: string,
  reason: string,
  g: Group,
  reasonCode?: string,
): XmlElement {
  return el(
    'ram:SpecifiedTradeAllowanceCharge',
    el('ram:ChargeIndicator', el('udt:Indicator', String(charge))),
    el('ram:ActualAmount', amount),
    reasonCode !== undefined && el('ram:ReasonCode', reasonCode),
    el('ram:Reason', reason),
    el('ram:CategoryTradeTax', ...tax(g.category, g.rate)),
  )
}

/**
 * The CII XML of a VAT-mode invoice in the EN 16931 profile.
 *
 * @param invoice - a VAT-mode invoice; it is repriced here with its own prices, so stale stored totals do not
 *   reach the XML
 * @param parties - seller and buyer as EN 16931 needs them
 * @throws EInvoiceError listing every missing field (see `eInvoiceMissing`) before any XML is made
 * @example
 * const xml = buildCiiXml(invoice, { seller, buyer })
 */
export function buildCiiXml(
  invoice: Invoice,
  parties: EInvoiceParties,
  options: EInvoiceOptions = {},
): string {
  const missing = eInvoiceMissing(invoice, parties)
  if (missing.length > 0) throw new EInvoiceError(missing)
  const priced = priceLines(invoice, 'keep', EMPTY_CATALOG)
  /* c8 ignore next */ if (!priced.ok)
    throw new EInvoiceError([{ field: 'invoice.lines', label: priced.refusal.reason }])
  const doc = priced.document
  const { seller, buyer } = parties
  const currency = doc.currencyCode
  const groups = groupsOf(doc, doc.lines)
  const onlyO = groups.length > 0 && groups.every((g) => g.category === 'O')
  const reasons = { ...options.exemptionReasons }
  const allowanceTotal = add(
    parseDecimal(doc.totals.discountPercentAmount),
    parseDecimal(doc.discountAmount),
  )
  const places = doc.pricing.currencyPrecision
  const money = (d: Decimal) => formatDecimal(d, places)
  const issueDate = doc.invoiceDate ?? doc.createdAt.slice(0, 10)
  const deliveryDate = doc.dateDelivered
  const deliverTo =
    buyer.deliverTo ?? (groups.some((g) => g.category === 'K') ? buyer.address : undefined)
  const paid = options.paidAmount !== undefined ? parseDecimal(options.paidAmount) : undefined
  const due = paid
    ? sub(parseDecimal(doc.totals.totalAmount), paid)
    : parseDecimal(doc.totals.totalAmount)
  const termsText =
    given(options.paymentTerms) ??
    (doc.paymentTerms ? PAYMENT_TERMS[doc.paymentTerms] : undefined) ??
    (doc.dueDate ? undefined : 'Payable on receipt of the invoice')

  const root = el(
    'rsm:CrossIndustryInvoice',
    NS,
    el(
      'rsm:ExchangedDocumentContext',
      el('ram:GuidelineSpecifiedDocumentContextParameter', el('ram:ID', EN16931_GUIDELINE)),
    ),
    el(
      'rsm:ExchangedDocument',
      el('ram:ID', doc.number),
      el('ram:TypeCode', '380'),
      el('ram:IssueDateTime', date102(issueDate)),
      given(doc.description) && el('ram:IncludedNote', el('ram:Content', given(doc.description))),
    ),
    el(
      'rsm:SupplyChainTradeTransaction',
      ...doc.lines.map((line, i) => lineItem(line, i, options.unitCode ?? 'C62')),
      el(
        'ram:ApplicableHeaderTradeAgreement',
        given(buyer.buyerReference) && el('ram:BuyerReference', given(buyer.buyerReference)),
        el(
          'ram:SellerTradeParty',
          el('ram:Name', seller.legalName!.trim()),
          given(seller.legalRegistrationId) &&
            el('ram:SpecifiedLegalOrganization', el('ram:ID', given(seller.legalRegistrationId))),
          seller.contact &&
            (given(seller.contact.name) ||
              given(seller.contact.phone) ||
              given(seller.contact.email)) &&
            el(
              'ram:DefinedTradeContact',
              given(seller.contact.name) && el('ram:PersonName', given(seller.contact.name)),
              given(seller.contact.phone) &&
                el(
                  'ram:TelephoneUniversalCommunication',
                  el('ram:CompleteNumber', given(seller.contact.phone)),
                ),
              given(seller.contact.email) &&
                el(
                  'ram:EmailURIUniversalCommunication',
                  el('ram:URIID', given(seller.contact.email)),
                ),
            ),
          address(seller.address),
          seller.electronicAddress &&
            el(
              'ram:URIUniversalCommunication',
              el(
                'ram:URIID',
                { schemeID: seller.electronicAddress.scheme },
                seller.electronicAddress.value,
              ),
            ),
          // Not subject to VAT: the seller's VAT ID must not appear (BR-O-02).
          !onlyO &&
            given(seller.vatId) &&
            el(
              'ram:SpecifiedTaxRegistration',
              el('ram:ID', { schemeID: 'VA' }, given(seller.vatId)),
            ),
        ),
        el(
          'ram:BuyerTradeParty',
          el('ram:Name', buyer.name!.trim()),
          address(buyer.address),
          buyer.electronicAddress &&
            el(
              'ram:URIUniversalCommunication',
              el(
                'ram:URIID',
                { schemeID: buyer.electronicAddress.scheme },
                buyer.electronicAddress.value,
              ),
            ),
          !onlyO &&
            given(buyer.vatId) &&
            el(
              'ram:SpecifiedTaxRegistration',
              el('ram:ID', { schemeID: 'VA' }, given(buyer.vatId)),
            ),
        ),
      ),
      el(
        'ram:ApplicableHeaderTradeDelivery',
        deliverTo && el('ram:ShipToTradeParty', address(deliverTo)),
        deliveryDate &&
          el(
            'ram:ActualDeliverySupplyChainEvent',
            el('ram:OccurrenceDateTime', date102(deliveryDate)),
          ),
      ),
      el(
        'ram:ApplicableHeaderTradeSettlement',
        el('ram:PaymentReference', doc.number),
        el('ram:InvoiceCurrencyCode', currency),
        seller.bankAccount &&
          given(seller.bankAccount.iban) &&
          el(
            'ram:SpecifiedTradeSettlementPaymentMeans',
            el('ram:TypeCode', '58'),
            el(
              'ram:PayeePartyCreditorFinancialAccount',
              el('ram:IBANID', seller.bankAccount.iban.replace(/\s+/g, '')),
              given(seller.bankAccount.accountName) &&
                el('ram:AccountName', given(seller.bankAccount.accountName)),
            ),
            given(seller.bankAccount.bic) &&
              el(
                'ram:PayeeSpecifiedCreditorFinancialInstitution',
                el('ram:BICID', given(seller.bankAccount.bic)),
              ),
          ),
        ...groups.map((g) => {
          const reason = EXEMPTION_REASONS[g.category]
          const text = given(reasons[g.category]) ?? reason?.text
          return el(
            'ram:ApplicableTradeTax',
            el('ram:CalculatedAmount', g.taxAmount),
            el('ram:TypeCode', 'VAT'),
            text !== undefined && el('ram:ExemptionReason', text),
            el('ram:BasisAmount', g.taxableAmount),
            el('ram:CategoryCode', g.category),
            reason?.code !== undefined && el('ram:ExemptionReasonCode', reason.code),
            g.category !== 'O' && el('ram:RateApplicablePercent', g.rate),
          )
        }),
        // Document-level allowances and charges per VAT group (BG-20, BG-21), so each group's taxable amount is
        // its lines' net − its allowance + its charge, as BR-S-08 and its siblings check.
        ...groups
          .filter((g) => g.allowance.units !== 0n)
          .map((g) => allowanceCharge(false, money(g.allowance), 'Discount', g, '95')),
        ...groups
          .filter((g) => g.charge.units !== 0n)
          .map((g) => allowanceCharge(true, money(g.charge), 'Freight', g, 'FC')),
        (termsText !== undefined || doc.dueDate !== undefined) &&
          el(
            'ram:SpecifiedTradePaymentTerms',
            termsText !== undefined && el('ram:Description', termsText),
            doc.dueDate !== undefined && el('ram:DueDateDateTime', date102(doc.dueDate)),
          ),
        el(
          'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
          el('ram:LineTotalAmount', doc.totals.detailAmount),
          el('ram:ChargeTotalAmount', doc.totals.freightAmount),
          el('ram:AllowanceTotalAmount', money(allowanceTotal)),
          el(
            'ram:TaxBasisTotalAmount',
            money(
              add(
                parseDecimal(doc.totals.preFreightAmount),
                parseDecimal(doc.totals.freightAmount),
              ),
            ),
          ),
          el('ram:TaxTotalAmount', { currencyID: currency }, doc.totals.totalTax),
          el('ram:GrandTotalAmount', doc.totals.totalAmount),
          paid !== undefined && el('ram:TotalPrepaidAmount', money(paid)),
          el('ram:DuePayableAmount', money(due)),
        ),
      ),
    ),
  )
  return writeXml(root)
}
