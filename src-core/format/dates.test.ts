import { describe, expect, it } from 'vitest'
import { formatIsoDate, formatIsoDateTime, todayIso } from './dates'

describe('dates', () => {
  it('shows a calendar date without shifting it across time zones', () => {
    expect(formatIsoDate('2025-03-01', 'en-US')).toBe('Mar 1, 2025')
    expect(formatIsoDate('2025-12-31', 'de-DE')).toBe('31.12.2025')
  })

  it('shows what it cannot read as it is, and nothing for no date', () => {
    expect(formatIsoDate('soon', 'en-US')).toBe('soon')
    expect(formatIsoDate(undefined, 'en-US')).toBe('')
    expect(formatIsoDateTime('never', 'en-US')).toBe('never')
    expect(formatIsoDateTime(undefined, 'en-US')).toBe('')
  })

  it('shows an instant with its time', () => {
    expect(formatIsoDateTime('2025-03-01T09:30:00.000Z', 'en-US')).toMatch(/2025/)
  })

  it('gives today in local time', () => {
    expect(todayIso(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05')
  })
})

describe('one date format per locale', () => {
  it('shows an instant as its day, like a calendar date', () => {
    const day = formatIsoDate('2025-03-01', 'en-US')
    expect(formatIsoDate('2025-03-01T12:00:00.000Z', 'en-US')).toBe(day)
    expect(formatIsoDateTime('2025-03-01T12:00:00.000Z', 'en-US').startsWith(day)).toBe(true)
  })

  it('never uses the short numeric style', () => {
    expect(formatIsoDateTime(new Date(2026, 11, 5, 17, 53), 'en-US')).toMatch(/^Dec 5, 2026/)
  })
})
