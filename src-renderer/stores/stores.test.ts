import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, defineStore, setActivePinia } from 'pinia'
import type { Invoice } from '@core/documents'
import {
  createRepositories,
  type DocumentSort,
  type InvoiceFilter,
  type Repositories,
} from '@renderer/data'
import { provideRepositories } from '@renderer/app/database-provider'
import {
  closeDatabase,
  ok,
  openTestDatabase,
  seededRepositories,
  testEnv,
} from '@renderer/data/test-support/test-db'
import { useCustomersStore } from './customers-store'
import { useInvoiceListStore } from './invoice-list-store'
import { useOrdersStore } from './orders-store'
import { usePagedList } from './paged-list'
import { useProductsStore } from './products-store'
import { useSettingsStore } from './settings-store'

let repos: Repositories | undefined

beforeEach(() => setActivePinia(createPinia()))
afterEach(async () => {
  vi.unstubAllGlobals()
  provideRepositories(undefined)
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

/** Waits until the condition holds (live queries emit asynchronously). */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('paged list stores', () => {
  it('hold one page and follow the database', async () => {
    repos = await seededRepositories()
    provideRepositories(repos)
    for (let i = 0; i < 3; i++) ok(await repos.invoices.create({ customerId: 'C1', name: `I${i}` }))
    const store = defineStore('paged-invoices', () =>
      usePagedList<InvoiceFilter, DocumentSort, Invoice>({
        sort: 'createdAt',
        watch: (r, req) => r.invoices.watchPage(req),
      }),
    )()
    store.pageSize = 2
    await store.start()
    await until(() => store.total === 3)
    expect(store.rows).toHaveLength(2)
    store.page = 1
    await until(() => store.rows.length === 1)
    ok(await repos.invoices.create({ customerId: 'C1', name: 'I3' }))
    await until(() => store.total === 4 && store.rows.length === 2).catch((e) => {
      throw new Error(
        `${String(e)} total=${store.total} rows=${store.rows.length} page=${store.page}`,
      )
    })
    store.setFilter({ state: 'paid' })
    await until(() => store.total === 0)
    expect(store.page).toBe(0)
    store.stop()
  })

  it('list orders, customers and products', async () => {
    repos = await seededRepositories()
    provideRepositories(repos)
    ok(await repos.orders.create({ customerId: 'C1', name: 'O1' }))
    const orders = useOrdersStore()
    const customers = useCustomersStore()
    const products = useProductsStore()
    await Promise.all([orders.start(), customers.start(), products.start()])
    await until(() => orders.total === 1 && customers.total === 1 && products.total === 3)
    products.setSort('name')
    products.setFilter({ search: 'idg' })
    await until(() => products.total === 1)
    expect(products.rows[0]?.name).toBe('Widget')
  })

  it('find invoices by their customer’s name and sort them on any column', async () => {
    repos = await seededRepositories()
    provideRepositories(repos)
    for (const name of ['Barn', 'Attic', 'Cellar'])
      ok(await repos.invoices.create({ customerId: 'C1', name }))
    const list = useInvoiceListStore()
    await list.start()
    await until(() => list.totalKnown && list.total === 3)
    list.setListFilter({ search: 'CONT' })
    await until(() => list.totalKnown && list.total === 3 && list.rows.length === 3)
    list.setListFilter({ search: 'att' })
    await until(() => list.total === 1)
    expect(list.rows.map((r) => r.name)).toEqual(['Attic'])
    list.setListFilter({})
    list.setSort('name', true)
    await until(() => list.rows[0]?.name === 'Cellar')
    expect(list.rows.map((r) => r.name)).toEqual(['Cellar', 'Barn', 'Attic'])
    expect(list.total).toBe(3)
    list.stop()
  })

  it('follow a save while a search is on (a searched list is read by a scan)', async () => {
    repos = await seededRepositories()
    provideRepositories(repos)
    const customers = useCustomersStore()
    await customers.start()
    customers.setFilter({ search: 'cont' })
    await until(() => customers.total === 1)
    const shown = customers.rows[0]!
    ok(await repos.customers.save({ ...shown, accountNumber: 'ACC-NEW' }))
    await until(() => customers.rows[0]?.accountNumber === 'ACC-NEW')
    ok(await repos.customers.save({ ...shown, name: 'Renamed' }))
    await until(() => customers.total === 0)
    customers.stop()
  })
})

/** A page's localStorage and sessionStorage (one Map each). */
function stubStorage(local: Record<string, string> = {}): void {
  const storage = (items: Map<string, string>) => ({
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  })
  vi.stubGlobal('localStorage', storage(new Map(Object.entries(local))))
  vi.stubGlobal('sessionStorage', storage(new Map()))
}

describe('settings store', () => {
  it('from the rep’s own data, opens the sample company’s database and asks it to load', async () => {
    stubStorage()
    const reload = vi.fn()
    vi.stubGlobal(
      'window',
      Object.assign(new EventTarget(), { location: { reload }, open: () => null }),
    )
    vi.stubGlobal('navigator', { onLine: true })
    repos = createRepositories(await openTestDatabase(), testEnv())
    provideRepositories(repos)
    await useSettingsStore().loadSampleCompany()
    expect(reload).toHaveBeenCalledOnce()
    expect(localStorage.getItem('fieldbill.openDatabase')).toBe('sample')
    // Nothing was written to the rep's database.
    expect(await repos.settings.isEmpty()).toBe(true)
  })

  it('loads the sample company with progress, then refuses a second time', async () => {
    // The page has reloaded into the sample company's database.
    stubStorage({ 'fieldbill.openDatabase': 'sample' })
    const db = await openTestDatabase()
    repos = createRepositories(db, testEnv())
    provideRepositories(repos)
    const store = useSettingsStore()
    await store.loadSampleCompany()
    expect(store.sampleState).toBe('done')
    expect(store.sampleProgress).toBe(100)
    expect(store.message).toMatch(/^Sample company loaded/)
    expect(store.settings?.profile.name).toBe('Cascade Field Supply')
    await store.loadSampleCompany()
    expect(store.sampleState).toBe('failed')
    expect(store.message).toMatch(/only be loaded into an empty database/)
  })
})
