import { describe, expect, it } from 'vitest'
import {
  base64DecodedBytes,
  companySettingsSchema,
  customerSchema,
  discountListSchema,
  priceListItemSchema,
  priceListSchema,
  productSchema,
  unitGroupSchema,
} from './record-schemas'

const at = '2026-01-02T03:04:05.000Z'
const address = { line1: '1 Main St', city: 'Springfield' }

const customer = {
  id: 'C1',
  updatedAt: at,
  name: 'Contoso Ltd',
  ownerId: 'rep-1',
  contacts: [{ id: 'K1', firstName: 'Ana', lastName: 'Lopez', email: 'ana@contoso.example' }],
  primaryContactId: 'K1',
  billTo: address,
  shipTo: address,
  currencyCode: 'EUR',
}

const settings = {
  id: 'company',
  updatedAt: at,
  profile: { name: 'Fieldbill Demo', address },
  baseCurrencyCode: 'USD',
  currencies: [{ code: 'USD', name: 'US Dollar', symbol: '$', exchangeRate: '1', precision: 2 }],
  pricingPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
  numbering: {
    invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
    order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
  },
}

describe('record schemas', () => {
  it('accept well-formed records', () => {
    expect(customerSchema.parse(customer)).toEqual(customer)
    expect(companySettingsSchema.parse(settings)).toEqual(settings)
    const group = {
      id: 'G1',
      updatedAt: at,
      name: 'Each',
      primaryUnitId: 'U1',
      units: [{ id: 'U1', name: 'Each', quantity: '1' }],
    }
    expect(unitGroupSchema.parse(group)).toEqual(group)
    const product = {
      id: 'P1',
      updatedAt: at,
      productNumber: 'SKU-1',
      name: 'Widget',
      unitGroupId: 'G1',
      defaultUnitId: 'U1',
      listPrice: '12.50',
      retired: false,
    }
    expect(productSchema.parse(product)).toEqual(product)
    const list = { id: 'L1', updatedAt: at, name: 'Retail EUR', currencyCode: 'EUR' }
    expect(priceListSchema.parse(list)).toEqual(list)
    const item = {
      id: 'I1',
      updatedAt: at,
      priceListId: 'L1',
      productId: 'P1',
      unitId: 'U1',
      pricingMethod: 'percentOfList',
      percentage: '90',
      rounding: { policy: 'up', option: 'endsIn', amount: '0.99' },
    }
    expect(priceListItemSchema.parse(item)).toEqual(item)
    const discounts = {
      id: 'D1',
      updatedAt: at,
      name: 'Volume',
      type: 'percentage',
      bands: [{ from: '10', to: '99', value: '5' }],
    }
    expect(discountListSchema.parse(discounts)).toEqual(discounts)
  })

  it.each([
    [{ ...customer, name: '' }, 'name: must have at least 1 characters'],
    [{ ...customer, primaryContactId: 'K9' }, 'primaryContactId'],
    [{ ...customer, currencyCode: 'euro' }, 'currencyCode: expected a three-letter currency code'],
    [{ ...customer, contacts: [{ id: 'K1', firstName: 'A' }] }, 'contacts[0].lastName'],
    [{ ...customer, secret: 1 }, 'secret: is not an allowed field'],
  ])('refuse a bad customer, naming the field (%#)', (input, message) => {
    const r = customerSchema.safeParse(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(message)
  })

  it('refuse settings whose base currency is missing or whose rate is not positive', () => {
    expect(companySettingsSchema.safeParse({ ...settings, baseCurrencyCode: 'EUR' })).toMatchObject(
      {
        ok: false,
        error: 'baseCurrencyCode: must be one of the currencies',
      },
    )
    const zeroRate = {
      ...settings,
      currencies: [{ ...settings.currencies[0], exchangeRate: '0.00' }],
    }
    expect(companySettingsSchema.safeParse(zeroRate)).toMatchObject({
      ok: false,
      error: 'currencies[0].exchangeRate: must be more than 0',
    })
  })

  it('refuse a price list item without the value its pricing method needs', () => {
    const item = {
      id: 'I1',
      updatedAt: at,
      priceListId: 'L1',
      productId: 'P1',
      unitId: 'U1',
      pricingMethod: 'currencyAmount',
    }
    expect(priceListItemSchema.safeParse(item).ok).toBe(false)
    expect(priceListItemSchema.safeParse({ ...item, amount: '12.5' }).ok).toBe(true)
    expect(priceListItemSchema.safeParse({ ...item, pricingMethod: 'magic', amount: '1' }).ok).toBe(
      false,
    )
  })

  it('refuse a unit group whose primary unit is not among its units', () => {
    const group = { id: 'G1', updatedAt: at, name: 'Each', primaryUnitId: 'U2', units: [] }
    expect(unitGroupSchema.safeParse(group)).toMatchObject({ ok: false })
  })

  it('accept a PNG or JPEG logo of at most 256 KiB, and refuse anything else naming the field', () => {
    const png = { mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' }
    const withLogo = (logo: unknown) => ({ ...settings, profile: { ...settings.profile, logo } })
    expect(companySettingsSchema.parse(withLogo(png))).toEqual(withLogo(png))
    // 87,381 groups of 3 bytes and one of 1 byte: exactly 256 KiB; one byte more is refused.
    const largest = 'A'.repeat(87381 * 4) + 'AA=='
    expect(base64DecodedBytes(largest)).toBe(256 * 1024)
    expect(companySettingsSchema.safeParse(withLogo({ ...png, dataBase64: largest })).ok).toBe(true)
    const tooLarge = 'A'.repeat(87381 * 4) + 'AAA='
    expect(base64DecodedBytes(tooLarge)).toBe(256 * 1024 + 1)
    const refusals: Array<[unknown, string]> = [
      [
        { ...png, mediaType: 'image/gif' },
        'profile.logo.mediaType: expected one of image/png, image/jpeg',
      ],
      [
        { ...png, dataBase64: 'data:image/png;base64,iVBO' },
        'profile.logo.dataBase64: expected base64 text',
      ],
      [{ ...png, dataBase64: 'abc' }, 'profile.logo.dataBase64: must have at least 4 characters'],
      [{ ...png, dataBase64: 'abcde' }, 'profile.logo.dataBase64: expected base64 text'],
      [
        { ...png, dataBase64: tooLarge },
        'profile.logo.dataBase64: the logo must be at most 256 KiB',
      ],
      [{ ...png, url: 'x' }, 'profile.logo.url: is not an allowed field'],
    ]
    for (const [logo, message] of refusals) {
      const r = companySettingsSchema.safeParse(withLogo(logo))
      expect(r.ok ? '' : r.error).toContain(message)
    }
  })
})
