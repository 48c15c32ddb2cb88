import { describe, expect, it } from 'vitest'
import {
  priceDocument,
  type DiscountList,
  type PriceDocumentInput,
  type PricingLineInput,
  type PricingSettings,
} from './index'

function line(input: PricingLineInput, settings: PricingSettings = {}) {
  const result = priceDocument({ settings, lines: [input] })
  const [priced] = result.lines
  if (priced === undefined) throw new Error('no line')
  return priced
}

const catalog = { pricingMethod: 'currencyAmount', amount: '19.99' } as const
const bands = (type: DiscountList['type'], value: string): DiscountList => ({
  type,
  bands: [
    { from: '10', to: '19', value },
    { from: '20', to: '49', value: type === 'percentage' ? '20' : '4.00' },
  ],
})

describe('volume discount', () => {
  it('applies a percentage band as round_c(PPU × pct / 100) per unit', () => {
    const priced = line({ quantity: '10', catalog, discountList: bands('percentage', '15') })
    // 19.99 × 15 % = 2.9985 → 3.00; (19.99 − 3.00) × 10 = 169.90
    expect(priced).toMatchObject({ volumeDiscount: '3.00', amount: '169.90' })
  })

  it('applies an amount band per unit', () => {
    const priced = line({ quantity: '20', catalog, discountList: bands('amount', '2.00') })
    expect(priced).toMatchObject({ volumeDiscount: '4.00', amount: '319.80' })
  })

  it('includes both ends of a band', () => {
    const list = bands('amount', '2.00')
    for (const quantity of ['10', '19', '20', '49']) {
      expect(line({ quantity, catalog, discountList: list }).volumeDiscount).not.toBe('0.00')
    }
    for (const quantity of ['9', '9.99', '19.5', '50', '-10', '0']) {
      expect(line({ quantity, catalog, discountList: list }).volumeDiscount).toBe('0.00')
    }
  })

  it('gives write-in and overridden lines no volume discount', () => {
    const priced = line({
      quantity: '10',
      pricePerUnit: '19.99',
      discountList: bands('amount', '2'),
    })
    expect(priced).toMatchObject({ volumeDiscount: '0.00', amount: '199.90' })
  })

  it('rounds a half-way percentage discount by the document rounding', () => {
    const input = {
      quantity: '1',
      catalog: { pricingMethod: 'currencyAmount', amount: '0.25' },
      discountList: { type: 'percentage', bands: [{ from: '0', to: '5', value: '10' }] },
    } as const
    expect(line(input).volumeDiscount).toBe('0.02')
    expect(line(input, { rounding: 'halfUp' }).volumeDiscount).toBe('0.03')
  })

  it('rounds an amount band to currency precision when entered', () => {
    const list: DiscountList = { type: 'amount', bands: [{ from: '1', to: '1', value: '0.125' }] }
    expect(line({ quantity: '1', catalog, discountList: list }).volumeDiscount).toBe('0.12')
  })

  it('accepts an empty list', () => {
    const list: DiscountList = { type: 'amount', bands: [] }
    expect(line({ quantity: '1', catalog, discountList: list }).volumeDiscount).toBe('0.00')
  })
})

describe('manual discount', () => {
  it('is taken once per line (lineItem) or per unit (perUnit)', () => {
    const input = { quantity: '3', pricePerUnit: '10.00', manualDiscount: '1.50' }
    expect(line(input).manualDiscountApplied).toBe('1.50')
    expect(line(input, { discountMethod: 'perUnit' }).manualDiscountApplied).toBe('4.50')
  })

  it('rounds perUnit on fractional quantities (2.5 × 0.33 = 0.825)', () => {
    const input = { quantity: '2.5', pricePerUnit: '1', manualDiscount: '0.33' }
    expect(line(input, { discountMethod: 'perUnit' }).manualDiscountApplied).toBe('0.82')
    expect(
      line(input, { discountMethod: 'perUnit', rounding: 'halfUp' }).manualDiscountApplied,
    ).toBe('0.83')
  })

  it('may exceed the amount: the extended amount goes negative (Dynamics does not clamp)', () => {
    expect(line({ quantity: '1', pricePerUnit: '5', manualDiscount: '10' })).toMatchObject({
      amount: '5.00',
      extendedAmount: '-5.00',
    })
  })
})

describe('amount and extended amount', () => {
  it('handles returns (negative quantities)', () => {
    const priced = line({ quantity: '-3', pricePerUnit: '10', manualDiscount: '5', tax: '-2.10' })
    expect(priced).toMatchObject({ amount: '-30.00', extendedAmount: '-37.10' })
  })

  it('handles negative prices and a zero quantity', () => {
    expect(line({ quantity: '2', pricePerUnit: '-4.5' }).amount).toBe('-9.00')
    expect(line({ quantity: '0', pricePerUnit: '4.5', tax: '1' }).extendedAmount).toBe('1.00')
  })

  it('rounds fractional quantities halfEven or halfUp (0.05 × 2.5 = 0.125)', () => {
    expect(line({ quantity: '2.5', pricePerUnit: '0.05' }).amount).toBe('0.12')
    expect(line({ quantity: '2.5', pricePerUnit: '0.05' }, { rounding: 'halfUp' }).amount).toBe(
      '0.13',
    )
    expect(line({ quantity: '-2.5', pricePerUnit: '0.05' }, { rounding: 'halfUp' }).amount).toBe(
      '-0.13',
    )
  })

  it('keeps price per unit at pricingPrecision and money at currencyPrecision', () => {
    const settings = { pricingPrecision: 4, currencyPrecision: 2 }
    expect(line({ quantity: '3', pricePerUnit: '1.2345' }, settings)).toMatchObject({
      pricePerUnit: '1.2345',
      amount: '3.70',
    })
    expect(line({ quantity: '3', pricePerUnit: '1.2345' }, { currencyPrecision: 0 })).toMatchObject(
      { pricePerUnit: '1.23', volumeDiscount: '0', amount: '4', extendedAmount: '4' },
    )
  })

  it('rounds money inputs when entered', () => {
    const priced = line({
      quantity: '2',
      pricePerUnit: '1.235',
      manualDiscount: '0.005',
      tax: '0.015',
    })
    expect(priced).toMatchObject({
      pricePerUnit: '1.24',
      amount: '2.48',
      manualDiscountApplied: '0.00',
      extendedAmount: '2.50',
    })
  })

  it('accepts precisions written as strings and null for absent fields', () => {
    // JSON producers write null for empty optional fields; the types do not admit it, the reader does.
    const json = {
      settings: { pricingPrecision: '3', currencyPrecision: '1.0' },
      header: { discountPercent: null, exchangeRate: null },
      lines: [{ quantity: '1', pricePerUnit: '1.2346', manualDiscount: null, catalog: null }],
    }
    const result = priceDocument(json as unknown as PriceDocumentInput)
    expect(result.lines[0]).toMatchObject({ pricePerUnit: '1.235', amount: '1.2' })
  })
})
