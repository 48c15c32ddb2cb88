/**
 * Creating and editing the records the workflows need: customers (accounts with contacts and addresses),
 * products (in a unit group, with list price and costs), unit groups, price lists and discount lists. Saving a
 * product or discount list whose prices changed reprices the unlocked documents that use it (the catalog
 * repository does that); every catalog save refreshes the reference lists the forms choose from.
 */
import { defineStore } from 'pinia'
import type { Customer, DiscountList, Id, PriceList, Product, UnitGroup } from '@core/documents'
import type { WriteResult } from '@renderer/data'
import { getRepositories } from '@renderer/app/database-provider'
import { STARTING_SETTINGS } from '@renderer/forms/settings-form'
import { useLookupStore } from './lookup-store'

export const useRecordEditorStore = defineStore('record-editor', () => {
  async function stamp(): Promise<{ id: Id; updatedAt: string }> {
    const { env } = await getRepositories()
    return { id: env.newId(), updatedAt: env.now() }
  }

  async function newCustomer(): Promise<Customer> {
    const { env } = await getRepositories()
    const address = { line1: '', city: '' }
    return {
      ...(await stamp()),
      name: '',
      ownerId: env.actor.userId,
      contacts: [],
      billTo: address,
      shipTo: address,
    }
  }

  async function saveCustomer(customer: Customer): Promise<WriteResult<Customer>> {
    return (await getRepositories()).customers.save(customer)
  }

  async function newProduct(): Promise<Product> {
    const group = useLookupStore().unitGroups[0]
    return {
      ...(await stamp()),
      productNumber: '',
      name: '',
      unitGroupId: group?.id ?? '',
      defaultUnitId: group?.primaryUnitId ?? '',
      retired: false,
    }
  }

  /** Refreshes what the forms choose from after a catalog record changed. */
  async function catalogChanged<T>(result: WriteResult<T>): Promise<WriteResult<T>> {
    if (!result.ok) return result
    const lookup = useLookupStore()
    lookup.forgetCatalog()
    await lookup.loadReference()
    return result
  }

  async function saveProduct(product: Product): Promise<WriteResult<Product>> {
    return catalogChanged(await (await getRepositories()).catalog.saveProduct(product))
  }

  /** A unit group with its base unit (quantity 1), named by the rep. */
  async function newUnitGroup(): Promise<UnitGroup> {
    const base = await stamp()
    const unitId = (await stamp()).id
    return {
      ...base,
      name: '',
      primaryUnitId: unitId,
      units: [{ id: unitId, name: '', quantity: '1' }],
    }
  }

  async function saveUnitGroup(group: UnitGroup): Promise<WriteResult<UnitGroup>> {
    return catalogChanged(await (await getRepositories()).catalog.saveUnitGroup(group))
  }

  async function newPriceList(): Promise<PriceList> {
    return { ...(await stamp()), name: '', currencyCode: useLookupStore().baseCurrencyCode }
  }

  /**
   * Saves the starting company settings when none are saved yet: a price list's currency, and every document
   * made from it, need the company's currencies stored (the rep can change them in Settings › Company).
   */
  async function ensureCompanySettings(): Promise<WriteResult<unknown>> {
    const repos = await getRepositories()
    const stored = await repos.settings.get()
    if (stored) return { ok: true, value: stored }
    // The record needs a company name; this one says plainly on a first print that it is still to be set.
    const profile = { ...STARTING_SETTINGS.profile, name: 'My Company' }
    return repos.settings.save({
      ...STARTING_SETTINGS,
      profile,
      id: 'company',
      updatedAt: repos.env.now(),
    })
  }

  async function savePriceList(list: PriceList): Promise<WriteResult<PriceList>> {
    const company = await ensureCompanySettings()
    if (!company.ok) return company
    return catalogChanged(await (await getRepositories()).catalog.savePriceList(list))
  }

  /** The company's first price list: "Standard (USD)" in its base currency, ready for a first invoice. */
  async function createFirstPriceList(): Promise<WriteResult<PriceList>> {
    const company = await ensureCompanySettings()
    if (!company.ok) return company
    await useLookupStore().loadReference()
    const code = useLookupStore().baseCurrencyCode
    return savePriceList({ ...(await stamp()), name: `Standard (${code})`, currencyCode: code })
  }

  async function newDiscountList(): Promise<DiscountList> {
    return { ...(await stamp()), name: '', type: 'percentage', bands: [] }
  }

  async function saveDiscountList(list: DiscountList): Promise<WriteResult<DiscountList>> {
    return catalogChanged(await (await getRepositories()).catalog.saveDiscountList(list))
  }

  async function newId(): Promise<Id> {
    return (await getRepositories()).env.newId()
  }

  return {
    newCustomer,
    saveCustomer,
    newProduct,
    saveProduct,
    newUnitGroup,
    saveUnitGroup,
    newPriceList,
    savePriceList,
    createFirstPriceList,
    newDiscountList,
    saveDiscountList,
    newId,
  }
})
