/**
 * The catalog as the document rules see it: one lookup of (price list, product, unit) that answers with what
 * `priceDocument` needs. Built from the stored records by `catalogFromRecords`; tests build small ones the same way.
 */
import type {
  DecimalString,
  DiscountList,
  DiscountListSnapshot,
  Id,
  PriceListItem,
  PriceRounding,
  PricingMethod,
  Product,
} from './types'

/** The pricing inputs of one price list item, in the shape of the pricing contract's `catalog` field. */
export interface CatalogPriceInfo {
  pricingMethod: PricingMethod
  amount?: DecimalString
  percentage?: DecimalString
  listPrice?: DecimalString
  currentCost?: DecimalString
  standardCost?: DecimalString
  rounding?: PriceRounding
}

export interface CatalogEntry {
  productName: string
  retired: boolean
  price: CatalogPriceInfo
  discountList?: DiscountListSnapshot
}

export interface Catalog {
  /** The price of a product in a unit on a price list, or undefined when the price list has no such item. */
  find(priceListId: Id, productId: Id, unitId: Id): CatalogEntry | undefined
}

/** A catalog with no prices: for callers that never price from the catalog (e.g. a locked document). */
export const EMPTY_CATALOG: Catalog = { find: () => undefined }

export interface CatalogRecords {
  products: readonly Product[]
  priceListItems: readonly PriceListItem[]
  discountLists: readonly DiscountList[]
}

function key(priceListId: Id, productId: Id, unitId: Id): string {
  // JSON keeps ids containing any separator character from colliding.
  return JSON.stringify([priceListId, productId, unitId])
}

function priceInfo(product: Product, item: PriceListItem): CatalogPriceInfo {
  const info: CatalogPriceInfo = { pricingMethod: item.pricingMethod }
  const copy = {
    amount: item.amount,
    percentage: item.percentage,
    listPrice: product.listPrice,
    currentCost: product.currentCost,
    standardCost: product.standardCost,
    rounding: item.rounding,
  }
  for (const [name, value] of Object.entries(copy)) {
    if (value !== undefined) Object.assign(info, { [name]: value })
  }
  return info
}

/**
 * Indexes stored catalog records for lookups. An item whose product is unknown is skipped: it cannot be priced.
 *
 * @example
 * const catalog = catalogFromRecords({ products, priceListItems, discountLists })
 * catalog.find('retail', 'widget', 'each')?.price // { pricingMethod: 'currencyAmount', amount: '10.00' }
 */
export function catalogFromRecords(records: CatalogRecords): Catalog {
  const products = new Map(records.products.map((p) => [p.id, p]))
  const discountLists = new Map(records.discountLists.map((d) => [d.id, d]))
  const entries = new Map<string, CatalogEntry>()
  for (const item of records.priceListItems) {
    const product = products.get(item.productId)
    if (!product) continue
    const entry: CatalogEntry = {
      productName: product.name,
      retired: product.retired,
      price: priceInfo(product, item),
    }
    const list = item.discountListId ? discountLists.get(item.discountListId) : undefined
    if (list) entry.discountList = { type: list.type, bands: list.bands.map((b) => ({ ...b })) }
    entries.set(key(item.priceListId, item.productId, item.unitId), entry)
  }
  return {
    find: (priceListId, productId, unitId) => entries.get(key(priceListId, productId, unitId)),
  }
}
