import { describe, expect, it } from 'vitest'
import { parseRequest } from './contract'
import { isIsoDay } from './desktop-services'

const statement = {
  customerId: 'cust-1',
  customerName: 'Contoso Ltd',
  from: '2026-01-01',
  to: '2026-12-31',
  paperSize: 'a4',
}

const refusal = (payload: unknown) => {
  const parsed = parseRequest('pdf:export-statement', payload)
  return parsed.ok ? null : parsed.error
}

describe('the statement PDF request', () => {
  it('accepts a customer id, two days in order and a paper size', () => {
    expect(parseRequest('pdf:export-statement', statement)).toEqual({ ok: true, value: statement })
    expect(refusal({ ...statement, to: statement.from })).toBeNull()
  })

  it('refuses anything that could reach the print route other than an id and days, naming the field', () => {
    expect(refusal({ ...statement, customerId: '../invoices/inv-1/print' })).toBe(
      'pdf:export-statement: customerId: expected an id',
    )
    expect(refusal({ ...statement, customerId: 'c?then=pdf' })).toMatch(
      /customerId: expected an id/,
    )
    expect(refusal({ ...statement, from: '2026-01-01&paper=a4' })).toMatch(
      /^pdf:export-statement: from:/,
    )
    expect(refusal({ ...statement, to: '2026-02-30' })).toBe(
      'pdf:export-statement: to: expected a date as YYYY-MM-DD',
    )
    expect(refusal({ ...statement, from: '26-1-1x' })).toMatch(
      /from: expected a date as YYYY-MM-DD/,
    )
    expect(refusal({ ...statement, from: 20260101 })).toMatch(/from:/)
    expect(refusal({ ...statement, route: '#/settings' })).toMatch(/route/)
    expect(refusal({ ...statement, paperSize: 'legal' })).toMatch(/paperSize/)
    expect(refusal({ ...statement, customerName: 'x'.repeat(301) })).toMatch(/customerName/)
    const { to: _to, ...withoutTo } = statement
    expect(refusal(withoutTo)).toMatch(/to/)
  })

  it('refuses a period that ends before it starts', () => {
    expect(refusal({ ...statement, from: '2026-12-31', to: '2026-01-01' })).toBe(
      'pdf:export-statement: from must not be after to',
    )
  })

  it('knows which days exist', () => {
    expect(isIsoDay('2024-02-29')).toBe(true)
    expect(isIsoDay('2025-02-29')).toBe(false)
    expect(isIsoDay('2025-13-01')).toBe(false)
    expect(isIsoDay('2025-1-01')).toBe(false)
    expect(isIsoDay(' 2025-01-01')).toBe(false)
  })
})
