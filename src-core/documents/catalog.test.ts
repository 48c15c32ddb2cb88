import { describe, expect, it } from 'vitest'
import { checkDiscountList, checkPriceList, checkUnitGroup, firstError } from './catalog'
import type { DiscountList, PriceList, UnitGroup } from './types'

const AT = '2025-03-01T09:00:00.000Z'
const group: UnitGroup = {
  id: 'G',
  updatedAt: AT,
  name: 'Bottles',
  primaryUnitId: 'b',
  units: [
    { id: 'b', name: 'Bottle', quantity: '1' },
    { id: 'c', name: 'Case', quantity: '12', baseUnitId: 'b' },
  ],
}
const list: PriceList = { id: 'P', updatedAt: AT, name: 'Wholesale', currencyCode: 'USD' }
const discounts: DiscountList = {
  id: 'D',
  updatedAt: AT,
  name: 'Volume',
  type: 'percentage',
  bands: [
    { from: '1', to: '9', value: '0' },
    { from: '10', to: '99', value: '5' },
  ],
}

describe('checkUnitGroup', () => {
  it('accepts a base unit of 1 and larger units', () => {
    expect(checkUnitGroup(group)).toEqual({})
  })

  it('names each field at fault', () => {
    const bad: UnitGroup = {
      ...group,
      name: ' ',
      units: [
        { id: 'b', name: 'Bottle', quantity: '2' },
        { id: 'c', name: 'bottle', quantity: '0' },
        { id: 'd', name: '', quantity: 'x' },
      ],
    }
    expect(checkUnitGroup(bad)).toEqual({
      name: 'Name: a value is required',
      'units[0].quantity': 'Quantity: the base unit holds exactly 1',
      'units[1].name': 'Unit Name: “bottle” is already used',
      'units[1].quantity': 'Quantity: must be more than 0',
      'units[2].name': 'Unit Name: a value is required',
      'units[2].quantity': 'Quantity: a number is required',
    })
  })

  it('needs a base unit among its units', () => {
    expect(checkUnitGroup({ ...group, units: [] })).toEqual({
      units: 'Units: add the base unit first',
      primaryUnitId: 'Base Unit: choose one of the units',
    })
  })
})

describe('checkPriceList', () => {
  it('accepts open and ordered dates', () => {
    expect(checkPriceList(list)).toEqual({})
    expect(checkPriceList({ ...list, validFrom: '2025-01-01', validTo: '2025-01-01' })).toEqual({})
  })

  it('refuses an end before the start, and missing name and currency', () => {
    const bad = {
      ...list,
      name: '',
      currencyCode: '',
      validFrom: '2025-02-01',
      validTo: '2025-01-31',
    }
    expect(checkPriceList(bad)).toEqual({
      name: 'Name: a value is required',
      currencyCode: 'Currency: a value is required',
      validTo: 'End Date: must not be before the Start Date',
    })
    expect(firstError(checkPriceList(bad))).toBe('Name: a value is required')
  })
})

describe('checkDiscountList', () => {
  it('accepts bands that do not overlap', () => {
    expect(checkDiscountList(discounts)).toEqual({})
    expect(checkDiscountList({ ...discounts, bands: [] })).toEqual({})
  })

  it('refuses reversed, negative, over 100 % and overlapping bands', () => {
    const bad: DiscountList = {
      ...discounts,
      bands: [
        { from: '5', to: '1', value: '-1' },
        { from: '1', to: '10', value: '101' },
        { from: '10', to: '20', value: '3' },
        { from: '-1', to: 'x', value: '' },
      ],
    }
    expect(checkDiscountList(bad)).toEqual({
      'bands[0].to': 'End Quantity: must not be less than the Begin Quantity',
      'bands[0].value': 'Discount: cannot be negative',
      'bands[1].value': 'Discount: a percentage is at most 100',
      'bands[2].from': 'Begin Quantity: overlaps band 2',
      'bands[3].from': 'Begin Quantity: cannot be negative',
      'bands[3].to': 'End Quantity: a number is required',
      'bands[3].value': 'Discount: a number is required',
    })
  })

  it('allows an amount above 100', () => {
    const amount: DiscountList = {
      ...discounts,
      type: 'amount',
      bands: [{ from: '1', to: '5', value: '150' }],
    }
    expect(checkDiscountList(amount)).toEqual({})
  })
})
