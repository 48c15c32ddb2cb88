import { describe, expect, it } from 'vitest'
import { formatLocaleDecimal, numberSymbols, parseLocaleDecimal } from './locale-number'

const qty = { field: 'Quantity' }

describe('parseLocaleDecimal', () => {
  it.each([
    ['1.234,56', 'de-DE', '1234.56'],
    ['1234,56', 'de-DE', '1234.56'],
    ['-12,5', 'de-DE', '-12.5'],
    ['\u22127,25', 'de-DE', '-7.25'],
    ['1,234.56', 'en-US', '1234.56'],
    ['0.5', 'en-US', '0.5'],
    ['.5', 'en-US', '0.5'],
    ['007', 'en-US', '7'],
    ['1 234,56', 'fr-FR', '1234.56'],
    ['1\u202f234,56', 'fr-FR', '1234.56'],
    ["1'234.5", 'de-CH', '1234.5'],
    ['  42  ', 'en-US', '42'],
    ['12,5 %', 'de-DE', '12.5'],
  ])('%s in %s is %s', (text, locale, expected) => {
    expect(parseLocaleDecimal(text, locale, qty)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['12,5O', 'de-DE'],
    ['abc', 'en-US'],
    ['1,5', 'en-US'],
    ['1.2.3', 'en-US'],
    ['1234.56', 'de-DE'],
    ['12 5', 'en-US'],
    ['-', 'en-US'],
    ['1,2345', 'en-US'],
    ['--1', 'en-US'],
  ])('%s in %s is not a number', (text, locale) => {
    expect(parseLocaleDecimal(text, locale, qty)).toEqual({
      ok: false,
      error: `Quantity: "${text}" is not a number`,
    })
  })

  it('names the field and the text in every message', () => {
    expect(parseLocaleDecimal('12,5O', 'de-DE', { field: 'Quantity' })).toEqual({
      ok: false,
      error: 'Quantity: "12,5O" is not a number',
    })
  })

  it('refuses an empty field unless it has a default', () => {
    expect(parseLocaleDecimal(' ', 'en-US', qty)).toEqual({
      ok: false,
      error: 'Quantity: a value is required',
    })
    expect(parseLocaleDecimal('', 'en-US', { field: 'Tax', empty: '0' })).toEqual({
      ok: true,
      value: '0',
    })
  })

  it('refuses a negative value where the field has a minimum of 0', () => {
    const rules = { field: 'Manual Discount', min: '0' }
    expect(parseLocaleDecimal('-5', 'en-US', rules)).toEqual({
      ok: false,
      error: 'Manual Discount: "-5" cannot be negative',
    })
    expect(parseLocaleDecimal('0', 'en-US', rules)).toEqual({ ok: true, value: '0' })
  })

  it('keeps percentages between 0 and 100 inclusive', () => {
    const rules = { field: 'Discount (%)', min: '0', max: '100' }
    expect(parseLocaleDecimal('100', 'en-US', rules)).toEqual({ ok: true, value: '100' })
    expect(parseLocaleDecimal('100,01', 'de-DE', rules)).toEqual({
      ok: false,
      error: 'Discount (%): "100,01" must be between 0 and 100',
    })
    expect(parseLocaleDecimal('-1', 'en-US', rules)).toEqual({
      ok: false,
      error: 'Discount (%): "-1" must be between 0 and 100',
    })
  })

  it('names other bounds as they are', () => {
    expect(parseLocaleDecimal('0', 'en-US', { field: 'Amount', min: '0.01' })).toEqual({
      ok: false,
      error: 'Amount: "0" must be at least 0.01',
    })
    expect(parseLocaleDecimal('11', 'en-US', { field: 'Amount', max: '10' })).toEqual({
      ok: false,
      error: 'Amount is too large: "11" is more than 10',
    })
  })

  it('says when a number is too large for exact money math', () => {
    const result = parseLocaleDecimal('1234567890123456', 'en-US', qty)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(/^Quantity: "1234567890123456" is too large/)
  })
})

describe('formatLocaleDecimal', () => {
  it.each([
    ['1234.5', 'de-DE', { decimals: 2 }, '1.234,50'],
    ['1234.56', 'en-US', {}, '1,234.56'],
    ['1234567.891', 'en-US', { decimals: 2 }, '1,234,567.89'],
    ['-0.5', 'en-US', {}, '-0.5'],
    ['-0.001', 'en-US', { decimals: 2 }, '0.00'],
    ['2.5', 'en-US', { decimals: 0 }, '2'],
    ['1234.5', 'de-DE', { grouping: false }, '1234,5'],
    ['123456789012345.99', 'en-US', {}, '123,456,789,012,345.99'],
    ['1234567', 'en-IN', {}, '12,34,567'],
  ])('%s in %s (%o) is %s', (value, locale, options, expected) => {
    expect(formatLocaleDecimal(value, locale, options)).toBe(expected)
  })

  it('shows a stored value that is not a decimal as it is', () => {
    expect(formatLocaleDecimal('n/a', 'en-US')).toBe('n/a')
  })

  it('round-trips through the parser in every locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'es-ES', 'ja-JP']) {
      for (const value of ['0', '1234.56', '-9876543.21', '0.0001', '1000000']) {
        const shown = formatLocaleDecimal(value, locale)
        const back = parseLocaleDecimal(shown, locale, qty)
        expect({ locale, shown, back }).toEqual({ locale, shown, back: { ok: true, value } })
      }
    }
  })
})

describe('numberSymbols', () => {
  it('reads the separators of a locale', () => {
    expect(numberSymbols('de-DE')).toEqual({ decimal: ',', group: '.', minus: '-' })
    expect(numberSymbols('en-US')).toEqual({ decimal: '.', group: ',', minus: '-' })
  })
})
