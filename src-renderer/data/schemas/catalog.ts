/**
 * RxDB schemas of customers, the catalog and the company settings, made from src-core's record schemas
 * (from-core.ts). Each `version` is the version of what is stored; raising one needs a migration strategy
 * (migrations.ts) and a fixture of the older version.
 *
 * v1 (customers, products, settings): the fields of VAT mode (the buyer's VAT ID, electronic address and buyer
 * reference; a product's VAT category; the company's tax mode and VAT categories).
 *
 * These versions froze a few bounds other than the record's rule (a customer's name at 300 characters where
 * src-core allows 160, …): src-core's rule is the one checked, the frozen bound only keeps the version's hash.
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
import { COLLECTION_RECORDS } from '@core/documents/collection-records'
import { rxSchemaOf, storedText } from './from-core'

const nameKey = storedText(NAME_KEY_LENGTH)

export const customerSchema: RxJsonSchema<CustomerDoc> = rxSchemaOf(COLLECTION_RECORDS.customers, {
  title: 'customers',
  description: 'Accounts with their contacts and bill-to/ship-to addresses',
  version: 1,
  derived: { nameKey },
  frozen: {
    name: storedText(300),
    accountNumber: storedText(100),
    email: storedText(300),
    phone: storedText(100),
    vatId: storedText(20),
  },
  required: ['id', 'updatedAt', 'name', 'nameKey', 'ownerId', 'contacts', 'billTo', 'shipTo'],
  // Customers list: by name (and a name prefix search); a rep's own customers by name.
  indexes: ['nameKey', ['ownerId', 'nameKey']],
})

export const productSchema: RxJsonSchema<ProductDoc> = rxSchemaOf(COLLECTION_RECORDS.products, {
  title: 'products',
  version: 1,
  derived: { nameKey },
  frozen: { name: storedText(300) },
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
})

export const catalogRefSchema: RxJsonSchema<CatalogRefDoc> = rxSchemaOf(
  COLLECTION_RECORDS.catalogrefs,
  {
    title: 'catalogrefs',
    description: 'Unit groups, discount lists and price lists, told apart by kind',
    version: 0,
    derived: { nameKey },
    frozen: { name: storedText(300) },
    required: ['id', 'kind', 'updatedAt', 'name', 'nameKey'],
    indexes: [['kind', 'nameKey']],
  },
)

export const priceListItemSchema: RxJsonSchema<PriceListItemDoc> = rxSchemaOf(
  COLLECTION_RECORDS.pricelistitems,
  {
    title: 'pricelistitems',
    version: 0,
    frozen: { pricingMethod: storedText(40) },
    // A price list's items (by product), and every price of one product (repricing after a change).
    indexes: [['priceListId', 'productId'], 'productId'],
  },
)

export const settingsSchema: RxJsonSchema<SettingsDoc> = rxSchemaOf(COLLECTION_RECORDS.settings, {
  title: 'settings',
  description: 'The company settings: one document, id "company"',
  version: 1,
  frozen: {
    pricingPrecision: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    taxMode: storedText(10),
  },
  // v1 requires only these; src-core's record schema, which every write passes, requires the rest too.
  required: ['id', 'updatedAt'],
  indexes: [],
})
