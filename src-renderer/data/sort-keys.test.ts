import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compare, parseDecimal } from '@core/money'
import {
  DATE_AMOUNT_DESC_KEY_LENGTH,
  dateAmountDescKey,
  DECIMAL_KEY_LENGTH,
  decimalSortKey,
  INSTANT_KEY_LENGTH,
  invertDigits,
  nameKey,
  newestFirstKey,
  NO_DATE_KEY,
} from './sort-keys'

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

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** Instants from year 1 to 9999, as the ISO strings src-core stores. */
const instant = fc
  .integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) })
  .map((ms) => new Date(ms))
const isoDate = instant.map((d) => d.toISOString().slice(0, 10))

describe('newestFirstKey', () => {
  it('orders keys ascending exactly as the instants order descending', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const ka = newestFirstKey(a.toISOString())
        const kb = newestFirstKey(b.toISOString())
        expect(ka).toHaveLength(INSTANT_KEY_LENGTH)
        expect(order(ka, kb)).toBe(Math.sign(b.getTime() - a.getTime()))
      }),
    )
  })

  it('compares offsets and precisions by the instant they name', () => {
    expect(newestFirstKey('2025-03-01T10:00:00+01:00')).toBe(
      newestFirstKey('2025-03-01T09:00:00.000Z'),
    )
    expect(
      newestFirstKey('2025-03-01T09:00:00.0011Z') < newestFirstKey('2025-03-01T09:00:00Z'),
    ).toBe(true)
    expect(() => newestFirstKey('yesterday')).toThrow(RangeError)
  })
})

describe('dateAmountDescKey', () => {
  it('orders by date descending, then amount descending', () => {
    fc.assert(
      fc.property(
        fc.oneof(isoDate, fc.constant(NO_DATE_KEY)),
        decimalText,
        fc.oneof(isoDate, fc.constant(NO_DATE_KEY)),
        decimalText,
        (da, a, db, b) => {
          const ka = dateAmountDescKey(da, decimalSortKey(a))
          const kb = dateAmountDescKey(db, decimalSortKey(b))
          expect(ka).toHaveLength(DATE_AMOUNT_DESC_KEY_LENGTH)
          const expected = da !== db ? order(db, da) : compare(parseDecimal(b), parseDecimal(a))
          expect(order(ka, kb)).toBe(expected)
        },
      ),
    )
  })

  it('inverts digits only', () => {
    expect(invertDigits('2025-03-01')).toBe('7974-96-98')
    expect(invertDigits(invertDigits('0123456789'))).toBe('0123456789')
  })
})
