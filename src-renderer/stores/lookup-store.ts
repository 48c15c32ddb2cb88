/**
 * What the document forms look things up in: customers by name, the price lists, the company's currencies, the
 * products a price list sells (with their units), a customer's opportunities. Small reference lists are cached;
 * customers and opportunities are searched page by page.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type {
  CompanySettings,
  Customer,
  Id,
  Opportunity,
  PriceList,
  PriceListItem,
  Product,
  Unit,
  UnitGroup,
} from '@core/documents'
import type { WriteResult } from '@renderer/data'
import { STARTING_SETTINGS } from '@renderer/forms/settings-form'
import { getRepositories } from '@renderer/app/database-provider'

/** A product the price list sells, with the units it has a price in. */
export interface SellableProduct {
  product: Product
  units: Unit[]
  items: PriceListItem[]
}

export const useLookupStore = defineStore('lookup', () => {
  const settings = shallowRef<CompanySettings | undefined>()
  const priceLists = shallowRef<PriceList[]>([])
  const unitGroups = shallowRef<UnitGroup[]>([])
  const sellable = new Map<Id, Promise<SellableProduct[]>>()
  /** Customers already read, for the names shown in lists (a page needs only a few dozen). */
  const known = shallowRef<ReadonlyMap<Id, Customer>>(new Map())

  /**
   * The company's currencies and base currency; before Settings › Company is first saved, the starting ones
   * (what that form proposes), so a first invoice or price list has a currency to take.
   */
  const currencies = computed(() => (settings.value ?? STARTING_SETTINGS).currencies)
  const baseCurrencyCode = computed(() => (settings.value ?? STARTING_SETTINGS).baseCurrencyCode)

  /** True once the reference lists were read: before that, an empty list means "not read yet", not "none". */
  const referenceLoaded = shallowRef(false)

  async function loadReference(): Promise<void> {
    const repos = await getRepositories()
    const [s, lists, groups] = await Promise.all([
      repos.settings.get(),
      repos.catalog.priceLists(),
      repos.catalog.unitGroups(),
    ])
    settings.value = s
    priceLists.value = lists
    unitGroups.value = groups
    referenceLoaded.value = true
  }

  async function searchCustomers(text: string, limit = 20): Promise<Customer[]> {
    const repos = await getRepositories()
    const page = await repos.customers.page({
      page: 0,
      pageSize: limit,
      sort: 'name',
      filter: text.trim() ? { namePrefix: text.trim() } : {},
    })
    return page.rows
  }

  /** Products whose name starts with the text (retired ones included: a price may still be set for them). */
  async function searchProducts(text: string, limit = 20): Promise<Product[]> {
    const repos = await getRepositories()
    const prefix = text.trim()
    const page = await repos.catalog.productPage({
      page: 0,
      pageSize: limit,
      sort: 'name',
      filter: prefix ? { prefix } : {},
    })
    return page.rows
  }

  async function customer(id: Id): Promise<Customer | undefined> {
    return (await getRepositories()).customers.get(id)
  }

  /** Creates a customer from the few fields a rep types inline; both addresses start the same. */
  async function createCustomer(input: {
    name: string
    line1: string
    city: string
  }): Promise<WriteResult<Customer>> {
    const repos = await getRepositories()
    const address = { line1: input.line1.trim(), city: input.city.trim() }
    return repos.customers.save({
      id: repos.env.newId(),
      updatedAt: repos.env.now(),
      name: input.name.trim(),
      ownerId: repos.env.actor.userId,
      contacts: [],
      billTo: address,
      shipTo: address,
    })
  }

  function unitsOf(productId: Id, items: PriceListItem[], groups: UnitGroup[], product: Product) {
    const group = groups.find((g) => g.id === product.unitGroupId)
    const unitIds = new Set(items.filter((i) => i.productId === productId).map((i) => i.unitId))
    return (group?.units ?? []).filter((u) => unitIds.has(u.id))
  }

  async function loadSellable(priceListId: Id): Promise<SellableProduct[]> {
    const repos = await getRepositories()
    const [items, groups] = await Promise.all([
      repos.catalog.priceListItems(priceListId),
      repos.catalog.unitGroups(),
    ])
    const ids = [...new Set(items.map((i) => i.productId))]
    const products = await Promise.all(ids.map((id) => repos.catalog.getProduct(id)))
    return products
      .filter((p): p is Product => !!p && !p.retired)
      .map((product) => ({
        product,
        units: unitsOf(product.id, items, groups, product),
        items: items.filter((i) => i.productId === product.id),
      }))
      .sort((a, b) => a.product.name.localeCompare(b.product.name))
  }

  /** The products a price list has a price for (retired ones left out), cached until `forgetCatalog`. */
  function sellableProducts(priceListId: Id): Promise<SellableProduct[]> {
    let found = sellable.get(priceListId)
    if (!found) {
      found = loadSellable(priceListId)
      sellable.set(priceListId, found)
    }
    return found
  }

  function forgetCatalog() {
    sellable.clear()
  }

  /** Reads the customers of a list page that are not known yet, so `customerName` can show them. */
  async function rememberCustomers(ids: readonly Id[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !known.value.has(id))
    if (missing.length === 0) return
    const repos = await getRepositories()
    const found = await Promise.all(missing.map((id) => repos.customers.get(id)))
    const next = new Map(known.value)
    for (const c of found) if (c) next.set(c.id, c)
    known.value = next
  }

  function customerName(id: Id): string {
    return known.value.get(id)?.name ?? ''
  }

  async function opportunitiesOf(customerId: Id): Promise<Opportunity[]> {
    const repos = await getRepositories()
    const page = await repos.opportunities.page({ page: 0, pageSize: 100, filter: { customerId } })
    return page.rows
  }

  function unitName(unitId: Id | undefined): string {
    if (!unitId) return ''
    for (const g of unitGroups.value) {
      const unit = g.units.find((u) => u.id === unitId)
      if (unit) return unit.name
    }
    return ''
  }

  return {
    settings,
    currencies,
    baseCurrencyCode,
    referenceLoaded,
    priceLists,
    unitGroups,
    loadReference,
    searchCustomers,
    searchProducts,
    customer,
    createCustomer,
    sellableProducts,
    forgetCatalog,
    opportunitiesOf,
    unitName,
    rememberCustomers,
    customerName,
  }
})
