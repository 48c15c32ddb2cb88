/**
 * Price Lists: the lists, the items of the one on screen (product, unit, pricing method, amount or percentage,
 * rounding, discount list), and saving an item, which reprices the unlocked orders and invoices that use it.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { DiscountList, Id, PriceList, PriceListItem, Product } from '@core/documents'
import { PRICING_METHOD_LABELS } from '@core/pricing/method-labels'
import { decimalSortKey, type WriteResult } from '@renderer/data'
import { byText, containsText } from './list-scan'
import { getRepositories } from '@renderer/app/database-provider'
import { useLookupStore } from './lookup-store'

/** An item with what a rep reads on it. */
export interface PriceListRow {
  item: PriceListItem
  productName: string
  productNumber: string
  unitName: string
}

export { PRICING_METHOD_LABELS }

/** A column of the price list items; each one sorts. */
export type PriceListColumn =
  'productNumber' | 'product' | 'unit' | 'method' | 'amount' | 'currency' | 'percentage'

const COLUMN_TEXT: Record<PriceListColumn, (r: PriceListRow) => string | undefined> = {
  productNumber: (r) => r.productNumber,
  product: (r) => r.productName,
  unit: (r) => r.unitName,
  method: (r) => PRICING_METHOD_LABELS[r.item.pricingMethod],
  amount: (r) => (r.item.amount ? decimalSortKey(r.item.amount) : undefined),
  // One list, one currency: amounts first (in product order), percentages after.
  currency: (r) => (r.item.pricingMethod === 'currencyAmount' ? r.productNumber : undefined),
  percentage: (r) => (r.item.percentage ? decimalSortKey(r.item.percentage) : undefined),
}

export const usePriceListStore = defineStore('price-list', () => {
  const lists = shallowRef<PriceList[]>([])
  const discountLists = shallowRef<DiscountList[]>([])
  const selectedId = ref<Id | undefined>()
  const rows = shallowRef<PriceListRow[]>([])
  const loading = ref(false)
  // The items of one price list are few enough to search, sort and page in memory.
  const search = ref('')
  const page = ref(0)
  const pageSize = ref(25)
  const sort = ref<PriceListColumn>('productNumber')
  const descending = ref(false)
  const matching = computed(() => {
    const text = search.value.trim()
    const found = text
      ? rows.value.filter(
          (r) => containsText(r.productNumber, text) || containsText(r.productName, text),
        )
      : [...rows.value]
    return found.sort(byText(COLUMN_TEXT[sort.value], descending.value))
  })
  /** The items on screen, and how many match. */
  const shown = computed(() =>
    matching.value.slice(page.value * pageSize.value, (page.value + 1) * pageSize.value),
  )
  const total = computed(() => matching.value.length)

  function setSearch(text: string): void {
    search.value = text
    page.value = 0
  }

  function setSort(next: PriceListColumn, isDescending: boolean): void {
    sort.value = next
    descending.value = isDescending
    page.value = 0
  }

  function setPage(next: number, size: number): void {
    page.value = next
    pageSize.value = size
  }

  async function load(): Promise<void> {
    const repos = await getRepositories()
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
      const repos = await getRepositories()
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
    page.value = 0
    await loadItems()
  }

  async function saveItem(item: PriceListItem): Promise<WriteResult<PriceListItem>> {
    const result = await (await getRepositories()).catalog.savePriceListItem(item)
    if (result.ok) {
      useLookupStore().forgetCatalog()
      await loadItems()
    }
    return result
  }

  return {
    lists,
    discountLists,
    selectedId,
    rows,
    loading,
    search,
    page,
    pageSize,
    sort,
    descending,
    shown,
    total,
    load,
    reload,
    select,
    saveItem,
    setSearch,
    setSort,
    setPage,
  }
})
