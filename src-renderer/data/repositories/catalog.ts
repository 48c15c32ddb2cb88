/**
 * The catalog: products, unit groups, price lists, price list items and discount lists. Saving anything that
 * changes a price reprices the unlocked active orders and invoices that use it (repricing.ts); locked documents
 * keep their prices.
 */
import type { Observable } from 'rxjs'
import {
  catalogFromRecords,
  checkDiscountList,
  checkPriceList,
  checkUnitGroup,
  firstError,
  type Catalog,
  type FieldErrors,
  type DiscountList,
  type Id,
  type PriceList,
  type PriceListItem,
  type Product,
  type UnitGroup,
} from '@core/documents'
import {
  discountListRecordSchema,
  priceListItemRecordSchema,
  priceListRecordSchema,
  productRecordSchema,
  unitGroupRecordSchema,
} from '@core/documents/record-schemas'
import type { Schema } from '@core/schema'
import type { Database } from '../collections'
import {
  fromCatalogRefDoc,
  fromProductDoc,
  plain,
  toCatalogRefDoc,
  toProductDoc,
  type CatalogRefs,
} from '../stored'
import { prefixRange } from './customers'
import { invalid, type RepositoryEnv, type WriteResult } from './env'
import { PRODUCT_INDEX } from './document-list-index'
import { readPage, watchPage, type ListQuery, type Page, type PageRequest } from './paging'
import { readIndexSearch, watchIndexSearch, type IndexSearch } from './record-search'
import type { RepriceResult } from './repository-types'

export interface ProductFilter {
  /** Names (sort 'name') or product numbers (sort 'number') starting with this text. */
  prefix?: string
  /** Any part of the product ID or any word start of the name, answered by the kept index. */
  search?: string
}

export type ProductPageRequest = PageRequest<ProductFilter, 'number' | 'name'>

/** Called after a price changed; the catalog repository does not know about documents itself. */
export type PriceChangeHandler = (change: {
  productIds: Id[]
  priceListId?: Id
}) => Promise<RepriceResult>

function productQuery(req: ProductPageRequest): ListQuery {
  const byName = req.sort === 'name'
  const field = byName ? 'nameKey' : 'productNumber'
  const selector: ListQuery['selector'] = {}
  if (req.filter?.prefix) {
    const prefix = req.filter.prefix
    selector[field] = byName ? prefixRange(prefix) : { $gte: prefix, $lt: `${prefix}\uffff` }
  }
  return { selector, sort: [field], descending: req.descending ?? false }
}

/** A search of the list through the kept products index, or undefined when the list has no search text. */
function productSearch(req: ProductPageRequest): IndexSearch<Product> | undefined {
  const text = req.filter?.search?.trim()
  if (!text) return undefined
  return {
    spec: PRODUCT_INDEX,
    text,
    sortField: req.sort === 'name' ? 'nameKey' : 'productNumber',
    toRecord: fromProductDoc,
  }
}

const LABELS: Record<keyof CatalogRefs, string> = {
  unitGroup: 'unit group',
  priceList: 'price list',
  discountList: 'discount list',
}

const PRICE_FIELDS = ['listPrice', 'standardCost', 'currentCost', 'retired', 'name'] as const

export interface CatalogRepository {
  getProduct(id: Id): Promise<Product | undefined>
  productPage(req: ProductPageRequest): Promise<Page<Product>>
  watchProductPage(req: ProductPageRequest): Observable<Page<Product>>
  saveProduct(product: Product): Promise<WriteResult<Product>>
  unitGroups(): Promise<UnitGroup[]>
  saveUnitGroup(group: UnitGroup): Promise<WriteResult<UnitGroup>>
  priceLists(): Promise<PriceList[]>
  savePriceList(list: PriceList): Promise<WriteResult<PriceList>>
  discountLists(): Promise<DiscountList[]>
  saveDiscountList(list: DiscountList): Promise<WriteResult<DiscountList>>
  priceListItems(priceListId: Id): Promise<PriceListItem[]>
  savePriceListItem(item: PriceListItem): Promise<WriteResult<PriceListItem>>
  /** The catalog the document rules price from, limited to one price list and the given products. */
  catalogFor(priceListId: Id, productIds: readonly Id[]): Promise<Catalog>
}

