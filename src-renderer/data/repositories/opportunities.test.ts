import { afterEach, describe, expect, it } from 'vitest'
import { opportunity } from '@core/documents/test-support/fixtures'
import { closeDatabase, ok, seededRepositories } from '../test-support/test-db'
import type { Repositories } from '.'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

const line = {
  id: 'L1',
  productId: 'widget',
  productName: 'Widget',
  isWriteIn: false,
  unitId: 'each',
  quantity: '3',
  pricePerUnit: '10.00',
  priceOverridden: false,
  manualDiscount: '0',
  tax: '0',
  volumeDiscount: '0',
  amount: '0',
  manualDiscountAmount: '0',
  extendedAmount: '0',
}

describe('opportunity repository', () => {
  it('saves with totals recomputed by priceDocument and lists per customer', async () => {
    repos = await seededRepositories()
    const saved = ok(await repos.opportunities.save(opportunity([line])))
    expect(saved.totals.totalAmount).toBe('30.00')
    expect(await repos.opportunities.get('OP1')).toEqual(saved)
    const page = await repos.opportunities.page({
      page: 0,
      pageSize: 5,
      filter: { customerId: 'C1' },
    })
    expect(page.rows.map((o) => o.id)).toEqual(['OP1'])
    const bad = await repos.opportunities.save({
      ...opportunity([line]),
      lines: [{ ...line, quantity: 'x' }],
    })
    expect(bad.ok).toBe(false)
  })

  it('feeds Get Products on an invoice', async () => {
    repos = await seededRepositories()
    const opp = ok(await repos.opportunities.save(opportunity([line])))
    const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'From opportunity' }))
    const got = ok(
      await repos.invoices.apply(invoice.id, { type: 'getProducts', opportunity: opp }),
    )
    expect(got.opportunityId).toBe('OP1')
    expect(got.totals.totalAmount).toBe('30.00')
  })

  it('is created empty, gets products at the price list price and write-ins, and refuses bad input', async () => {
    repos = await seededRepositories()
    const opp = ok(
      await repos.opportunities.create({
        name: ' Spring fit-out ',
        customerId: 'C1',
        priceListId: 'retail',
        currencyCode: 'USD',
      }),
    )
    expect([opp.name, opp.lines, opp.totals.totalAmount]).toEqual(['Spring fit-out', [], '0.00'])
    const added = ok(
      await repos.opportunities.applyLines(opp.id, [
        { type: 'addLine', lineId: 'A', productId: 'widget', unitId: 'each', quantity: '12' },
        {
          type: 'addWriteIn',
          lineId: 'B',
          productName: 'Fitting',
          pricePerUnit: '5',
          quantity: '2',
        },
      ]),
    )
    // 12 widgets at 10.00 less the 10 % volume band: 108.00, plus the write-in 10.00.
    expect(added.lines.map((l) => [l.productName, l.pricePerUnit, l.extendedAmount])).toEqual([
      ['Widget', '10.00', '108.00'],
      ['Fitting', '5.00', '10.00'],
    ])
    expect(added.totals.totalAmount).toBe('118.00')
    const edited = ok(
      await repos.opportunities.applyLines(opp.id, [
        { type: 'editLine', lineId: 'A', changes: { quantity: '1' } },
        { type: 'changePrice', lineId: 'A', pricePerUnit: '9.5' },
        { type: 'removeLine', lineId: 'B' },
      ]),
    )
    expect(edited.lines.map((l) => [l.pricePerUnit, l.priceOverridden])).toEqual([['9.50', true]])
    for (const bad of [
      { type: 'addLine', lineId: 'C', productId: 'gadget', unitId: 'box', quantity: '1' },
      { type: 'addLine', lineId: 'C', productId: 'old', unitId: 'each', quantity: '1' },
      { type: 'editLine', lineId: 'A', changes: { manualDiscount: '-1' } },
      { type: 'editLine', lineId: 'A', changes: { quantity: 'two' } },
      { type: 'addWriteIn', lineId: 'A', productName: 'x', pricePerUnit: '1', quantity: '1' },
    ] as const) {
      const refused = await repos.opportunities.applyLines(opp.id, [bad])
      expect(refused.ok, JSON.stringify(bad)).toBe(false)
    }
    expect((await repos.opportunities.get(opp.id))?.lines).toEqual(edited.lines)
    const nameless = await repos.opportunities.create({
      name: ' ',
      customerId: 'C1',
      priceListId: 'retail',
      currencyCode: 'USD',
    })
    expect(nameless.ok).toBe(false)
  })
})
