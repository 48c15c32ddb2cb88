import { describe, expect, it } from 'vitest'
import { TOTAL_KEYS } from '@core/pricing'
import { OPPORTUNITY_STATE_LABELS, OPPORTUNITY_STATES, opportunityState } from './opportunity-state'
import { opportunitySchema } from './schemas'

const NO_TOTALS = Object.fromEntries(TOTAL_KEYS.map((k) => [k, '0.00']))

describe('opportunity status', () => {
  it("uses Dynamics' words", () => {
    expect(OPPORTUNITY_STATES.map((s) => OPPORTUNITY_STATE_LABELS[s])).toEqual([
      'Open',
      'Won',
      'Lost',
    ])
  })

  it('reads an opportunity stored without a status as Open', () => {
    expect(opportunityState({})).toBe('open')
    expect(opportunityState({ state: 'won' })).toBe('won')
  })

  it('accepts the three statuses and a calendar close date, and refuses anything else', () => {
    const base = {
      id: 'o1',
      updatedAt: '2026-12-05T10:00:00.000Z',
      kind: 'opportunity',
      name: 'Harbor restock',
      customerId: 'c1',
      ownerId: 'u1',
      priceListId: 'pl1',
      currencyCode: 'USD',
      exchangeRate: '1',
      pricing: {
        pricingPrecision: 2,
        currencyPrecision: 2,
        discountMethod: 'lineItem',
        rounding: 'halfEven',
      },
      lines: [],
      totals: NO_TOTALS,
      baseTotals: NO_TOTALS,
    }
    const check = (extra: object) => opportunitySchema.safeParse({ ...base, ...extra }).ok
    expect(check({})).toBe(true)
    expect(check({ state: 'won', estimatedCloseDate: '2027-01-31' })).toBe(true)
    expect(check({ state: 'pending' })).toBe(false)
    expect(check({ estimatedCloseDate: '31/01/2027' })).toBe(false)
  })
})
