import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, ok, seededRepositories } from '../test-support/test-db'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

const addWidgets = { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each' } as const

describe('order repository', () => {
  it('creates, edits and submits orders through the rules, and invoices them', async () => {
    repos = await seededRepositories()
    const order = ok(await repos.orders.create({ customerId: 'C1', name: 'Spring' }))
    expect(order.number).toMatch(/^ORD-00001-/)
    ok(await repos.orders.apply(order.id, { ...addWidgets, quantity: '3' }))
    const submitted = ok(await repos.orders.apply(order.id, { type: 'submitOrder' }))
    expect(submitted.state).toBe('submitted')
    const refused = await repos.orders.apply(order.id, { type: 'removeLine', lineId: 'L1' })
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'notPermitted' } })
    expect((await repos.orders.get(order.id))?.lines).toHaveLength(1)
    const options = { dueDate: '2025-04-01', invoiceDate: '2025-03-02' }
    const invoice = ok(await repos.invoices.createFromOrder(order.id, options))
    expect(invoice).toMatchObject({ orderId: order.id, pricesLocked: true, ...options })
    expect(invoice.totals).toEqual(submitted.totals)
    expect(await repos.invoices.balanceDue(invoice.id)).toBe('30.00')
  })

  it('pages orders by state and by delivery date then amount', async () => {
    repos = await seededRepositories()
    for (const [q, date] of [
      ['1', '2025-05-01'],
      ['5', '2025-04-01'],
      ['2', '2025-04-01'],
    ]) {
      const order = ok(await repos.orders.create({ customerId: 'C1', name: `Q${q}` }))
      ok(await repos.orders.apply(order.id, { ...addWidgets, quantity: q! }))
      const changes = { requestedDeliveryDate: date! }
      ok(await repos.orders.apply(order.id, { type: 'editHeader', changes }))
    }
    const due = await repos.orders.page({
      page: 0,
      pageSize: 10,
      sort: 'due',
      filter: { state: 'active' },
    })
    expect(due.rows.map((o) => o.totals.totalAmount)).toEqual(['20.00', '50.00', '10.00'])
    const none = await repos.orders.page({
      page: 0,
      pageSize: 10,
      filter: { state: 'submitted' },
      withTotal: true,
    })
    expect(none.total).toBe(0)
  })

  it('finds orders by a part of their number or name, any case, within a created date range', async () => {
    repos = await seededRepositories()
    const names = ['Barn hinges', 'Shop (2.0) fit-out', 'barn doors']
    const orders = []
    for (const name of names) orders.push(ok(await repos.orders.create({ customerId: 'C1', name })))
    const find = async (filter: Parameters<Repositories['orders']['page']>[0]['filter']) =>
      (await repos!.orders.page({ page: 0, pageSize: 10, filter, withTotal: true })).rows
        .map((o) => o.name)
        .sort()
    expect(await find({ search: 'BARN' })).toEqual(['Barn hinges', 'barn doors'])
    // Regular expression characters are searched for as typed.
    expect(await find({ search: '(2.0)' })).toEqual(['Shop (2.0) fit-out'])
    expect(await find({ search: orders[1]!.number.slice(0, 8).toLowerCase() })).toHaveLength(3)
    expect(await find({ search: orders[2]!.number })).toEqual(['barn doors'])
    const second = orders[1]!.createdAt
    expect(await find({ search: 'barn', createdFrom: second })).toEqual(['barn doors'])
    expect(await find({ createdBefore: second })).toEqual(['Barn hinges'])
  })
})
