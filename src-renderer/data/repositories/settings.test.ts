import { afterEach, describe, expect, it } from 'vitest'
import { settings } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, openTestDatabase, testEnv } from '../test-support/test-db'
import { createRepositories, type Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

describe('settings repository', () => {
  it('stores the one company settings record and refuses a malformed one', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    expect(await repos.settings.isEmpty()).toBe(true)
    expect(await repos.settings.get()).toBeUndefined()
    ok(await repos.settings.save(settings))
    expect(await repos.settings.isEmpty()).toBe(false)
    expect((await repos.settings.get())?.baseCurrencyCode).toBe('USD')
    const bad = await repos.settings.save({ ...settings, pricingPrecision: 9 })
    expect(bad.ok).toBe(false)
  })

  it('hands out each number once, even when asked concurrently, and remembers the counter', async () => {
    const db = await openTestDatabase()
    repos = createRepositories(db, testEnv())
    ok(await repos.settings.save(settings))
    const numbers = await Promise.all(
      Array.from({ length: 5 }, () => repos!.settings.nextNumber('invoice')),
    )
    expect(new Set(numbers).size).toBe(5)
    expect(numbers.map((n) => n.slice(0, 9)).sort()).toEqual([
      'INV-00001',
      'INV-00002',
      'INV-00003',
      'INV-00004',
      'INV-00005',
    ])
    // A new repository (the page reloaded) continues where the last one stopped.
    const again = createRepositories(db, testEnv())
    expect((await again.settings.nextNumber('invoice')).slice(0, 9)).toBe('INV-00006')
    expect((await again.settings.nextNumber('order')).slice(0, 9)).toBe('ORD-00001')
  })

  it('keeps a logo, refuses one that is not a PNG or JPEG, and numbers with the saved format', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    const logo = { mediaType: 'image/png' as const, dataBase64: 'iVBORw0KGgoBAgM=' }
    ok(await repos.settings.save({ ...settings, profile: { ...settings.profile, logo } }))
    expect((await repos.settings.get())?.profile.logo).toEqual(logo)
    const gif = { mediaType: 'image/gif', dataBase64: 'R0lGODlh' } as unknown as typeof logo
    expect(
      (await repos.settings.save({ ...settings, profile: { ...settings.profile, logo: gif } })).ok,
    ).toBe(false)
    expect((await repos.settings.get())?.profile.logo).toEqual(logo)

    const first = await repos.settings.nextNumber('invoice')
    expect(first).toMatch(/^INV-00001-/)
    const numbering = {
      ...settings.numbering,
      invoice: { prefix: 'FB', separator: '/', padding: 7, suffixLength: 4 },
    }
    ok(await repos.settings.save({ ...settings, numbering }))
    // The counter goes on; only the format changes.
    expect(await repos.settings.nextNumber('invoice')).toMatch(/^FB\/0000002\/[2-9A-Z]{4}$/)
  })
})
