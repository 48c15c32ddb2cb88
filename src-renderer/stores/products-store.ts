import { defineStore } from 'pinia'
import type { Product } from '@core/documents'
import type { ProductFilter } from '@renderer/data'
import { usePagedList } from './paged-list'

/** A page of products by number or name, with a prefix search on the sorted field. */
export const useProductsStore = defineStore('products', () =>
  usePagedList<ProductFilter, 'number' | 'name', Product>({
    sort: 'number',
    watch: (repos, req) => repos.catalog.watchProductPage(req),
  }),
)
