import { describe, expect, it } from 'vitest'
import { formatCount, formatMoney, formatQuantity } from './money-text'
import { formatLocaleDecimal } from './locale-number'

describe('formatMoney', () => {
  it('formats decimal strings exactly, past the 15 significant digits of a float', () => {
    expect(formatMoney('123456789012345.99', 'USD')).toBe('$123,456,789,012,345.99')
    expect(formatMoney('1090.00', 'EUR', 'de-DE')).toBe('1.090,00\u00a0€')
  })

  it('places the sign and the symbol as the locale does', () => {
    expect(formatMoney('-5', 'USD', 'en-US')).toBe('-$5.00')
    expect(formatMoney('-1234.5', 'EUR', 'de-DE')).toBe('-1.234,50\u00a0€')
    expect(formatMoney('-0.001', 'USD', 'en-US')).toBe('$0.00')
  })

  it('shows the digits of a form field, with the currency precision of the document', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'en-IN', 'de-CH'])
      expect(formatMoney('1234567.5', 'EUR', locale, 3)).toContain(
        formatLocaleDecimal('1234567.5', locale, { decimals: 3 }),
      )
    expect(formatMoney('1000', 'JPY', 'en-US')).toBe('¥1,000')
  })
})

describe('formatQuantity', () => {
  it('drops trailing zeros and groups', () => {
    expect(formatQuantity('2.5')).toBe('2.5')
    expect(formatQuantity('12.000')).toBe('12')
    expect(formatQuantity('1500', 'en-US')).toBe('1,500')
    expect(formatQuantity('1234.50', 'de-DE')).toBe('1.234,5')
  })
})

describe('formatCount', () => {
  it('groups whole numbers', () => {
    expect(formatCount(49812, 'en-US')).toBe('49,812')
    expect(formatCount(49812, 'de-DE')).toBe('49.812')
  })
})
