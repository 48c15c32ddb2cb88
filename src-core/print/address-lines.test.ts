import { describe, expect, it } from 'vitest'
import { addressLines } from './address-lines'

describe('addressLines', () => {
  it('writes a US address as City, ST ZIP', () => {
    expect(
      addressLines({
        line1: '200 SW Market St',
        city: 'Portland',
        stateOrProvince: 'OR',
        postalCode: '97201',
        country: 'US',
      }),
    ).toEqual(['200 SW Market St', 'Portland, OR 97201', 'US'])
  })

  it('writes a German address as ZIP City', () => {
    expect(
      addressLines({
        line1: 'Unter den Linden 1',
        city: 'Berlin',
        postalCode: '10115',
        country: 'Germany',
      }),
    ).toEqual(['Unter den Linden 1', '10115 Berlin', 'Germany'])
  })

  it('puts a UK postcode on its own line', () => {
    expect(
      addressLines({
        line1: '10 Downing St',
        city: 'London',
        postalCode: 'SW1A 2AA',
        country: 'UK',
      }),
    ).toEqual(['10 Downing St', 'London', 'SW1A 2AA', 'UK'])
  })

  it('leaves out what is missing, without stray commas', () => {
    expect(addressLines({ line1: '', city: 'Portland', postalCode: '97201' })).toEqual([
      'Portland 97201',
    ])
    expect(addressLines({ line1: '', city: 'Portland' })).toEqual(['Portland'])
    expect(addressLines({ line1: '', city: '', stateOrProvince: 'OR' })).toEqual(['OR'])
    expect(addressLines(undefined)).toEqual([])
  })
})
