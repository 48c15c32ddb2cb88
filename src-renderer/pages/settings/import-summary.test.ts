import { describe, expect, it } from 'vitest'
import { importSummary } from './import-summary'

describe('importSummary', () => {
  it('counts rows in the singular for one', () => {
    expect(importSummary({ kind: 'products', rows: 1, good: [{}], updates: 0, errors: [] })).toBe(
      '1 row in the file: 1 ready to import.',
    )
  })

  it('says how many update a stored record and how many rows stay out', () => {
    const errors = [
      { line: 3, column: 'Name', reason: 'is required' },
      { line: 3, column: 'List Price', reason: 'is not a number' },
      { line: 5, reason: 'has 2 values but the header has 3 columns' },
    ]
    expect(importSummary({ kind: 'customers', rows: 4, good: [{}, {}], updates: 1, errors })).toBe(
      '4 rows in the file: 2 ready to import (1 updates an existing customer); 2 rows with problems, not imported.',
    )
    expect(
      importSummary({
        kind: 'priceListItems',
        rows: 3,
        good: [{}, {}],
        updates: 2,
        errors: errors.slice(0, 1),
      }),
    ).toBe(
      '3 rows in the file: 2 ready to import (2 update existing price list items); 1 row with a problem, not imported.',
    )
  })

  it('tells a file that cannot be read from one with only a header', () => {
    const unreadable = [{ line: 1, reason: 'The column "Nmae" is not known.' }]
    expect(
      importSummary({ kind: 'customers', rows: 0, good: [], updates: 0, errors: unreadable }),
    ).toBe('Nothing can be imported: correct the problems below in the file and preview it again.')
    expect(importSummary({ kind: 'customers', rows: 0, good: [], updates: 0, errors: [] })).toBe(
      'The file has no rows to import under its header.',
    )
  })
})
