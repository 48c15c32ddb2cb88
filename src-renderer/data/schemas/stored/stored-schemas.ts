/**
 * The frozen copies of the RxDB schemas stored databases know, by collection: the schemas made from src-core's
 * records must stay exactly these (from-core.test.ts, reopen.test.ts). A new version adds its copy beside the
 * old one; a copy is never edited.
 */
import type { RxJsonSchema } from 'rxdb'
import type { CollectionName } from '../../collections'
import catalogrefs from './catalogrefs-v0.json'
import customers from './customers-v1.json'
import invoices from './invoices-v4.json'
import opportunities from './opportunities-v0.json'
import orders from './orders-v4.json'
import payments from './payments-v1.json'
import pricelistitems from './pricelistitems-v0.json'
import products from './products-v1.json'
import settings from './settings-v1.json'

export const STORED_SCHEMAS = {
  settings,
  customers,
  products,
  catalogrefs,
  pricelistitems,
  opportunities,
  payments,
  orders,
  invoices,
} as unknown as Readonly<Record<CollectionName, RxJsonSchema<unknown>>>
