import { describe, expect, it } from 'vitest'
import { createCursorMemory, KEYSET_FROM_ROW, lowerBound } from './paged-list'

const end = { value: 'k', ids: ['a'] }
const deep = KEYSET_FROM_ROW / 50

describe('createCursorMemory', () => {
  it('hands a deep page the cursor of the page before it, and forgets cursors of another query', () => {
    const cursors = createCursorMemory()
    const req = { page: deep, pageSize: 50, sort: 'createdAt' }
    expect(cursors.before(req)).toBeUndefined()
    cursors.remember({
      rows: [],
      hasNext: true,
      total: null,
      page: deep - 1,
      pageSize: 50,
      cursor: end,
    })
    expect(cursors.before(req)).toEqual(end)
    // Shallow pages skip: they follow inserts above them.
    cursors.remember({ rows: [], hasNext: true, total: null, page: 0, pageSize: 50, cursor: end })
    expect(cursors.before({ ...req, page: 1 })).toBeUndefined()
    expect(cursors.before({ ...req, filter: { state: 'paid' } })).toBeUndefined()
    expect(cursors.before(req)).toBeUndefined()
  })
})

describe('lowerBound', () => {
  it('counts the rows up to this page, plus one when another follows', () => {
    const page = { rows: [1, 2], hasNext: true, total: null, page: 3, pageSize: 2 }
    expect(lowerBound(page)).toBe(9)
    expect(lowerBound({ ...page, hasNext: false })).toBe(8)
  })
})
