import { describe, expect, it } from 'vitest'
import { statusSeverity } from './status-severity'

describe('statusSeverity', () => {
  it('keeps canceled apart from the settled states', () => {
    expect(statusSeverity('canceled')).toBe('secondary')
    expect(statusSeverity('paid')).toBe('success')
    expect(statusSeverity('active')).toBe('info')
    expect(statusSeverity('submitted')).toBe('warn')
  })
})
