import { describe, expect, it } from 'vitest'
import { blankInvoice } from '@core/documents/test-support/fixtures'
import {
  buildCiiXml,
  EInvoiceError,
  eInvoiceMissing,
  escapeXml,
  type EInvoiceParties,
} from './index'
import { euroInvoice, parties } from './test-support/parties'

/** The text of every element with this local name, in document order. */
const texts = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<ram:${name}(?: [^>]*)?>([^<]*)</ram:${name}>`, 'g'))].map(
    (m) => m[1] ?? '',
  )

describe('buildCiiXml', () => {
  it('writes the EN 16931 profile with the invoice’s own numbers', () => {
    const invoice = euroInvoice()
    const xml = buildCiiXml(invoice, parties())
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice'),
    ).toBe(true)
    expect(texts(xml, 'ID')).toContain('urn:cen.eu:en16931:2017')
    expect(texts(xml, 'ID')).toContain(invoice.number)
    expect(texts(xml, 'GrandTotalAmount')).toEqual([invoice.totals.totalAmount])
    expect(texts(xml, 'TaxTotalAmount')).toEqual([invoice.totals.totalTax])
    expect(texts(xml, 'LineTotalAmount').slice(-1)).toEqual([invoice.totals.detailAmount])
    expect(texts(xml, 'BasisAmount')).toEqual(invoice.vatBreakdown?.map((g) => g.taxableAmount))
    expect(texts(xml, 'CalculatedAmount')).toEqual(invoice.vatBreakdown?.map((g) => g.taxAmount))
    expect(texts(xml, 'BuyerReference')).toEqual(['04011000-12345-03'])
    expect(texts(xml, 'IBANID')).toEqual(['DE02120300000000202051'])
  })

  it('escapes the parties’ text', () => {
    const xml = buildCiiXml(euroInvoice(), parties())
    expect(xml).toContain('<ram:Name>Muster &amp; Söhne GmbH</ram:Name>')
    expect(xml).toContain('<ram:Name>Käufer &lt;Handel&gt; AG</ram:Name>')
    expect(xml).not.toContain('<Handel>')
  })

  it('gives each VAT-free category its exemption reason and code, and none to taxed ones', () => {
    const xml = buildCiiXml(
      euroInvoice({
        lines: [
          { category: 'AE', rate: '0' },
          { category: 'K', rate: '0' },
          { category: 'G', rate: '0' },
        ],
        freight: { category: 'E', rate: '0' },
      }),
      parties(),
    )
    expect(texts(xml, 'ExemptionReasonCode')).toEqual(['VATEX-EU-AE', 'VATEX-EU-G', 'VATEX-EU-IC'])
    expect(texts(xml, 'ExemptionReason')).toEqual([
      'Reverse charge',
      'Exempt from VAT',
      'Export outside the EU',
      'Intra-Community supply',
    ])
    // An intra-community supply names the country it went to and the day it went.
    expect(xml).toMatch(/<ram:ShipToTradeParty>[\s\S]*<ram:CountryID>FR<\/ram:CountryID>/)
    expect(xml).toContain('<udt:DateTimeString format="102">20250227</udt:DateTimeString>')
    const standard = buildCiiXml(euroInvoice(), parties())
    expect(texts(standard, 'ExemptionReasonCode')).toEqual([])
    expect(texts(standard, 'ExemptionReason')).toEqual(['Exempt from VAT'])
  })

  it('writes a not-subject-to-VAT invoice without rates or VAT IDs', () => {
    const o = { category: 'O' as const, rate: '0' }
    const xml = buildCiiXml(euroInvoice({ lines: [o], freight: o }), parties())
    expect(texts(xml, 'RateApplicablePercent')).toEqual([])
    expect(xml).not.toContain('schemeID="VA"')
    expect(texts(xml, 'ExemptionReasonCode')).toEqual(['VATEX-EU-O'])
  })

  it('writes a return priced below zero as a positive price and a negative quantity', () => {
    const base = euroInvoice()
    const line = base.lines[0]!
    const invoice = euroInvoice()
    invoice.lines[0] = { ...line, pricePerUnit: '-9.00', priceOverridden: true }
    const xml = buildCiiXml(invoice, parties())
    expect(texts(xml, 'ChargeAmount')[0]).toBe('9.00')
    expect(xml).toContain(
      `<ram:BilledQuantity unitCode="C62">-${line.quantity}</ram:BilledQuantity>`,
    )
  })
})

describe('eInvoiceMissing and the refusal', () => {
  const without = (change: (p: EInvoiceParties) => void): EInvoiceParties => {
    const p = parties()
    change(p)
    return p
  }
  const reverseCharge = () => euroInvoice({ lines: [{ category: 'AE', rate: '0' }] })

  it.each([
    ['seller legal name', 'seller.legalName', (p: EInvoiceParties) => delete p.seller.legalName],
    ['seller VAT ID', 'seller.vatId', (p: EInvoiceParties) => (p.seller.vatId = ' ')],
    [
      'seller address country',
      'seller.address.countryCode',
      (p: EInvoiceParties) => delete p.seller.address,
    ],
    ['buyer name', 'buyer.name', (p: EInvoiceParties) => (p.buyer.name = '')],
    [
      'buyer address country',
      'buyer.address.countryCode',
      (p: EInvoiceParties) => delete p.buyer.address?.countryCode,
    ],
    [
      'seller bank account IBAN',
      'seller.bankAccount.iban',
      (p: EInvoiceParties) => (p.seller.bankAccount = { iban: '' }),
    ],
    [
      'seller electronic address and its scheme',
      'seller.electronicAddress',
      (p: EInvoiceParties) => (p.seller.electronicAddress = { scheme: '', value: 'x@y.z' }),
    ],
  ])('names a missing %s', (label, field, change) => {
    const p = without(change)
    expect(eInvoiceMissing(euroInvoice(), p)).toEqual([{ field, label }])
    expect(() => buildCiiXml(euroInvoice(), p)).toThrow(EInvoiceError)
    expect(() => buildCiiXml(euroInvoice(), p)).toThrow(label)
  })

  it('names a malformed country or VAT ID', () => {
    const p = without((q) => {
      q.seller.address!.countryCode = 'Germany'
      q.seller.vatId = '123456789'
    })
    expect(eInvoiceMissing(euroInvoice(), p).map((m) => m.label)).toEqual([
      'seller VAT ID starting with its country code, such as DE123456789',
      'seller address country as a two-letter code, such as DE',
    ])
  })

  it('asks for the buyer VAT ID only where reverse charge or an intra-community supply needs it', () => {
    const p = without((q) => delete q.buyer.vatId)
    expect(eInvoiceMissing(euroInvoice(), p)).toEqual([])
    expect(eInvoiceMissing(reverseCharge(), p)).toEqual([
      { field: 'buyer.vatId', label: 'buyer VAT ID' },
    ])
    const k = euroInvoice({ lines: [{ category: 'K', rate: '0' }] })
    expect(eInvoiceMissing({ ...k, dateDelivered: undefined }, p)).toEqual([
      { field: 'invoice.dateDelivered', label: 'date delivered (an intra-community supply)' },
      { field: 'buyer.vatId', label: 'buyer VAT ID' },
    ])
  })

  it('refuses a typed-tax invoice, an empty one and a currency with more than 2 decimals', () => {
    expect(eInvoiceMissing({ ...blankInvoice(), currencyCode: 'EUR' }, parties())).toEqual([
      { field: 'invoice.taxMode', label: 'VAT mode: this invoice has typed tax, not VAT rates' },
      { field: 'invoice.lines', label: 'at least one line' },
    ])
    const invoice = euroInvoice()
    const precise = { ...invoice, pricing: { ...invoice.pricing, currencyPrecision: 3 } }
    expect(eInvoiceMissing(precise, parties()).map((m) => m.field)).toContain(
      'invoice.pricing.currencyPrecision',
    )
  })

  it('refuses not subject to VAT mixed with other categories, and asks for the register number when alone', () => {
    const mixed = euroInvoice({
      lines: [
        { category: 'O', rate: '0' },
        { category: 'S', rate: '19' },
      ],
    })
    expect(eInvoiceMissing(mixed, parties()).map((m) => m.field)).toEqual(['invoice.lines'])
    const o = { category: 'O' as const, rate: '0' }
    const alone = euroInvoice({ lines: [o], freight: o })
    expect(
      eInvoiceMissing(
        alone,
        without((q) => delete q.seller.legalRegistrationId),
      ),
    ).toEqual([{ field: 'seller.legalRegistrationId', label: 'seller legal registration ID' }])
  })

  it('lists everything at once for an invoice with nothing filled in', () => {
    const missing = eInvoiceMissing(blankInvoice(), { seller: {}, buyer: {} })
    expect(missing.map((m) => m.label)).toEqual([
      'VAT mode: this invoice has typed tax, not VAT rates',
      'at least one line',
      'seller legal name',
      'seller VAT ID',
      'seller address country',
      'buyer name',
      'buyer address country',
    ])
  })
})

describe('escapeXml', () => {
  it('escapes markup and both quotes, and drops characters XML cannot hold', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;',
    )
    expect(escapeXml('tab\tnew\nline\u0000bell\u0007 ü 😀')).toBe('tab\tnew\nlinebell ü 😀')
  })
})
