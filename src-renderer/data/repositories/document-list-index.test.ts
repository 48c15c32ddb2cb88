import { afterEach, describe, expect, it } from 'vitest'
import { filter, firstValueFrom } from 'rxjs'
import {
  closeDatabase,
  ok,
  openTestDatabase,
  seededRepositories,
  testEnv,
} from '../test-support/test-db'
import { readLocal } from '../local-docs'
import { createRepositories, type Repositories } from '.'
import { CUSTOMER_INDEX, INVOICE_INDEX } from './document-list-index'
import { keptListIndex } from './list-index-keeper'
import type { InvoicePageRequest } from './document-lists'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

async function withInvoices(names: string[]): Promise<Repositories> {
  const r = await seededRepositories()
  for (const name of names) ok(await r.invoices.create({ customerId: 'C1', name }))
  return r
}

/** The first emission of a watched page whose total is known. */
function counted(r: Repositories, req: InvoicePageRequest) {
  return firstValueFrom(r.invoices.watchPage(req).pipe(filter((p) => p.total !== null)))
}

describe('Invoices list over its kept index', () => {
  it('keeps the total and the per-status counts as invoices are written', async () => {
    repos = await withInvoices(['One', 'Two', 'Three'])
    expect((await counted(repos, { page: 0, pageSize: 2 })).total).toBe(3)
    const [first] = (await repos.invoices.page({ page: 0, pageSize: 1 })).rows
    ok(await repos.invoices.apply(first!.id, { type: 'cancelInvoice' }))
    ok(await repos.invoices.create({ customerId: 'C1', name: 'Four' }))
    const after = async (f: InvoicePageRequest['filter']) =>
      (await counted(repos!, { page: 0, pageSize: 2, filter: f })).total
    expect(await after({})).toBe(4)
    expect(await after({ state: 'canceled' })).toBe(1)
    expect(await after({ state: 'active' })).toBe(3)
    expect(await after({ customerId: 'C1' })).toBe(4)
  })

  it('searches number by any part, name and customer name by any word start', async () => {
    repos = await withInvoices(['Spring repair', 'Winter service', 'North site visit'])
    await keptListIndex(repos.db, INVOICE_INDEX).ready
    await keptListIndex(repos.db, CUSTOMER_INDEX).ready
    const search = async (text: string) =>
      (await counted(repos!, { page: 0, pageSize: 10, filter: { search: text } })).rows.map(
        (i) => i.name,
      )
    expect(await search('rep')).toEqual(['Spring repair'])
    expect(await search('00002')).toEqual(['Winter service'])
    expect(await search('site nor')).toEqual(['North site visit'])
    expect(await search('cont')).toEqual(['North site visit', 'Winter service', 'Spring repair'])
    expect(await search('epair')).toEqual([])
  })

  it('reads a page in the back half from the end, with the rows skipping would give', async () => {
    repos = await withInvoices(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    const kept = keptListIndex(repos.db, INVOICE_INDEX)
    await kept.ready
    for (const descending of [true, false])
      for (const page of [2, 3]) {
        const req = { page, pageSize: 2, sort: 'createdAt' as const, descending }
        const skipped = await repos.invoices.page(req)
        const fromEnd = await counted(repos, req)
        expect(
          fromEnd.rows.map((i) => i.name),
          `${descending} ${page}`,
        ).toEqual(skipped.rows.map((i) => i.name))
        expect(fromEnd.hasNext).toBe(skipped.hasNext)
      }
  })

  it('restores from its stored copy and catches up on writes made while it was not running', async () => {
    const first = await withInvoices(['One', 'Two'])
    const name = first.db.name
    const kept = keptListIndex(first.db, INVOICE_INDEX)
    await kept.ready
    await kept.persist()
    // Written after the stored copy was taken, which the close does not write again.
    ok(await first.invoices.create({ customerId: 'C1', name: 'Three' }))
    const stored = await readLocal<{ rows: number }>(first.db, 'list-index-invoices')
    expect(stored?.rows).toBe(2)
    await closeDatabase(first.db)
    repos = createRepositories(await openTestDatabase(name), testEnv())
    const again = keptListIndex(repos.db, INVOICE_INDEX)
    await again.ready
    expect(again.index.count({})).toBe(3)
  })

  it('answers a filter and sort no index reads in order from the kept index, in the order RxDB gives', async () => {
    repos = await withInvoices(['a', 'b', 'c', 'd', 'e'])
    const [first] = (await repos.invoices.page({ page: 0, pageSize: 1 })).rows
    ok(await repos.invoices.apply(first!.id, { type: 'cancelInvoice' }))
    await keptListIndex(repos.db, INVOICE_INDEX).ready
    const queries = () => [
      ...(
        repos!.db.invoices as unknown as { _queryCache: { _map: Map<string, unknown> } }
      )._queryCache._map.keys(),
    ]
    for (const [filter, sort, descending] of [
      [{ state: 'active' }, 'number', false],
      [{}, 'number', true],
      [{ status: 'new' }, 'due', false],
    ] as const) {
      const req = { page: 0, pageSize: 3, filter, sort, descending }
      const before = queries()
      const answer = await counted(repos, req)
      // Only rows read by id: no query of RxDB's that would read and sort every match.
      expect(
        queries().filter((q) => !before.includes(q) && q.includes('"sort"')),
        JSON.stringify(req),
      ).toEqual([])
      const read = await repos.invoices.page({ ...req, withTotal: true })
      expect(read.rows.length).toBeGreaterThan(0)
      expect(answer.rows.map((i) => i.id)).toEqual(read.rows.map((i) => i.id))
      expect([answer.total, answer.hasNext]).toEqual([read.total, read.hasNext])
    }
  })
})
