/**
 * Runtime schemas of the records that are not sales documents: customers, the catalog (unit groups, products,
 * price lists, price list items, discount lists) and the company settings. Used wherever such a record arrives
 * as unknown JSON: a sync push, a backup file, a CSV import after mapping.
 */
import {
  array,
  boolean,
  int,
  object,
  oneOf,
  optional,
  refine,
  string,
  tagged,
  type Infer,
  type Schema,
} from '@core/schema'
import { numberFormatSchema } from '@core/numbering'
import { PRICING_METHODS } from '@core/pricing'
import { addressSchema, decimalString, id, isoDate, isoDateTime } from './schemas'
import type {
  CompanyLogo,
  CompanySettings,
  Contact,
  CurrencySetting,
  Customer,
  DiscountList,
  PriceList,
  PriceListItem,
  Product,
  UnitGroup,
} from './types'
import { EMAIL_PATTERN, PHONE_PATTERN } from './contact-info'
import {
  bankAccountSchema,
  electronicAddressSchema,
  taxModeSchema,
  vatCategorySettingSchema,
  vatIdSchema,
} from './vat-settings'

const text = (max: number): Schema<string> => string({ max })
const name = (max = 200): Schema<string> => string({ min: 1, max })
const email = (): Schema<string> =>
  string({
    max: 320,
    pattern: EMAIL_PATTERN,
    patternName: 'an email address such as ann@example.com',
  })
const phone = (): Schema<string> =>
  string({ max: 50, pattern: PHONE_PATTERN, patternName: 'a phone number such as +1 555 010 2030' })
const currencyCode = (): Schema<string> =>
  string({
    pattern: /^[A-Z]{3}$/,
    patternName: 'a three-letter currency code (ISO 4217)',
    longest: 3,
  })

export const contactSchema: Schema<Contact> = object({
  id: id(),
  firstName: text(100),
  lastName: name(100),
  email: optional(email()),
  phone: optional(phone()),
  jobTitle: optional(text(100)),
})

export const customerRecordSchema: Schema<Customer> = refine(
  object({
    id: id(),
    updatedAt: isoDateTime(),
    name: name(160),
    accountNumber: optional(text(20)),
    ownerId: id(),
    email: optional(email()),
    phone: optional(phone()),
    primaryContactId: optional(id()),
    contacts: array(contactSchema, { max: 500 }),
    billTo: addressSchema,
    shipTo: addressSchema,
    priceListId: optional(id()),
    currencyCode: optional(currencyCode()),
    vatId: optional(vatIdSchema()),
    electronicAddress: optional(electronicAddressSchema),
    buyerReference: optional(text(200)),
  }),
  (c) => c.primaryContactId === undefined || c.contacts.some((k) => k.id === c.primaryContactId),
  'primaryContactId: must be one of the customer’s contacts',
)

export const unitGroupRecordSchema: Schema<UnitGroup> = refine(
  object({
    id: id(),
    updatedAt: isoDateTime(),
    name: name(),
    primaryUnitId: id(),
    units: array(
      object({ id: id(), name: name(100), quantity: decimalString(), baseUnitId: optional(id()) }),
      { max: 200 },
    ),
  }),
  (g) => g.units.some((u) => u.id === g.primaryUnitId),
  'primaryUnitId: must be one of the group’s units',
)

export const productRecordSchema: Schema<Product> = object({
  id: id(),
  updatedAt: isoDateTime(),
  productNumber: name(100),
  name: name(),
  description: optional(text(2000)),
  unitGroupId: id(),
  defaultUnitId: id(),
  listPrice: optional(decimalString()),
  standardCost: optional(decimalString()),
  currentCost: optional(decimalString()),
  retired: boolean(),
  vatCategoryId: optional(id()),
})

export const priceListRecordSchema: Schema<PriceList> = object({
  id: id(),
  updatedAt: isoDateTime(),
  name: name(),
  currencyCode: currencyCode(),
  validFrom: optional(isoDate()),
  validTo: optional(isoDate()),
})

export const priceListItemRecordSchema: Schema<PriceListItem> = refine(
  object({
    id: id(),
    updatedAt: isoDateTime(),
    priceListId: id(),
    productId: id(),
    unitId: id(),
    pricingMethod: oneOf(PRICING_METHODS),
    amount: optional(decimalString()),
    percentage: optional(decimalString()),
    rounding: optional(
      object({
        policy: oneOf(['none', 'up', 'down', 'nearest']),
        option: oneOf(['endsIn', 'multipleOf']),
        amount: decimalString(),
      }),
    ),
    discountListId: optional(id()),
  }),
  (item) =>
    item.pricingMethod === 'currencyAmount'
      ? item.amount !== undefined
      : item.percentage !== undefined,
  'a currency amount item needs amount; every other pricing method needs percentage',
)

