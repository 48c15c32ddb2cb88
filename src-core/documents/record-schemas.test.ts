import { describe, expect, it } from 'vitest'
import {
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
})
