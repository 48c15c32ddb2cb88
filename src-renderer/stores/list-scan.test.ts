import { describe, expect, it } from 'vitest'
import type { Page } from '@renderer/data'
import { byText, containsText, scanList, SCAN_CHUNK } from './list-scan'

interface Row {
  id: string
  name: string
}

/** A list of `n` rows read in chunks, as a repository answers a scan. */
function listOf(n: number, name: (i: number) => string) {
  const rows = Array.from({ length: n }, (_, i) => ({ id: String(i), name: name(i) }))
  let reads = 0
  const read = (index: number): Promise<Page<Row>> => {
    reads++
    const from = index * SCAN_CHUNK
    return Promise.resolve({
      rows: rows.slice(from, from + SCAN_CHUNK),
      hasNext: from + SCAN_CHUNK < rows.length,
      total: null,
      page: index,
      pageSize: SCAN_CHUNK,
    })
  }
  return { rows, read, reads: () => reads }
}

describe('scanList', () => {
  it('counts every match and returns the page asked for, in the order asked for', async () => {
    const list = listOf(1234, (i) => `Name ${(i * 7919) % 1234}`)
    const found = await scanList({
      read: list.read,
      keep: (r) => r.name.endsWith('1'),
      compare: byText((r: Row) => r.name, true),
      start: 5,
      size: 3,
    })
    const expected = list.rows
      .filter((r) => r.name.endsWith('1'))
      .sort(byText((r: Row) => r.name, true))
    expect(found?.total).toBe(expected.length)
    expect(found?.rows.map((r) => r.name)).toEqual(expected.slice(5, 8).map((r) => r.name))
    expect(list.reads()).toBe(3)
  })

  it('keeps the order read when no comparison is given', async () => {
    const list = listOf(40, (i) => `Row ${i}`)
    const found = await scanList({ read: list.read, keep: () => true, start: 30, size: 25 })
    expect(found?.rows.map((r) => r.id)).toEqual(list.rows.slice(30).map((r) => r.id))
    expect(found?.total).toBe(40)
  })

  it('answers nothing once the list asked for something else', async () => {
    const list = listOf(10, (i) => `Row ${i}`)
    const found = await scanList({
      read: list.read,
      keep: () => true,
      start: 0,
      size: 5,
      current: () => false,
    })
    expect(found).toBeUndefined()
  })
})

describe('byText', () => {
  it('sorts numbers inside text in numeric order and empty text last either way', () => {
    const names = ['Item 10', '', 'item 9', 'Item 100']
    const of = (s: string) => s
    expect([...names].sort(byText(of))).toEqual(['item 9', 'Item 10', 'Item 100', ''])
    expect([...names].sort(byText(of, true))).toEqual(['Item 100', 'Item 10', 'item 9', ''])
  })
})

describe('containsText', () => {
  it('finds text anywhere, case and accents aside', () => {
    expect(containsText('Café Brûlé Supplies', 'brule')).toBe(true)
    expect(containsText('Acme Supplies', 'SUPP')).toBe(true)
    expect(containsText('Acme', 'z')).toBe(false)
    expect(containsText(undefined, 'a')).toBe(false)
  })
})