export const discountListRecordSchema: Schema<DiscountList> = object({
  id: id(),
  updatedAt: isoDateTime(),
  name: name(),
  type: oneOf(['percentage', 'amount']),
  bands: array(object({ from: decimalString(), to: decimalString(), value: decimalString() }), {
    max: 100,
  }),
})

/**
 * Unit groups, discount lists and price lists as the desktop stores and syncs them: in one collection, told apart
 * by `kind`.
 */
export const catalogRefRecordSchema = tagged('kind', {
  unitGroup: unitGroupRecordSchema,
  discountList: discountListRecordSchema,
  priceList: priceListRecordSchema,
})
export type CatalogRef = Infer<typeof catalogRefRecordSchema>

const currencySettingSchema: Schema<CurrencySetting> = object({
  code: currencyCode(),
  name: name(100),
  symbol: name(10),
  exchangeRate: refine(decimalString(), (v) => !/^-|^0*(\.0*)?$/.test(v), 'must be more than 0'),
  precision: int({ min: 0, max: 4 }),
})

/** The largest logo stored, decoded: it travels in the settings record to every device and into each PDF. */
export const LOGO_MAX_BYTES = 256 * 1024

/** Bytes a base64 text decodes to. */
export function base64DecodedBytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return (text.length / 4) * 3 - padding
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/

export const companyLogoSchema: Schema<CompanyLogo> = object({
  mediaType: oneOf(['image/png', 'image/jpeg']),
  // Size first, so a too large logo is told so before its text is scanned.
  dataBase64: refine(
    refine(
      string({ min: 4 }),
      (text) => base64DecodedBytes(text) <= LOGO_MAX_BYTES,
      'the logo must be at most 256 KiB',
    ),
    (text) => text.length % 4 === 0 && base64Pattern.test(text),
    'expected base64 text (A–Z, a–z, 0–9, +, / and = padding)',
  ),
})

const companySettingsBaseSchema: Schema<CompanySettings> = refine(
  object({
    id: id(),
    updatedAt: isoDateTime(),
    profile: object({
      name: name(160),
      address: addressSchema,
      email: optional(text(320)),
      phone: optional(text(50)),
      taxId: optional(text(50)),
      logo: optional(companyLogoSchema),
      legalName: optional(text(200)),
      vatId: optional(vatIdSchema()),
      electronicAddress: optional(electronicAddressSchema),
      bankAccount: optional(bankAccountSchema),
    }),
    baseCurrencyCode: currencyCode(),
    currencies: array(currencySettingSchema, { max: 50 }),
    pricingPrecision: int({ min: 0, max: 4 }),
    discountMethod: oneOf(['lineItem', 'perUnit']),
    rounding: oneOf(['halfEven', 'halfUp']),
    numbering: object({ invoice: numberFormatSchema, order: numberFormatSchema }),
    taxMode: optional(taxModeSchema),
    vatCategories: optional(array(vatCategorySettingSchema, { max: 50 })),
  }),
  (s) => s.currencies.some((c) => c.code === s.baseCurrencyCode),
  'baseCurrencyCode: must be one of the currencies',
)

/** The settings record, and in VAT mode at least one VAT category, each id once. */
export const companySettingsRecordSchema: Schema<CompanySettings> = refine(
  refine(
    companySettingsBaseSchema,
    (s) => s.taxMode !== 'vat' || (s.vatCategories ?? []).length > 0,
    'vatCategories: VAT mode needs at least one VAT category',
  ),
  (s) => new Set((s.vatCategories ?? []).map((c) => c.id)).size === (s.vatCategories ?? []).length,
  'vatCategories: each category id once',
)

// Short names used by the sync server's collection table.
export {
  companySettingsRecordSchema as companySettingsSchema,
  customerRecordSchema as customerSchema,
  discountListRecordSchema as discountListSchema,
  priceListItemRecordSchema as priceListItemSchema,
  priceListRecordSchema as priceListSchema,
  productRecordSchema as productSchema,
  unitGroupRecordSchema as unitGroupSchema,
}
