import { afterEach, describe, expect, it } from 'vitest'
import { opportunity } from '../../../src-core/documents/test-support/fixtures'
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
})
