/**
 * Creating and editing the records the workflows need: customers (accounts with contacts and addresses) and
 * products (in a unit group, with list price and costs). Saving a product whose price changed reprices the
 * unlocked documents that use it (the catalog repository does that).
 */
import { defineStore } from 'pinia'
import type { Customer, Id, Product } from '../../src-core/documents'
import type { WriteResult } from '../data'
import { localRepositories } from './local-repositories'
import { useLookupStore } from './lookup-store'

export const useRecordEditorStore = defineStore('record-editor', () => {
  async function newCustomer(): Promise<Customer> {
    const { env } = await localRepositories()
    const address = { line1: '', city: '' }
    return {
      id: env.newId(),
      updatedAt: env.now(),
      name: '',
      ownerId: env.actor.userId,
      contacts: [],
      billTo: address,
      shipTo: address,
    }
  }

  async function saveCustomer(customer: Customer): Promise<WriteResult<Customer>> {
    return (await localRepositories()).customers.save(customer)
  }

  async function newProduct(): Promise<Product> {
    const { env } = await localRepositories()
    const group = useLookupStore().unitGroups[0]
    return {
      id: env.newId(),
      updatedAt: env.now(),
      productNumber: '',
      name: '',
      unitGroupId: group?.id ?? '',
      defaultUnitId: group?.primaryUnitId ?? '',
      retired: false,
    }
  }

  async function saveProduct(product: Product): Promise<WriteResult<Product>> {
    const result = await (await localRepositories()).catalog.saveProduct(product)
    if (result.ok) useLookupStore().forgetCatalog()
    return result
  }

  async function newId(): Promise<Id> {
    return (await localRepositories()).env.newId()
  }

  return { newCustomer, saveCustomer, newProduct, saveProduct, newId }
})
