import { expect, test } from 'vitest'
import { toDocumentFilter } from './document-list'

test('the Orders list filter becomes an indexed date range that includes the whole To day', () => {
  expect(
    toDocumentFilter({
      state: 'active',
      customerId: 'C1',
      search: '  barn ',
      from: '2025-03-01',
      to: '2025-03-31',
    }),
  ).toEqual({
    state: 'active',
    customerId: 'C1',
    search: 'barn',
    createdFrom: '2025-03-01T00:00:00.000Z',
    createdBefore: '2025-04-01T00:00:00.000Z',
  })
})

test('empty or half-typed values filter nothing', () => {
  expect(toDocumentFilter({ search: '   ', from: '', to: '2025-13' })).toEqual({})
})
