import { afterEach, describe, expect, it } from 'vitest'
import { volume } from '@core/documents/test-support/fixtures'
import { closeDatabase, invoiceWithWidgets, ok, seededRepositories } from '../test-support/test-db'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

async function invoiceWith(r: Repositories, locked: boolean) {
  const invoice = await invoiceWithWidgets(r)
  if (locked) ok(await r.invoices.apply(invoice.id, { type: 'lockPricing' }))
  return invoice.id
}

describe('catalog repository', () => {
  it('saves and lists products by number and by name prefix, refusing malformed ones', async () => {
    repos = await seededRepositories()
    const byNumber = await repos.catalog.productPage({ page: 0, pageSize: 10, sort: 'number' })
    expect(byNumber.rows.map((p) => p.productNumber)).toEqual(['GADGET', 'OLD', 'WIDGET'])
    const byName = await repos.catalog.productPage({
      page: 0,
      pageSize: 10,
      sort: 'name',
      filter: { prefix: 'o' },
    })
    expect(byName.rows.map((p) => p.name)).toEqual(['Old thing'])
    const bad = await repos.catalog.saveProduct({ ...byNumber.rows[0]!, listPrice: 'ten' })
    expect(bad.ok).toBe(false)
    expect(await repos.catalog.getProduct('gadget')).toMatchObject({ listPrice: '40.00' })
    expect((await repos.catalog.unitGroups()).map((g) => g.id)).toEqual(['UG'])
    expect((await repos.catalog.priceLists()).map((l) => l.id)).toEqual(['retail'])
    expect((await repos.catalog.discountLists()).map((l) => l.id)).toEqual(['vol'])
    expect(await repos.catalog.priceListItems('retail')).toHaveLength(4)
  })

  it('reprices unlocked active documents after a price change and leaves locked ones alone', async () => {
    repos = await seededRepositories()
    const unlocked = await invoiceWith(repos, false)
    const locked = await invoiceWith(repos, true)
    const order = ok(await repos.orders.create({ customerId: 'C1', name: 'Order' }))
    const line = {
      type: 'addLine',
      lineId: 'L1',
      productId: 'widget',
      unitId: 'each',
      quantity: '1',
    } as const
    ok(await repos.orders.apply(order.id, line))
    const items = await repos.catalog.priceListItems('retail')
    const widget = items.find((i) => i.id === 'i1')!
    ok(await repos.catalog.savePriceListItem({ ...widget, amount: '12.00' }))
    const after = await repos.invoices.get(unlocked)
    expect(after?.totals.totalAmount).toBe('24.00')
    expect(after?.history.at(-1)?.command).toBe('useCurrentPricing')
    expect(await repos.invoices.balanceDue(unlocked)).toBe('24.00')
    expect((await repos.invoices.get(locked))?.totals.totalAmount).toBe('20.00')
    expect((await repos.orders.get(order.id))?.totals.totalAmount).toBe('12.00')
  })

  it('keeps a document whose new total would fall below what was paid, and says why', async () => {
    repos = await seededRepositories()
    const id = await invoiceWith(repos, false)
    const payment = { id: 'P1', date: '2025-03-02', amount: '20.00', method: 'cash' } as const
    ok(
      await repos.invoices.apply(id, {
        type: 'recordPayment',
        payment: { ...payment, amount: '15.00' },
      }),
    )
    const widget = (await repos.catalog.priceListItems('retail')).find((i) => i.id === 'i1')!
    ok(await repos.catalog.savePriceListItem({ ...widget, amount: '5.00' }))
    const result = await repos.reprice({ productIds: ['widget'], priceListId: 'retail' })
    expect(result.repriced).toEqual([])
    expect((await repos.invoices.get(id))?.totals.totalAmount).toBe('20.00')
    const refused = await repos.reprice({ productIds: ['widget'] })
    expect(refused.refused[0]?.refusal.code).toBe('totalBelowPaid')
  })

  it('refuses catalog records the src-core checks reject, and a second price for the same unit', async () => {
    repos = await seededRepositories()
    const at = '2025-03-01T09:00:00.000Z'
    const list = { id: 'w', updatedAt: at, name: 'Wholesale', currencyCode: 'USD' }
    const late = await repos.catalog.savePriceList({
      ...list,
      validFrom: '2025-02-01',
      validTo: '2025-01-01',
    })
    expect(late).toMatchObject({
      ok: false,
      refusal: {
        reason: 'This price list cannot be saved: End Date: must not be before the Start Date.',
      },
    })
    ok(await repos.catalog.savePriceList(list))
    const group = ok(await repos.catalog.saveUnitGroup((await repos.catalog.unitGroups())[0]!))
    const zero = await repos.catalog.saveUnitGroup({
      ...group,
      units: [...group.units, { id: 'crate', name: 'Crate', quantity: '0' }],
    })
    expect(zero.ok).toBe(false)
    const bands = [
      { from: '1', to: '10', value: '5' },
      { from: '10', to: '20', value: '8' },
    ]
    const overlap = await repos.catalog.saveDiscountList({ ...volume, bands })
    expect(overlap.ok ? '' : overlap.refusal.reason).toMatch(/overlaps band 1/)
    const widget = (await repos.catalog.priceListItems('retail')).find((i) => i.id === 'i1')!
    const twice = await repos.catalog.savePriceListItem({ ...widget, id: 'other' })
    expect(twice.ok).toBe(false)
    ok(await repos.catalog.savePriceListItem({ ...widget, id: 'other', priceListId: 'w' }))
    expect(await repos.catalog.priceListItems('w')).toHaveLength(1)
  })
})
