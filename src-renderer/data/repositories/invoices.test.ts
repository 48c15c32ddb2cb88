import { afterEach, describe, expect, it } from 'vitest'
import { invoiceSchema, priceLines, EMPTY_CATALOG } from '@core/documents'
import { closeDatabase, ok, seededRepositories } from '../test-support/test-db'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

async function invoiceWithWidgets(r: Repositories, quantity = '2') {
  const invoice = ok(
    await r.invoices.create({ customerId: 'C1', name: 'March', dueDate: '2025-04-01' }),
  )
  const cmd = {
    type: 'addLine',
    lineId: 'L1',
    productId: 'widget',
    unitId: 'each',
    quantity,
  } as const
  return ok(await r.invoices.apply(invoice.id, cmd))
}

describe('invoice repository', () => {
  it('creates an invoice with a number, applies commands and keeps totals and history', async () => {
    repos = await seededRepositories()
    const invoice = await invoiceWithWidgets(repos)
    expect(invoice.number).toMatch(/^INV-00001-[2-9A-Z]{6}$/)
    expect(invoice.totals.totalAmount).toBe('20.00')
    expect(invoice.history.map((h) => h.command)).toEqual(['createInvoice', 'addLine'])
    const stored = await repos.invoices.get(invoice.id)
    expect(stored).toEqual(invoice)
    expect(invoiceSchema.safeParse(stored).ok).toBe(true)
    expect(await repos.invoices.balanceDue(invoice.id)).toBe('20.00')
  })

  it('gives the number back when the first save is refused, so the next invoice has no gap', async () => {
    repos = await seededRepositories()
    const first = ok(await repos.invoices.create({ customerId: 'C1', name: 'First' }))
    const refused = await repos.invoices.create({ customerId: 'C1', name: 'x'.repeat(5000) })
    expect(refused.ok).toBe(false)
    const missing = await repos.invoices.create({ customerId: 'nobody', name: 'No customer' })
    expect(missing.ok).toBe(false)
    const second = ok(await repos.invoices.create({ customerId: 'C1', name: 'Second' }))
    expect([first.number.slice(0, 9), second.number.slice(0, 9)]).toEqual([
      'INV-00001',
      'INV-00002',
    ])
    expect(await repos.invoices.page({ page: 0, pageSize: 10 })).toMatchObject({
      rows: [{ name: 'Second' }, { name: 'First' }],
    })
  })

  it('finds the invoices created from an order', async () => {
    repos = await seededRepositories()
    const order = ok(await repos.orders.create({ customerId: 'C1', name: 'Spring order' }))
    ok(await repos.invoices.create({ customerId: 'C1', name: 'Unrelated' }))
    const first = ok(await repos.invoices.createFromOrder(order.id))
    const second = ok(await repos.invoices.createFromOrder(order.id))
    const found = await repos.invoices.ofOrder(order)
    expect(found.map((i) => i.number)).toEqual([first.number, second.number])
  })

  it('duplicates an invoice under the next number, with its lines and today as Invoice Date', async () => {
    repos = await seededRepositories()
    const source = await invoiceWithWidgets(repos)
    const copy = ok(await repos.invoices.duplicate(source.id, { invoiceDate: '2025-04-01' }))
    expect(copy.number).not.toBe(source.number)
    expect(copy.invoiceDate).toBe('2025-04-01')
    expect(copy.totals).toEqual(source.totals)
    expect(await repos.invoices.get(copy.id)).toEqual(copy)
    expect(await repos.invoices.get(source.id)).toEqual(source)
  })

  it('saves nothing when the rules refuse a command', async () => {
    repos = await seededRepositories()
    const invoice = await invoiceWithWidgets(repos)
    const refused = await repos.invoices.apply(invoice.id, {
      type: 'editLine',
      lineId: 'L1',
      changes: { quantity: 'lots' },
    })
    expect(refused.ok).toBe(false)
    expect(await repos.invoices.get(invoice.id)).toEqual(invoice)
  })

  it('records payments atomically with the invoice and derives the balance from them', async () => {
    repos = await seededRepositories()
    const invoice = await invoiceWithWidgets(repos)
    const pay = (id: string, amount: string) =>
      repos!.invoices.apply(invoice.id, {
        type: 'recordPayment',
        payment: { id, date: '2025-03-05', amount, method: 'cash' },
      })
    ok(await pay('P1', '5.00'))
    expect(await repos.invoices.balanceDue(invoice.id)).toBe('15.00')
    const over = await pay('P2', '99.00')
    expect(over.ok).toBe(false)
    expect((await repos.invoices.payments(invoice.id)).map((p) => p.id)).toEqual(['P1'])
    const paid = ok(await pay('P3', '15.00'))
    expect(paid.state).toBe('paid')
    expect(await repos.invoices.balanceDue(invoice.id)).toBe('0.00')
    const readOnly = await repos.invoices.apply(invoice.id, { type: 'removeLine', lineId: 'L1' })
    expect(readOnly).toMatchObject({ ok: false, refusal: { code: 'readOnly' } })
  })

  it('stores totals equal to a fresh recomputation', async () => {
    repos = await seededRepositories()
    const invoice = await invoiceWithWidgets(repos, '12')
    const again = priceLines(invoice, 'keep', EMPTY_CATALOG)
    expect(again.ok && again.document.totals).toEqual(invoice.totals)
  })

  it('pages, filters and sorts through the indexes', async () => {
    repos = await seededRepositories()
    for (let i = 0; i < 5; i++) await invoiceWithWidgets(repos, String(i + 1))
    const page = await repos.invoices.page({
      page: 0,
      pageSize: 2,
      sort: 'number',
      withTotal: true,
    })
    expect(page.total).toBe(5)
    expect(page.hasNext).toBe(true)
    const last = await repos.invoices.page({ page: 2, pageSize: 2, sort: 'number' })
    expect(last).toMatchObject({ total: null, hasNext: false })
    expect(last.rows).toHaveLength(1)
    expect(page.rows.map((r) => r.number.slice(0, 9))).toEqual(['INV-00001', 'INV-00002'])
    const due = await repos.invoices.page({
      page: 0,
      pageSize: 10,
      sort: 'due',
      descending: true,
      filter: { state: 'active' },
    })
    expect(due.rows.map((r) => r.totals.totalAmount)).toEqual([
      '50.00',
      '40.00',
      '30.00',
      '20.00',
      '10.00',
    ])
    const newest = await repos.invoices.page({ page: 0, pageSize: 10 })
    const created = newest.rows.map((r) => r.createdAt)
    expect(created).toEqual([...created].sort().reverse())
    expect(new Set(created).size).toBe(5)
    const [, second, third] = created
    const range = await repos.invoices.page({
      page: 0,
      pageSize: 10,
      filter: { createdFrom: third, createdBefore: second },
    })
    expect(range.rows.map((r) => r.createdAt)).toEqual([third])
  })
})
