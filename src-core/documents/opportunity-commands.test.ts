import { describe, expect, it } from 'vitest'
import { applyOpportunityLines } from './opportunity-commands'
import { catalog, newCatalog, opportunity } from './test-support/fixtures'

const addWidget = {
  type: 'addLine',
  lineId: 'L1',
  productId: 'widget',
  unitId: 'each',
  quantity: '2',
} as const

describe('the line commands of an opportunity', () => {
  it('add a catalog product at its price and a write-in at the price typed, then total them', () => {
    const result = applyOpportunityLines(
      opportunity([]),
      [
        addWidget,
        {
          type: 'addWriteIn',
          lineId: 'L2',
          productName: ' Setup ',
          pricePerUnit: '5',
          quantity: '1',
        },
      ],
      catalog,
    )
    if (!result.ok) throw new Error(result.refusal.reason)
    expect(
      result.document.lines.map((l) => [l.productName, l.pricePerUnit, l.extendedAmount]),
    ).toEqual([
      ['Widget', '10.00', '20.00'],
      ['Setup', '5.00', '5.00'],
    ])
    expect(result.document.totals.totalAmount).toBe('25.00')
  })

  it('refuse what orders and invoices refuse: a taken line id, a retired product, no price', () => {
    const withWidget = applyOpportunityLines(opportunity([]), [addWidget], catalog)
    if (!withWidget.ok) throw new Error(withWidget.refusal.reason)
    const refusal = (cmd: Parameters<typeof applyOpportunityLines>[1][number]) => {
      const result = applyOpportunityLines(withWidget.document, [cmd], catalog)
      return result.ok ? undefined : result.refusal.code
    }
    expect(refusal(addWidget)).toBe('duplicateId')
    expect(refusal({ ...addWidget, lineId: 'L9', productId: 'old' })).toBe('productRetired')
    expect(refusal({ ...addWidget, lineId: 'L9', unitId: 'crate' })).toBe('noPrice')
  })

  it("keep a line's price when the catalog changes, and take today's when asked", () => {
    const first = applyOpportunityLines(opportunity([]), [addWidget], catalog)
    if (!first.ok) throw new Error(first.refusal.reason)
    const kept = applyOpportunityLines(first.document, [], newCatalog)
    const current = applyOpportunityLines(
      first.document,
      [{ type: 'changePrice', lineId: 'L1', pricePerUnit: null }],
      newCatalog,
    )
    expect(kept.ok && kept.document.lines[0]?.pricePerUnit).toBe('10.00')
    expect(current.ok && current.document.lines[0]?.pricePerUnit).toBe('12.00')
  })
})
