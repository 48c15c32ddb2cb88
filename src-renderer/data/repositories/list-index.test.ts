import { describe, expect, it } from 'vitest'
import { ListIndex, searchWords, type IndexEntry, type StoredListIndex } from './list-index'

const entry = (id: string, status: string, number: string, name: string): IndexEntry => ({
  id,
  fields: { status, customerId: `C${id}` },
  parts: [number.toLowerCase()],
  words: searchWords(name),
})

describe('ListIndex', () => {
  it('keeps counts per counted field as records are put, replaced and taken out', () => {
    const index = new ListIndex(['status'])
    index.put('1', entry('1', 'new', 'INV-00001', 'March visit'))
    index.put('2', entry('2', 'new', 'INV-00002', 'April'))
    index.put('3', entry('3', 'paid', 'INV-00003', 'May'))
    expect([
      index.count({}),
      index.count({ status: 'new' }),
      index.count({ status: 'paid' }),
    ]).toEqual([3, 2, 1])
    index.put('2', entry('2', 'paid', 'INV-00002', 'April'))
    index.put('3', undefined)
    expect([
      index.count({}),
      index.count({ status: 'new' }),
      index.count({ status: 'paid' }),
    ]).toEqual([2, 1, 1])
    // A field that is not counted, or two at once, is not answered from the counts.
    expect(index.count({ customerId: 'C1' })).toBeUndefined()
    expect(index.count({ status: 'new', customerId: 'C1' })).toBeUndefined()
  })

  it('finds any part of a number, any word start of a name, and through a related index', () => {
    const index = new ListIndex([])
    index.put('1', entry('1', 'new', 'INV-01001-X7K2Q9', 'Spring repair, north site'))
    index.put('2', entry('2', 'new', 'INV-01002-AB12CD', 'Winter service'))
    const ids = (text: string, related?: Set<string>) =>
      index
        .search(text, related ? { related: { field: 'customerId', find: () => related } } : {})
        .map((e) => e.id)
    expect(ids('1001')).toEqual(['1'])
    expect(ids('x7k')).toEqual(['1'])
    expect(ids('rep')).toEqual(['1'])
    expect(ids('NORTH spr')).toEqual(['1'])
    expect(ids('ervice')).toEqual([])
    expect(ids('inv-0100')).toEqual(['1', '2'])
    expect(ids('contoso', new Set(['C2']))).toEqual(['2'])
  })

  it('stores and loads itself with its counts', () => {
    const index = new ListIndex(['status'])
    index.put('1', entry('1', 'new', 'INV-1', 'One'))
    index.put('2', entry('2', 'paid', 'INV-2', 'Two'))
    const copy = new ListIndex(['status'])
    copy.load(JSON.parse(JSON.stringify(index.toStored())) as StoredListIndex)
    expect(copy.count({ status: 'paid' })).toBe(1)
    expect(copy.get('2')).toEqual(index.get('2'))
  })
})
