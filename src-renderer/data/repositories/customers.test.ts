import { afterEach, describe, expect, it } from 'vitest'
import { customer } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, openTestDatabase, testEnv } from '../test-support/test-db'
import { createRepositories, type Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

describe('customer repository', () => {
  it('saves, reads back exactly, and pages by name case-insensitively with a prefix search', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    for (const name of ['contoso', 'Adatum', 'Fabrikam', 'Coho Winery'])
      ok(await repos.customers.save({ ...customer, id: name, name }))
    const saved = await repos.customers.get('Adatum')
    expect(saved).toEqual({
      ...customer,
      id: 'Adatum',
      name: 'Adatum',
      updatedAt: saved?.updatedAt,
    })
    const page = await repos.customers.page({ page: 0, pageSize: 3, sort: 'name', withTotal: true })
    expect(page.rows.map((c) => c.name)).toEqual(['Adatum', 'Coho Winery', 'contoso'])
    expect(page.total).toBe(4)
    const co = await repos.customers.page({ page: 0, pageSize: 10, filter: { namePrefix: 'CO' } })
    expect(co.rows.map((c) => c.name)).toEqual(['Coho Winery', 'contoso'])
    expect(await repos.customers.count()).toBe(4)
  })

  it('keeps the State/Province of both addresses; a customer stored without one still reads', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    ok(await repos.customers.save(customer))
    expect((await repos.customers.get(customer.id))?.billTo.stateOrProvince).toBeUndefined()
    const billTo = { line1: '200 SW Market St', city: 'Portland', stateOrProvince: 'OR' }
    const shipTo = { ...billTo, stateOrProvince: 'WA', city: 'Vancouver' }
    ok(await repos.customers.save({ ...customer, billTo, shipTo }))
    const saved = await repos.customers.get(customer.id)
    expect(saved?.billTo.stateOrProvince).toBe('OR')
    expect(saved?.shipTo.stateOrProvince).toBe('WA')
    const tooLong = await repos.customers.save({
      ...customer,
      billTo: { ...billTo, stateOrProvince: 'x'.repeat(51) },
    })
    expect(tooLong).toMatchObject({ ok: false, refusal: { code: 'invalidValue' } })
  })

  it('refuses a malformed customer and keeps the stored one', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    ok(await repos.customers.save(customer))
    const refused = await repos.customers.save({ ...customer, name: '' })
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'invalidValue' } })
    expect((await repos.customers.get(customer.id))?.name).toBe('Contoso')
  })

  it('re-emits a watched page when a customer changes', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    ok(await repos.customers.save(customer))
    const seen: string[][] = []
    const sub = repos.customers
      .watchPage({ page: 0, pageSize: 10 })
      .subscribe((p) => seen.push(p.rows.map((c) => c.name)))
    await new Promise((r) => setTimeout(r, 50))
    ok(await repos.customers.save({ ...customer, name: 'Contoso Ltd' }))
    await new Promise((r) => setTimeout(r, 100))
    sub.unsubscribe()
    expect(seen.at(0)).toEqual(['Contoso'])
    expect(seen.at(-1)).toEqual(['Contoso Ltd'])
  })
})
