import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compare, parseDecimal } from '../../src-core/money'
import { DECIMAL_KEY_LENGTH, decimalSortKey, nameKey } from './sort-keys'

const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
    fc.integer({ min: 0, max: 10 }),
  )
  .map(([negative, units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0')
    const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
    return negative && units !== 0n ? `-${text}` : text
  })

describe('decimalSortKey', () => {
  it('orders keys as text exactly as the amounts order as numbers', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const textOrder =
          decimalSortKey(a) < decimalSortKey(b) ? -1 : decimalSortKey(a) > decimalSortKey(b) ? 1 : 0
        expect(textOrder).toBe(compare(parseDecimal(a), parseDecimal(b)))
      }),
    )
  })

  it('has a fixed width and treats equal amounts with other spellings as equal', () => {
    expect(decimalSortKey('-999999999999999.9999999999')).toHaveLength(DECIMAL_KEY_LENGTH)
    expect(decimalSortKey('999999999999999.9999999999')).toHaveLength(DECIMAL_KEY_LENGTH)
    expect(decimalSortKey('10')).toBe(decimalSortKey('10.000'))
    expect(decimalSortKey('9.00') < decimalSortKey('10')).toBe(true)
    expect(decimalSortKey('-2') < decimalSortKey('-1')).toBe(true)
  })
})

describe('nameKey', () => {
  it('sorts names case-insensitively and ignores surrounding spaces', () => {
    expect(nameKey('  Contoso Ltd ')).toBe('contoso ltd')
    expect(nameKey('b') > nameKey('A')).toBe(true)
  })
})
