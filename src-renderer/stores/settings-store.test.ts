import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRepositories, provideRepositories, type Repositories } from '@renderer/data'
import { closeDatabase, openTestDatabase, testEnv } from '@renderer/data/test-support/test-db'
import { useSettingsStore } from './settings-store'

let repos: Repositories | undefined
beforeEach(() => {
  // Node 20 has no navigator; the form reads numbers in the rep's locale.
  vi.stubGlobal('navigator', { language: 'en-US' })
  setActivePinia(createPinia())
})
afterEach(async () => {
  vi.unstubAllGlobals()
  provideRepositories(undefined)
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

describe('Settings > Company', () => {
  it('saves a new company only once every field is valid, and loads it back', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    provideRepositories(repos)
    const store = useSettingsStore()
    await store.editCompany()
    expect(store.dirty).toBe(false)

    store.draft = { ...store.draft, name: 'Fabrikam', pricingPrecision: '5' }
    expect(store.dirty).toBe(true)
    expect(await store.saveCompany()).toBe(false)
    expect(store.errors).toEqual({
      pricingPrecision: 'Pricing Decimal Precision: must be from 0 to 4',
    })
    expect(await repos.settings.get()).toBeUndefined()

    store.draft = { ...store.draft, pricingPrecision: '3', discountMethod: 'perUnit' }
    expect(await store.saveCompany()).toBe(true)
    expect(store.dirty).toBe(false)
    expect(store.errors).toEqual({})
    expect(await repos.settings.get()).toMatchObject({
      profile: { name: 'Fabrikam' },
      pricingPrecision: 3,
      discountMethod: 'perUnit',
    })

    setActivePinia(createPinia())
    const again = useSettingsStore()
    await again.editCompany()
    expect(again.draft).toMatchObject({
      name: 'Fabrikam',
      pricingPrecision: '3',
      discountMethod: 'perUnit',
    })
  })
})
