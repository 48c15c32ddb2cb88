import { describe, expect, it } from 'vitest'
import { priceDocument, type PriceDocumentInput } from './index'

const twoLines: PriceDocumentInput = {
  header: { discountPercent: '5', discountAmount: '5.00', freightAmount: '7.50' },
  lines: [
    { quantity: '4', pricePerUnit: '50.00', manualDiscount: '20.00', tax: '18.00' },
    { quantity: '3', pricePerUnit: '12.50', tax: '3.75' },
  ],
}

describe('header totals', () => {
  it('are all zero for a document without lines', () => {
    const result = priceDocument({ lines: [] })
    expect(result.lines).toEqual([])
    expect(Object.values(result.totals)).toEqual(Array(8).fill('0.00'))
    expect(Object.values(result.base)).toEqual(Array(8).fill('0.0000'))
  })

  it('take the percentage first, on the full detail amount, and never reduce tax', () => {
    expect(priceDocument(twoLines).totals).toEqual({
      detailAmount: '217.50',
      lineItemDiscountAmount: '20.00',
      discountPercentAmount: '10.88',
      totalDiscountAmount: '35.88',
      preFreightAmount: '201.62',
      freightAmount: '7.50',
      totalTax: '21.75',
      totalAmount: '230.87',
    })
  })

  it('round the percentage amount by the document rounding', () => {
    const input = {
      header: { discountPercent: '10' },
      lines: [{ quantity: '1', pricePerUnit: '0.25' }],
    }
    expect(priceDocument(input).totals.discountPercentAmount).toBe('0.02')
    const halfUp = { ...input, settings: { rounding: 'halfUp' as const } }
    expect(priceDocument(halfUp).totals.discountPercentAmount).toBe('0.03')
  })

  it('round header money inputs when entered', () => {
    const input = {
      header: { discountAmount: '1.005', freightAmount: '2.015' },
      lines: [{ quantity: '1', pricePerUnit: '10' }],
    }
    expect(priceDocument(input).totals).toMatchObject({
      preFreightAmount: '9.00',
      freightAmount: '2.02',
      totalAmount: '11.02',
    })
  })

  it('go negative for returns and for a header discount larger than the detail amount', () => {
    const returns = priceDocument({
      header: { discountPercent: '10' },
      lines: [{ quantity: '-2', pricePerUnit: '10', tax: '-4' }],
    })
    expect(returns.totals).toMatchObject({
      detailAmount: '-20.00',
      discountPercentAmount: '-2.00',
      preFreightAmount: '-18.00',
      totalAmount: '-22.00',
    })
    const overDiscounted = priceDocument({
      header: { discountAmount: '50' },
      lines: [{ quantity: '1', pricePerUnit: '10' }],
    })
    expect(overDiscounted.totals.preFreightAmount).toBe('-40.00')
  })

  it('print at currency precision 0 and 4', () => {
    const input = { ...twoLines, settings: { currencyPrecision: 0 } }
    expect(priceDocument(input).totals.totalAmount).toBe('232')
    const four = { ...twoLines, settings: { currencyPrecision: 4 } }
    expect(priceDocument(four).totals.discountPercentAmount).toBe('10.8750')
  })
})

describe('base currency', () => {
  it('divides every total by the exchange rate, at 4 decimals', () => {
    const result = priceDocument({
      ...twoLines,
      header: { ...twoLines.header, exchangeRate: '1.2' },
    })
    expect(result.base).toEqual({
      detailAmount: '181.2500',
      lineItemDiscountAmount: '16.6667',
      discountPercentAmount: '9.0667',
      totalDiscountAmount: '29.9000',
      preFreightAmount: '168.0167',
      freightAmount: '6.2500',
      totalTax: '18.1250',
      totalAmount: '192.3917',
    })
  })

  it('rounds a half-way base value by the document rounding (0.01 / 8 = 0.00125)', () => {
    const input = {
      header: { exchangeRate: '8' },
      lines: [{ quantity: '1', pricePerUnit: '0.01' }],
    }
    expect(priceDocument(input).base.totalAmount).toBe('0.0012')
    const halfUp = { ...input, settings: { rounding: 'halfUp' as const } }
    expect(priceDocument(halfUp).base.totalAmount).toBe('0.0013')
  })

  it('defaults the exchange rate to 1', () => {
    expect(priceDocument(twoLines).base.totalAmount).toBe('230.8700')
  })
})
