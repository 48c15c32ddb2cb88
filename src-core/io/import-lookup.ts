/**
 * The existing records an import resolves references against: unit groups, price lists and discount lists by
 * id or name (case-insensitive), products by number, customers by account number, price list items by their
 * (price list, product, unit) key. Built from plain record lists, so the caller decides how to load them.
 */
import type {
  Customer,
  DiscountList,
  Id,
  PriceList,
  PriceListItem,
  Product,
  UnitGroup,
} from '@core/documents/types'

export interface ImportLookup {
  customerByAccountNumber(accountNumber: string): Customer | undefined
  productByNumber(productNumber: string): Product | undefined
  unitGroup(idOrName: string): UnitGroup | undefined
  priceList(idOrName: string): PriceList | undefined
  discountList(idOrName: string): DiscountList | undefined
  priceListItem(priceListId: Id, productId: Id, unitId: Id): PriceListItem | undefined
}

export interface ImportLookupRecords {
  customers?: readonly Customer[]
  products?: readonly Product[]
  unitGroups?: readonly UnitGroup[]
  priceLists?: readonly PriceList[]
  discountLists?: readonly DiscountList[]
  priceListItems?: readonly PriceListItem[]
}

/** Finds a record by id first, then by name ignoring case: a file written by hand names things, an export ids. */
function byIdOrName<T extends { id: Id; name: string }>(records: readonly T[] = []) {
  const ids = new Map(records.map((r) => [r.id, r]))
  const names = new Map(records.map((r) => [r.name.trim().toLowerCase(), r]))
  return (ref: string): T | undefined => ids.get(ref) ?? names.get(ref.trim().toLowerCase())
}

/**
 * An `ImportLookup` over lists of records.
 *
 * @example
 * const lookup = importLookup({ unitGroups, products })
 * lookup.unitGroup('each')?.id // 'G1'
 */
export function importLookup(records: ImportLookupRecords): ImportLookup {
  const customers = new Map(
    (records.customers ?? []).flatMap((c) => (c.accountNumber ? [[c.accountNumber, c]] : [])),
  )
  const products = new Map((records.products ?? []).map((p) => [p.productNumber, p]))
  const items = new Map(
    (records.priceListItems ?? []).map((i) => [
      JSON.stringify([i.priceListId, i.productId, i.unitId]),
      i,
    ]),
  )
  return {
    customerByAccountNumber: (n) => customers.get(n),
    productByNumber: (n) => products.get(n),
    unitGroup: byIdOrName(records.unitGroups),
    priceList: byIdOrName(records.priceLists),
    discountList: byIdOrName(records.discountLists),
    priceListItem: (l, p, u) => items.get(JSON.stringify([l, p, u])),
  }
}