export function createCatalogRepository(
  db: Database,
  env: RepositoryEnv,
  onPriceChange: PriceChangeHandler,
): CatalogRepository {
  async function refs<K extends keyof CatalogRefs>(kind: K): Promise<CatalogRefs[K][]> {
    const docs = await db.catalogrefs
      .find({ selector: { kind }, sort: [{ nameKey: 'asc' }] })
      .exec()
    return docs.map((d) => fromCatalogRefDoc<K>(d.toJSON()))
  }

  async function saveRef<K extends keyof CatalogRefs>(
    kind: K,
    schema: Schema<CatalogRefs[K]>,
    record: CatalogRefs[K],
    check: (record: CatalogRefs[K]) => FieldErrors,
  ): Promise<WriteResult<CatalogRefs[K]>> {
    const wrong = firstError(check(record))
    if (wrong) return invalid(LABELS[kind], wrong)
    const parsed = schema.safeParse({ ...record, updatedAt: env.now() })
    if (!parsed.ok) return invalid(kind, parsed.error)
    await db.catalogrefs.upsert(toCatalogRefDoc(kind, parsed.value))
    return { ok: true, value: parsed.value }
  }

  async function productsUsing(discountListId: Id): Promise<Id[]> {
    // Few items reference a discount list and this runs only when a list is edited: a scan is fine here.
    const items = await db.pricelistitems.find({ selector: { discountListId } }).exec()
    return [...new Set(items.map((i) => i.productId))]
  }

  return {
    async getProduct(id) {
      const doc = await db.products.findOne(id).exec()
      return doc ? fromProductDoc(doc.toJSON()) : undefined
    },
    productPage(req) {
      const search = productSearch(req)
      if (search) return readIndexSearch(db, search, req)
      return readPage(db.products, productQuery(req), req, fromProductDoc)
    },
    watchProductPage(req) {
      const search = productSearch(req)
      if (search) return watchIndexSearch(db, search, req)
      return watchPage(db.products, productQuery(req), req, fromProductDoc)
    },
    async saveProduct(product) {
      const parsed = productRecordSchema.safeParse({ ...product, updatedAt: env.now() })
      if (!parsed.ok) return invalid('product', parsed.error)
      const before = await db.products.findOne(product.id).exec()
      await db.products.upsert(toProductDoc(parsed.value))
      const changed = PRICE_FIELDS.some((f) => before?.get(f) !== parsed.value[f])
      if (before && changed) await onPriceChange({ productIds: [product.id] })
      return { ok: true, value: parsed.value }
    },
    unitGroups: () => refs('unitGroup'),
    saveUnitGroup: (group) => saveRef('unitGroup', unitGroupRecordSchema, group, checkUnitGroup),
    priceLists: () => refs('priceList'),
    savePriceList: (list) => saveRef('priceList', priceListRecordSchema, list, checkPriceList),
    discountLists: () => refs('discountList'),
    async saveDiscountList(list) {
      const saved = await saveRef('discountList', discountListRecordSchema, list, checkDiscountList)
      if (saved.ok) await onPriceChange({ productIds: await productsUsing(list.id) })
      return saved
    },
    async priceListItems(priceListId) {
      const docs = await db.pricelistitems.find({ selector: { priceListId } }).exec()
      return docs.map((d) => plain<PriceListItem>(d.toJSON()))
    },
    async savePriceListItem(item) {
      const parsed = priceListItemRecordSchema.safeParse({ ...item, updatedAt: env.now() })
      if (!parsed.ok) return invalid('price list item', parsed.error)
      const { priceListId, productId, unitId } = parsed.value
      const same = await db.pricelistitems.find({ selector: { priceListId, productId } }).exec()
      if (same.some((d) => d.get('unitId') === unitId && d.get('id') !== item.id))
        return invalid('price list item', 'this price list already has a price for it in that unit')
      await db.pricelistitems.upsert(parsed.value)
      await onPriceChange({ productIds: [item.productId], priceListId: item.priceListId })
      return { ok: true, value: parsed.value }
    },
    async catalogFor(priceListId, productIds) {
      const ids = [...new Set(productIds)]
      if (ids.length === 0)
        return catalogFromRecords({ products: [], priceListItems: [], discountLists: [] })
      // One exact index range per product: an `$in` is read as the range from its smallest to its largest id,
      // which on a large price list is most of the list (RxDB's query-planner.js, getInQueryRangeOpts).
      const [products, itemLists] = await Promise.all([
        db.products.findByIds(ids).exec(),
        Promise.all(
          ids.map((productId) =>
            db.pricelistitems.find({ selector: { priceListId, productId } }).exec(),
          ),
        ),
      ])
      const items = itemLists.flat()
      const listIds = [...new Set(items.map((i) => i.discountListId).filter((x): x is Id => !!x))]
      const lists = listIds.length ? await db.catalogrefs.findByIds(listIds).exec() : new Map()
      return catalogFromRecords({
        products: [...products.values()].map((d) => fromProductDoc(d.toJSON())),
        priceListItems: items.map((d) => plain<PriceListItem>(d.toJSON())),
        discountLists: [...lists.values()].map((d) =>
          fromCatalogRefDoc<'discountList'>((d as { toJSON(): object }).toJSON()),
        ),
      })
    },
  }
}
