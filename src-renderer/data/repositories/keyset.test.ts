import { afterEach, describe, expect, it } from 'vitest'
import { customer } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, openTestDatabase, testEnv } from '../test-support/test-db'
import { createRepositories, type Repositories } from '.'
import type { Page, PageRequest } from './paging'
import type { CustomerFilter } from './customers'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

/** Walks every page, each read from the previous page's cursor, and answers the ids in order. */
async function walk(
  read: (req: PageRequest<CustomerFilter, 'name'>) => Promise<Page<{ id: string }>>,
  pageSize: number,
  filter: CustomerFilter = {},
): Promise<string[]> {
  const ids: string[] = []
  let req: PageRequest<CustomerFilter, 'name'> = { page: 0, pageSize, filter }
  for (;;) {
    const page = await read(req)
    ids.push(...page.rows.map((r) => r.id))
    if (!page.hasNext) return ids
    expect(page.cursor).toBeDefined()
    req = { page: req.page + 1, pageSize, filter, ...(page.cursor ? { after: page.cursor } : {}) }
  }
}

describe('keyset paging', () => {
  it('reads every row once, in skip order, across runs of equal sort keys', async () => {
    repos = createRepositories(await openTestDatabase(), testEnv())
    // Runs of equal names longer than a page, so ties carry over from one page to the next.
    const names = ['b', 'a', 'b', 'c', 'b', 'a', 'b', 'b', 'ab', 'c', 'b']
    for (const [i, name] of names.entries())
      ok(await repos.customers.save({ ...customer, id: `K${String(i).padStart(2, '0')}`, name }))
    const all = await repos.customers.page({ page: 0, pageSize: 100 })
    const r = repos
    for (const size of [1, 2, 3, 4, 11]) {
      expect(await walk((req) => r.customers.page(req), size), `page size ${size}`).toEqual(
        all.rows.map((c) => c.id),
      )
    }
    const prefixed = await repos.customers.page({
      page: 0,
      pageSize: 100,
      filter: { namePrefix: 'b' },
    })
    expect(await walk((req) => r.customers.page(req), 2, { namePrefix: 'b' })).toEqual(
      prefixed.rows.map((c) => c.id),
    )
  })
})
