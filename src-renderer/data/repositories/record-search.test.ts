import { afterEach, describe, expect, it } from 'vitest'
import { filter, firstValueFrom } from 'rxjs'
import { customer, products } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, seededRepositories } from '../test-support/test-db'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

describe('Customers and Products searched through their kept indexes', () => {
  it('finds customers by any word start of the name or any part of the account number', async () => {
    const r = (repos = await seededRepositories())
    const more = [
      { id: 'C2', name: 'North Barn Supply', accountNumber: 'ACC-20417', ownerId: 'rep1' },
      { id: 'C3', name: 'Barnaby & Sons', accountNumber: 'ACC-30999', ownerId: 'rep2' },
      { id: 'C4', name: 'Riverbarn', accountNumber: 'ACC-41204', ownerId: 'rep1' },
    ]
    for (const c of more) ok(await r.customers.save({ ...customer, ...c }))
    const names = async (search: string, ownerId?: string) =>
      (
        await r.customers.page({
          page: 0,
          pageSize: 10,
          filter: { search, ...(ownerId ? { ownerId } : {}) },
        })
      ).rows.map((c) => c.name)
    expect(await names('barn')).toEqual(['Barnaby & Sons', 'North Barn Supply'])
    expect(await names('041')).toEqual(['North Barn Supply'])
    expect(await names('12')).toEqual(['Riverbarn'])
    expect(await names('barn sup')).toEqual(['North Barn Supply'])
    expect(await names('barn', 'rep2')).toEqual(['Barnaby & Sons'])
    expect(await names('arn')).toEqual([])
    const page = await r.customers.page({ page: 0, pageSize: 1, filter: { search: 'barn' } })
    expect(page).toMatchObject({ total: 2, hasNext: true })
  })

  it('finds products by any part of the product ID or any word start, and follows writes', async () => {
    const r = (repos = await seededRepositories())
    const search = (text: string, sort: 'name' | 'number' = 'number') =>
      firstValueFrom(
        r.catalog
          .watchProductPage({ page: 0, pageSize: 10, sort, filter: { search: text } })
          .pipe(filter((p) => p.total !== null)),
      )
    expect((await search('dge')).rows.map((p) => p.name)).toEqual(['Gadget', 'Widget'])
    expect((await search('wid')).rows.map((p) => p.name)).toEqual(['Widget'])
    expect((await search('thi')).rows.map((p) => p.name)).toEqual(['Old thing'])
    expect((await search('hing')).rows).toEqual([])
    ok(
      await r.catalog.saveProduct({
        ...products[0]!,
        id: 'p9',
        productNumber: 'P-9000',
        name: 'Thin hinge',
      }),
    )
    expect((await search('thi', 'name')).rows.map((p) => p.name)).toEqual([
      'Old thing',
      'Thin hinge',
    ])
    expect((await search('9000')).rows.map((p) => p.productNumber)).toEqual(['P-9000'])
  })
})
