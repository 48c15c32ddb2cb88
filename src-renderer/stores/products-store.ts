import { defineStore } from 'pinia'
import type { Product } from '@core/documents'
import { decimalSortKey, type ProductFilter } from '@renderer/data'
import { byText, containsText } from './list-scan'
import { useLookupStore } from './lookup-store'
import { usePagedList } from './paged-list'

/** A column of the Products list; each one sorts. */
export type ProductColumn = 'number' | 'name' | 'unit' | 'listPrice' | 'currency'

/** A page of products by number or name, searched anywhere in the product ID or the name. */
export const useProductsStore = defineStore('products', () =>
  usePagedList<ProductFilter & { search?: string }, ProductColumn, Product>({
    sort: 'number',
    pageSize: 25,
    watch: (repos, req) =>
      repos.catalog.watchProductPage({
        ...req,
        filter: {},
        sort: req.sort === 'name' ? 'name' : 'number',
      }),
    scan: {
      follows: ['products', 'catalogrefs'],
      needed: (filter, sort) => !!filter.search || (sort !== 'number' && sort !== 'name'),
      read: (repos, req) => repos.catalog.productPage({ ...req, filter: {}, sort: 'number' }),
      async prepare(_repos, filter, sort, descending) {
        const lookup = useLookupStore()
        await lookup.loadReference()
        const text = filter.search ?? ''
        const of: Record<ProductColumn, (p: Product) => string | undefined> = {
          number: (p) => p.productNumber,
          name: (p) => p.name,
          unit: (p) => lookup.unitName(p.defaultUnitId),
          listPrice: (p) => (p.listPrice ? decimalSortKey(p.listPrice) : undefined),
          // Every list price is in the company's base currency: priced products first, by ID.
          currency: (p) => (p.listPrice ? p.productNumber : undefined),
        }
        return {
          keep: (p: Product) =>
            !text || containsText(p.productNumber, text) || containsText(p.name, text),
          compare: byText(of[sort], descending),
        }
      },
    },
  }),
)
