import { describe, expect, it } from 'vitest'
import { settings } from '@core/documents/test-support/fixtures'
import { companySettingsRecordSchema } from '@core/documents/record-schemas'
import { checkLogo, MAX_LOGO_BYTES, toBase64 } from './company-logo'
import { smtpFromDraft } from '@renderer/stores/mail-printer-store'
import { draftFromSettings, settingsFromDraft, type CompanyDraft } from './settings-form'

const NOW = '2025-03-01T09:30:00.000Z'
const build = (draft: CompanyDraft, locale = 'en-US') =>
  settingsFromDraft(draft, settings, locale, NOW)

describe('the Company form', () => {
  it('gives back the stored settings unchanged, as a record the schema accepts', () => {
    const result = build(draftFromSettings(settings, 'en-US'))
    expect(result).toEqual({ ok: true, settings: { ...settings, updatedAt: NOW } })
    if (result.ok) expect(companySettingsRecordSchema.safeParse(result.settings).ok).toBe(true)
  })

  it('starts a new company with the pricing spec defaults and refuses it without a name', () => {
    const draft = draftFromSettings(undefined, 'en-US')
    expect(draft).toMatchObject({ discountMethod: 'lineItem', rounding: 'halfEven' })
    expect(build(draft)).toEqual({
      ok: false,
      errors: { name: 'Company Name: a name is required' },
    })
  })

  it('reads exchange rates in the rep’s locale, exactly', () => {
    const draft = draftFromSettings(settings, 'de-DE')
    expect(draft.currencies[1]?.exchangeRate).toBe('0,9')
    draft.currencies[1]!.exchangeRate = '0,912345'
    const result = build({ ...draft, discountMethod: 'perUnit' }, 'de-DE')
    expect(result.ok && result.settings.currencies[1]?.exchangeRate).toBe('0.912345')
    expect(result.ok && result.settings.discountMethod).toBe('perUnit')
  })

  it('names every wrong field and builds nothing', () => {
    const draft = draftFromSettings(settings, 'en-US')
    draft.email = 'not-an-address'
    draft.pricingPrecision = '7'
    draft.currencies[0]!.exchangeRate = '2'
    draft.currencies[1] = { code: 'usd', name: '', symbol: '', exchangeRate: '-1', precision: 'x' }
    draft.invoiceNumbering = { prefix: 'IN V', separator: '#', padding: '0', suffixLength: '3' }
    const result = build(draft)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual({
      email: 'Email: "not-an-address" is not an email address',
      pricingPrecision: 'Pricing Decimal Precision: must be from 0 to 4',
      'currencies.0.exchangeRate': 'Exchange Rate: the base currency’s rate must be 1',
      'currencies.1.code': 'Currency Code: USD is listed twice',
      'currencies.1.name': 'Currency Name: a name is required',
      'currencies.1.symbol': 'Currency Symbol: 1 to 10 characters, e.g. $',
      'currencies.1.exchangeRate': 'Exchange Rate: must be more than 0',
      'currencies.1.precision': 'Currency Precision: enter a whole number from 0 to 4',
      'invoiceNumbering.prefix': 'Prefix: 1 to 10 letters and digits, e.g. INV',
      'invoiceNumbering.separator': 'Separator: one of - / . _',
      'invoiceNumbering.padding': 'Digits: must be from 1 to 10',
      'invoiceNumbering.suffixLength': 'Suffix Length: must be from 4 to 6',
    })
  })

  it('needs the base currency among the currencies', () => {
    const draft = draftFromSettings(settings, 'en-US')
    const result = build({ ...draft, baseCurrencyCode: 'GBP' })
    expect(!result.ok && result.errors.baseCurrencyCode).toBe(
      'Base Currency: choose one of the currencies',
    )
  })
})

describe('the company logo', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

  it('takes a PNG or JPEG by its first bytes and keeps it as base64', () => {
    expect(checkLogo(png, 'logo.png')).toEqual({
      ok: true,
      logo: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgoBAgM=' },
    })
    const jpeg = checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'logo.jpg')
    expect(jpeg.ok && jpeg.logo.mediaType).toBe('image/jpeg')
  })

  it('refuses another kind of file, whatever its name, and one over 256 KiB', () => {
    expect(checkLogo(new TextEncoder().encode('<svg/>'), 'logo.png')).toEqual({
      ok: false,
      error: 'Logo: "logo.png" is not a PNG or JPEG image',
    })
    const big = new Uint8Array(MAX_LOGO_BYTES + 1)
    big.set(png)
    expect(checkLogo(big, 'big.png')).toEqual({
      ok: false,
      error: 'Logo: "big.png" is 257 KiB; the limit is 256 KiB',
    })
    expect(checkLogo(big.subarray(0, MAX_LOGO_BYTES), 'max.png').ok).toBe(true)
  })

  it('encodes large files in chunks exactly', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256)
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0))
    expect(decoded).toEqual(bytes)
  })
})

describe('the SMTP account form', () => {
  const draft = {
    host: 'smtp.example.com',
    port: '587',
    security: 'starttls' as const,
    username: 'rep',
    fromAddress: 'rep@example.com',
    fromName: 'Rep',
    password: 'secret',
  }

  it('builds the settings main keeps, without the password', () => {
    expect(smtpFromDraft(draft)).toEqual({
      ok: true,
      value: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        username: 'rep',
        fromAddress: 'rep@example.com',
        fromName: 'Rep',
      },
    })
  })

  it('names each wrong field', () => {
    expect(
      smtpFromDraft({ ...draft, host: 'smtp example', port: '70000', fromAddress: 'x' }),
    ).toEqual({
      ok: false,
      errors: {
        host: 'Server: a host name such as smtp.example.com',
        port: 'Port: a number from 1 to 65535, e.g. 587',
        fromAddress: 'From Address: an email address',
      },
    })
  })
})
