/**
 * Price Lists: the lists, the items of the one on screen (product, unit, pricing method, amount or percentage,
 * rounding, discount list), and saving an item, which reprices the unlocked orders and invoices that use it.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { DiscountList, Id, PriceList, PriceListItem, Product } from '@core/documents'
import type { WriteResult } from '@renderer/data'
import { localRepositories } from '@renderer/app/local-repositories'
import { useLookupStore } from './lookup-store'

/** An item with what a rep reads on it. */
export interface PriceListRow {
  item: PriceListItem
  productName: string
  productNumber: string
  unitName: string
}

export const usePriceListStore = defineStore('price-list', () => {
  const lists = shallowRef<PriceList[]>([])
  const discountLists = shallowRef<DiscountList[]>([])
  const selectedId = ref<Id | undefined>()
  const rows = shallowRef<PriceListRow[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    const repos = await localRepositories()
    const [all, discounts] = await Promise.all([
      repos.catalog.priceLists(),
      repos.catalog.discountLists(),
    ])
    lists.value = all
    discountLists.value = discounts
    selectedId.value ??= all[0]?.id
    await loadItems()
  }

  async function loadItems(): Promise<void> {
    const id = selectedId.value
    if (!id) return
    loading.value = true
    try {
      const repos = await localRepositories()
      const lookup = useLookupStore()
      await lookup.loadReference()
      const items = await repos.catalog.priceListItems(id)
      const ids = [...new Set(items.map((i) => i.productId))]
      const products = new Map<Id, Product>()
      for (const p of await Promise.all(ids.map((pid) => repos.catalog.getProduct(pid))))
        if (p) products.set(p.id, p)
      rows.value = items
        .map((item) => ({
          item,
          productName: products.get(item.productId)?.name ?? item.productId,
          productNumber: products.get(item.productId)?.productNumber ?? '',
          unitName: lookup.unitName(item.unitId),
        }))
        .sort((a, b) => a.productNumber.localeCompare(b.productNumber))
    } finally {
      loading.value = false
    }
  }

  /** Reads the price lists and discount lists again (one was created or changed) and shows `id`. */
  async function reload(id?: Id): Promise<void> {
    if (id) selectedId.value = id
    await load()
  }

  async function select(id: Id): Promise<void> {
    selectedId.value = id
    await loadItems()
  }

  async function saveItem(item: PriceListItem): Promise<WriteResult<PriceListItem>> {
    const result = await (await localRepositories()).catalog.savePriceListItem(item)
    if (result.ok) {
      useLookupStore().forgetCatalog()
      await loadItems()
    }
    return result
  }

  return { lists, discountLists, selectedId, rows, loading, load, reload, select, saveItem }
})
