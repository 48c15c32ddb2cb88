/**
 * RxDB schemas of customers and the catalog. Each `version` is the version of what is stored; raising one needs
 * a migration strategy (migrations.ts) and a fixture of the older version.
 *
 * v1 (customers, products, settings): the fields of VAT mode (the buyer's VAT ID, electronic address and buyer
 * reference; a product's VAT category; the company's tax mode and VAT categories).
 */
import type { RxJsonSchema } from 'rxdb'
import type {
  CatalogRefDoc,
  CustomerDoc,
  PriceListItemDoc,
  ProductDoc,
  SettingsDoc,
} from '../stored-types'
import { NAME_KEY_LENGTH } from '../sort-keys'
import {
  arrayProp,
  boolProp,
  dateProp,
  dateTimeProp,
  decimalProp,
  idProp,
  intProp,
  objectProp,
  textProp,
} from './properties'

export const customerSchema: RxJsonSchema<CustomerDoc> = {
  title: 'customers',
  description: 'Accounts with their contacts and bill-to/ship-to addresses',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProp(),
    updatedAt: dateTimeProp(),
    name: textProp(300),
    nameKey: textProp(NAME_KEY_LENGTH),
    accountNumber: textProp(100),
    ownerId: idProp(),
    email: textProp(300),
    phone: textProp(100),
    primaryContactId: idProp(),
    contacts: arrayProp(),
    billTo: objectProp(),
    shipTo: objectProp(),
    priceListId: idProp(),
    currencyCode: textProp(3),
    vatId: textProp(20),
    electronicAddress: objectProp(),
    buyerReference: textProp(200),
  },
  required: ['id', 'updatedAt', 'name', 'nameKey', 'ownerId', 'contacts', 'billTo', 'shipTo'],
  // Customers list: by name (and a name prefix search); a rep's own customers by name.
  indexes: ['nameKey', ['ownerId', 'nameKey']],
}

export const productSchema: RxJsonSchema<ProductDoc> = {
  title: 'products',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProp(),
    updatedAt: dateTimeProp(),
    productNumber: textProp(100),
    name: textProp(300),
    nameKey: textProp(NAME_KEY_LENGTH),
    description: textProp(2000),
    unitGroupId: idProp(),
    defaultUnitId: idProp(),
    listPrice: decimalProp(),
    standardCost: decimalProp(),
    currentCost: decimalProp(),
    retired: boolProp(),
    vatCategoryId: idProp(),
  },
  required: [
    'id',
    'updatedAt',
    'productNumber',
    'name',
    'nameKey',
    'unitGroupId',
    'defaultUnitId',
    'retired',
  ],
  // Products list: by number, by name (and prefix searches on both).
  indexes: ['productNumber', 'nameKey'],
}

export const catalogRefSchema: RxJsonSchema<CatalogRefDoc> = {
  title: 'catalogrefs',
  description: 'Unit groups, discount lists and price lists, told apart by kind',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProp(),
    kind: textProp(20),
    updatedAt: dateTimeProp(),
    name: textProp(300),
    nameKey: textProp(NAME_KEY_LENGTH),
    primaryUnitId: idProp(),
    units: arrayProp(),
    type: textProp(20),
    bands: arrayProp(),
    currencyCode: textProp(3),
    validFrom: dateProp(),
    validTo: dateProp(),
  },
  required: ['id', 'kind', 'updatedAt', 'name', 'nameKey'],
  indexes: [['kind', 'nameKey']],
}

export const priceListItemSchema: RxJsonSchema<PriceListItemDoc> = {
  title: 'pricelistitems',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProp(),
    updatedAt: dateTimeProp(),
    priceListId: idProp(),
    productId: idProp(),
    unitId: idProp(),
    pricingMethod: textProp(40),
    amount: decimalProp(),
    percentage: decimalProp(),
    rounding: objectProp(),
    discountListId: idProp(),
  },
  required: ['id', 'updatedAt', 'priceListId', 'productId', 'unitId', 'pricingMethod'],
  // A price list's items (by product), and every price of one product (repricing after a change).
  indexes: [['priceListId', 'productId'], 'productId'],
}

export const settingsSchema: RxJsonSchema<SettingsDoc> = {
  title: 'settings',
  description: 'The company settings: one document, id "company"',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProp(),
    updatedAt: dateTimeProp(),
    profile: objectProp(),
    baseCurrencyCode: textProp(3),
    currencies: arrayProp(),
    pricingPrecision: intProp(),
    discountMethod: textProp(20),
    rounding: textProp(20),
    numbering: objectProp(),
    taxMode: textProp(10),
    vatCategories: arrayProp(),
  },
  required: ['id', 'updatedAt'],
}
