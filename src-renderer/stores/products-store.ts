import { defineStore } from 'pinia'
import type { Product } from '@core/documents'
import { decimalSortKey, matchesSearch, searchWords, type ProductFilter } from '@renderer/data'
import { byText } from './list-scan'
import { useLookupStore } from './lookup-store'
import { usePagedList } from './paged-list'

/** A column of the Products list; each one sorts. */
export type ProductColumn = 'number' | 'name' | 'unit' | 'listPrice' | 'currency'

/**
 * A page of products by number or name, searched by any part of the product ID or any word start of the name
 * (the repository's kept index; a sort on another column scans with the same match).
 */
export const useProductsStore = defineStore('products', () =>
  usePagedList<ProductFilter, ProductColumn, Product>({
    sort: 'number',
    pageSize: 25,
    watch: (repos, req) =>
      repos.catalog.watchProductPage({
        ...req,
        filter: { search: req.filter?.search },
        sort: req.sort === 'name' ? 'name' : 'number',
      }),
    scan: {
      follows: ['products', 'catalogrefs'],
      needed: (_filter, sort) => sort !== 'number' && sort !== 'name',
      read: (repos, req) => repos.catalog.productPage({ ...req, filter: {}, sort: 'number' }),
      async prepare(_repos, filter, sort, descending) {
        const lookup = useLookupStore()
        await lookup.loadReference()
        const text = filter.search?.trim() ?? ''
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
            !text ||
            matchesSearch(text, [p.productNumber.toLocaleLowerCase('en-US')], searchWords(p.name)),
          compare: byText(of[sort], descending),
        }
      },
    },
  }),
)
