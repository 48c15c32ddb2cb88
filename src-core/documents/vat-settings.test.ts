import { describe, expect, it } from 'vitest'
import { companySettingsSchema, customerSchema, productSchema } from './record-schemas'
import {
  defaultVatCategories,
  ibanIsValid,
  vatCategoryMatching,
  vatCategoryOf,
  vatCategorySettingSchema,
  vatRateProblem,
} from './vat-settings'

const at = '2026-01-02T03:04:05.000Z'
const address = { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', countryCode: 'DE' }

const settings = {
  id: 'company',
  updatedAt: at,
  profile: {
    name: 'Nordlicht',
    legalName: 'Nordlicht Werkzeuge GmbH',
    address,
    vatId: 'DE123456789',
    electronicAddress: { scheme: 'EM', value: 'rechnung@nordlicht.example' },
    bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
  },
  baseCurrencyCode: 'EUR',
  currencies: [{ code: 'EUR', name: 'Euro', symbol: '€', exchangeRate: '1', precision: 2 }],
  pricingPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
  numbering: {
    invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
    order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
  },
  taxMode: 'vat',
  vatCategories: defaultVatCategories('DE'),
}

const errorOf = (result: { ok: boolean; error?: unknown }) =>
  result.ok ? undefined : JSON.stringify(result.error)

describe('VAT categories by country', () => {
  it('gives Germany 19 % and 7 %, France 20, 10, 5.5 and 2.1 %, then the 0 % categories', () => {
    const rated = (country: string) =>
      defaultVatCategories(country)
        .filter((c) => c.category === 'S')
        .map((c) => c.rate)
    expect(rated('DE')).toEqual(['19', '7'])
    expect(rated('FR')).toEqual(['20', '10', '5.5', '2.1'])
    const codes = defaultVatCategories('DE').map((c) => c.category)
    expect(codes).toEqual(['S', 'S', 'E', 'AE', 'K', 'G'])
    for (const c of defaultVatCategories('FR'))
      expect(vatCategorySettingSchema.safeParse(c).ok, c.name).toBe(true)
    expect(new Set(defaultVatCategories('FR').map((c) => c.id)).size).toBe(8)
  })

  it('finds a product’s category, else the first standard one; and a line’s by code and rate', () => {
    const de = defaultVatCategories('DE')
    expect(vatCategoryOf(de, 's-7')?.rate).toBe('7')
    expect(vatCategoryOf(de, 'gone')?.rate).toBe('19')
    expect(vatCategoryMatching(de, { category: 'S', rate: '7.00' })?.id).toBe('s-7')
    expect(vatCategoryMatching(de, { category: 'AE', rate: '0.00' })?.exemptionReason).toMatch(
      /Reverse charge/,
    )
    expect(vatCategoryMatching(de, { category: 'S', rate: '16' })).toBeUndefined()
  })
})

describe('VAT rates', () => {
  it('wants a rate above 0 for S and exactly 0 for the others, at most 2 decimals, at most 100', () => {
    expect(vatRateProblem('S', '19')).toBeUndefined()
    expect(vatRateProblem('S', '0')).toMatch(/Standard rate needs a rate above 0/)
    expect(vatRateProblem('E', '7')).toMatch(/Exempt is always 0 %/)
    expect(vatRateProblem('S', '5.555')).toMatch(/at most 2 decimals/)
    expect(vatRateProblem('S', '101')).toMatch(/at most 100/)
    expect(vatRateProblem('S', '-1')).toMatch(/Rate:/)
  })

  it('refuses an exempt category without its reason', () => {
    const exempt = { id: 'e', name: 'Exempt', category: 'E', rate: '0' }
    expect(errorOf(vatCategorySettingSchema.safeParse(exempt))).toMatch(/exemptionReason/)
    expect(vatCategorySettingSchema.safeParse({ ...exempt, exemptionReason: '§ 4 UStG' }).ok).toBe(
      true,
    )
  })
})

describe('IBAN', () => {
  it('checks the mod 97 digits', () => {
    expect(ibanIsValid('DE89370400440532013000')).toBe(true)
    expect(ibanIsValid('DE89370400440532013001')).toBe(false)
    expect(ibanIsValid('GB82WEST12345698765432')).toBe(true)
    expect(ibanIsValid('DE89 3704 0044 0532 0130 00')).toBe(false)
  })
})

describe('records in VAT mode', () => {
  it('accepts a company with its VAT details and categories', () => {
    expect(errorOf(companySettingsSchema.safeParse(settings))).toBeUndefined()
  })

  it('names what is wrong: VAT ID, IBAN, country code, missing categories, a twice used id', () => {
    const profile = (p: object) => ({ ...settings, profile: { ...settings.profile, ...p } })
    expect(errorOf(companySettingsSchema.safeParse(profile({ vatId: '123' })))).toMatch(
      /vatId.*VAT ID/,
    )
    expect(
      errorOf(companySettingsSchema.safeParse(profile({ bankAccount: { iban: 'DE00123' } }))),
    ).toMatch(/iban/)
    expect(
      errorOf(
        companySettingsSchema.safeParse(profile({ address: { ...address, countryCode: 'de' } })),
      ),
    ).toMatch(/countryCode/)
    expect(errorOf(companySettingsSchema.safeParse({ ...settings, vatCategories: [] }))).toMatch(
      /at least one VAT category/,
    )
    const [first] = defaultVatCategories('DE')
    expect(
      errorOf(companySettingsSchema.safeParse({ ...settings, vatCategories: [first, first] })),
    ).toMatch(/each category id once/)
    expect(errorOf(companySettingsSchema.safeParse({ ...settings, taxMode: 'gross' }))).toMatch(
      /taxMode/,
    )
  })

  it('keeps a typed-mode company valid with none of the VAT fields', () => {
    const { taxMode: _m, vatCategories: _c, ...typed } = settings
    expect(companySettingsSchema.safeParse({ ...typed, profile: { name: 'A', address } }).ok).toBe(
      true,
    )
  })

  it('takes the buyer’s VAT ID, electronic address and buyer reference, and a product’s category', () => {
    const customer = {
      id: 'C1',
      updatedAt: at,
      name: 'Stadt Köln',
      ownerId: 'rep-1',
      contacts: [],
      billTo: address,
      shipTo: address,
      vatId: 'DE811111111',
      electronicAddress: { scheme: '0204', value: '05315-12345-67' },
      buyerReference: '05315-12345-67',
    }
    expect(errorOf(customerSchema.safeParse(customer))).toBeUndefined()
    expect(
      errorOf(
        customerSchema.safeParse({ ...customer, electronicAddress: { scheme: 'x', value: 'a' } }),
      ),
    ).toMatch(/electronicAddress.scheme/)
    const product = {
      id: 'P1',
      updatedAt: at,
      productNumber: 'N-1',
      name: 'Bolt',
      unitGroupId: 'U',
      defaultUnitId: 'u',
      retired: false,
      vatCategoryId: 's-7',
    }
    expect(productSchema.safeParse(product).ok).toBe(true)
  })
})
