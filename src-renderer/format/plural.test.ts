import { describe, expect, it } from 'vitest'
import { countOf } from './plural'

describe('countOf', () => {
  it('uses the singular for one only', () => {
    expect(countOf(1, 'row')).toBe('1 row')
    expect(countOf(0, 'row')).toBe('0 rows')
    expect(countOf(2, 'entry', 'entries')).toBe('2 entries')
  })
})
