import { describe, expect, test } from 'vitest'
import { COLLECTION_RECORDS, type RecordCollection } from '@core/documents/collection-records'
import { blankInvoice, customer, settings, volume } from '@core/documents/test-support/fixtures'
import { COLLECTIONS } from './collections'

const NAMES = Object.keys(COLLECTION_RECORDS) as RecordCollection[]

const parserOf = (name: string) => (input: unknown) => COLLECTIONS.get(name)!.parse(input)

describe('what the server checks a pushed record with', () => {
  test('its collections are the stored collections, by the same names', () => {
    expect([...COLLECTIONS.keys()].sort()).toEqual([...NAMES].sort())
  })

  test.each(NAMES)('%s: the collection’s src-core record schema, with its sentence', (name) => {
    const parse = parserOf(name)
    const wrong = [null, {}, { id: 'x', updatedAt: 'yesterday' }]
    for (const input of wrong)
      expect(parse(input)).toEqual(COLLECTION_RECORDS[name].safeParse(input))
  })

  test('records that pass their schema pass the server', () => {
    expect(COLLECTIONS.get('settings')!.parse(settings)).toEqual({ ok: true, value: settings })
    expect(COLLECTIONS.get('customers')!.parse(customer)).toMatchObject({ ok: true })
    expect(COLLECTIONS.get('invoices')!.parse(blankInvoice())).toMatchObject({ ok: true })
    const list = { kind: 'discountList', ...volume }
    expect(COLLECTIONS.get('catalogrefs')!.parse(list)).toEqual({ ok: true, value: list })
  })

  test('a catalog record is checked by its kind’s schema, then by its catalog rules', () => {
    const parse = parserOf('catalogrefs')
    expect(parse({ kind: 'shelf', id: 'x' })).toEqual({
      ok: false,
      error: 'kind: expected one of unitGroup, discountList, priceList',
    })
    expect(parse({ kind: 'discountList', ...volume, units: [] })).toEqual({
      ok: false,
      error: 'units: is not an allowed field',
    })
    const backwards = {
      kind: 'priceList',
      id: 'winter',
      updatedAt: settings.updatedAt,
      name: 'Winter',
      currencyCode: 'USD',
      validFrom: '2025-03-01',
      validTo: '2025-02-01',
    }
    const refused = parse(backwards)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error).toContain('End Date: must not be before the Start Date')
  })
})
