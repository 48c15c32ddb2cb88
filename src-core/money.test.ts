import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  add,
  compare,
  decimal,
  divide,
  formatDecimal,
  isNegative,
  isZero,
  MAX_DECIMAL_PLACES,
  MAX_INTEGER_DIGITS,
  MoneyError,
  mul,
  negate,
  parseDecimal,
  pow10,
  roundDecimal,
  roundRatio,
  sub,
  sumDecimalStrings,
  ZERO,
  type RoundingRule,
} from './money'
import {
  canonicalDecimal,
  referenceQuotient,
  referenceRound,
} from './pricing/test-support/decimal-reference'

const RULES: readonly RoundingRule[] = ['halfEven', 'halfUp', 'ceiling', 'floor']

/** Canonical decimal strings within the parser's bounds. */
const decimalText = fc.integer({ min: 0, max: MAX_DECIMAL_PLACES }).chain((scale) => {
  const max = pow10(MAX_INTEGER_DIGITS + scale) - 1n
  return fc.bigInt({ min: -max, max }).map((units) => canonicalDecimal(units, scale))
})

describe('parseDecimal', () => {
  it.each([
    ['0', 0n, 0],
    ['-0', 0n, 0],
    ['42', 42n, 0],
    ['-12.50', -1250n, 2],
    ['007.5', 75n, 1],
    ['0.0000000001', 1n, 10],
    ['999999999999999.9999999999', 9999999999999999999999999n, 10],
  ])('parses %s', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale })
  })

  it.each([
    ['', 'not a decimal number'],
    ['+1', 'not a decimal number'],
    ['1e3', 'not a decimal number'],
    [' 1', 'not a decimal number'],
    ['1,000', 'not a decimal number'],
    ['1.', 'not a decimal number'],
    ['.5', 'not a decimal number'],
    ['--1', 'not a decimal number'],
    ['NaN', 'not a decimal number'],
    ['Infinity', 'not a decimal number'],
    ['x'.repeat(60), '…'],
    ['1000000000000000', 'more than 15 integer digits'],
    ['0.00000000001', 'more than 10'],
  ])('refuses %j', (text, message) => {
    expect(() => parseDecimal(text)).toThrow(MoneyError)
    expect(() => parseDecimal(text)).toThrow(message)
  })

  it('shares one frozen value per text, so a caller cannot corrupt the parse cache', () => {
    const first = parseDecimal('12.34')
    expect(parseDecimal('12.34')).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(() => Object.assign(first, { units: 0n })).toThrow(TypeError)
  })

  it('refuses non-strings from untyped callers', () => {
    expect(() => parseDecimal(1.5 as unknown as string)).toThrow(
      'expected a decimal string, got number',
    )
  })

  it('round-trips every canonical string', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const d = parseDecimal(text)
        const printed = formatDecimal(d, d.scale)
        expect(parseDecimal(printed)).toEqual(d)
        expect(printed === text || isZero(d)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('roundRatio, the one rounding function', () => {
  it.each([
    [5n, 2n, 2n, 3n, 3n, 2n],
    [7n, 2n, 4n, 4n, 4n, 3n],
    [-5n, 2n, -2n, -3n, -2n, -3n],
    [-7n, 2n, -4n, -4n, -3n, -4n],
    [10n, 4n, 2n, 3n, 3n, 2n],
    [11n, 4n, 3n, 3n, 3n, 2n],
    [9n, 4n, 2n, 2n, 3n, 2n],
    [6n, 3n, 2n, 2n, 2n, 2n],
    [5n, -2n, -2n, -3n, -2n, -3n],
  ])('%i / %i → halfEven %i, halfUp %i, ceiling %i, floor %i', (n, d, even, up, ceil, floor) => {
    expect(roundRatio(n, d, 'halfEven')).toBe(even)
    expect(roundRatio(n, d, 'halfUp')).toBe(up)
    expect(roundRatio(n, d, 'ceiling')).toBe(ceil)
    expect(roundRatio(n, d, 'floor')).toBe(floor)
  })

  it('refuses a zero denominator', () => {
    expect(() => roundRatio(1n, 0n, 'halfEven')).toThrow(MoneyError)
  })

  it('agrees with the digit-string reference for random ratios and every rule', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...RULES),
        (n, d, places, rule) => {
          const units = roundRatio(n * pow10(places), d, rule)
          const expected = referenceRound(referenceQuotient(n, d, places), places, rule)
          expect(formatDecimal({ units, scale: places }, places)).toBe(expected)
        },
      ),
      { numRuns: 3000 },
    )
  })
})

describe('roundDecimal and formatDecimal', () => {
  it.each([
    ['2.345', 2, 'halfEven', '2.34'],
    ['2.355', 2, 'halfEven', '2.36'],
    ['2.345', 2, 'halfUp', '2.35'],
    ['-2.345', 2, 'halfUp', '-2.35'],
    ['-2.345', 2, 'halfEven', '-2.34'],
    ['1090', 2, 'halfEven', '1090.00'],
    ['-0.5', 2, 'halfEven', '-0.50'],
    ['-0.001', 2, 'halfEven', '0.00'],
    ['-0.005', 2, 'halfUp', '-0.01'],
    ['-0', 2, 'halfEven', '0.00'],
    ['2.5', 0, 'halfEven', '2'],
    ['3.5', 0, 'halfEven', '4'],
    ['-2.5', 0, 'halfUp', '-3'],
    ['0.04', 1, 'halfEven', '0.0'],
    ['12.3456', 4, 'halfEven', '12.3456'],
  ] as const)('%s at %i places, %s → %s', (text, places, mode, expected) => {
    expect(formatDecimal(parseDecimal(text), places, mode)).toBe(expected)
  })

  it('defaults to halfEven', () => {
    expect(formatDecimal(parseDecimal('0.125'), 2)).toBe('0.12')
    expect(roundDecimal(parseDecimal('0.135'), 2)).toEqual({ units: 14n, scale: 2 })
  })

  it('keeps the value when widening and returns the same object at the same scale', () => {
    const d = parseDecimal('1.5')
    expect(roundDecimal(d, 3)).toEqual({ units: 1500n, scale: 3 })
    expect(roundDecimal(d, 1)).toBe(d)
  })

  it.each([-1, 1.5, MAX_DECIMAL_PLACES + 1, Number.NaN])('refuses %s places', (places) => {
    expect(() => formatDecimal(ZERO, places)).toThrow(MoneyError)
  })

  it('agrees with the digit-string reference for random values', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.integer({ min: 0, max: MAX_DECIMAL_PLACES }),
        fc.constantFrom<'halfEven' | 'halfUp'>('halfEven', 'halfUp'),
        (text, places, mode) => {
          const printed = formatDecimal(parseDecimal(text), places, mode)
          expect(printed).toBe(referenceRound(text, places, mode))
          expect(printed).toMatch(
            places === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`),
          )
          expect(printed.startsWith('-') && /^-[0.]+$/.test(printed)).toBe(false)
        },
      ),
      { numRuns: 3000 },
    )
  })
})

describe('arithmetic', () => {
  const d = parseDecimal

  it('adds, subtracts and multiplies exactly', () => {
    expect(formatDecimal(add(d('0.1'), d('0.2')), 1)).toBe('0.3')
    expect(sub(d('1'), d('0.01'))).toEqual({ units: 99n, scale: 2 })
    expect(sub(d('0.01'), d('1'))).toEqual({ units: -99n, scale: 2 })
    expect(mul(d('2.5'), d('0.35'))).toEqual({ units: 875n, scale: 3 })
    expect(negate(d('1.5'))).toEqual({ units: -15n, scale: 1 })
  })

  it('divides with one rounding', () => {
    expect(divide(d('10'), d('3'), 4)).toEqual({ units: 33333n, scale: 4 })
    expect(divide(d('1'), d('8'), 2, 'halfEven')).toEqual({ units: 12n, scale: 2 })
    expect(divide(d('1'), d('8'), 2, 'halfUp')).toEqual({ units: 13n, scale: 2 })
    expect(divide(d('-1.5'), d('0.5'), 0)).toEqual({ units: -3n, scale: 0 })
    expect(() => divide(d('1'), d('0.00'), 2)).toThrow('division by zero')
    expect(() => divide(d('1'), d('1'), -1)).toThrow(MoneyError)
  })

  it('compares by value, whatever the scale', () => {
    expect(compare(d('1.0'), d('1'))).toBe(0)
    expect(compare(d('-1'), d('0.5'))).toBe(-1)
    expect(compare(d('2.01'), d('2.1'))).toBe(-1)
    expect(compare(d('3'), d('2.999'))).toBe(1)
  })

  it('tells zero and sign', () => {
    expect(isZero(d('-0.00'))).toBe(true)
    expect(isZero(d('0.01'))).toBe(false)
    expect(isNegative(d('-0.01'))).toBe(true)
    expect(isNegative(d('-0'))).toBe(false)
    expect(ZERO).toEqual({ units: 0n, scale: 0 })
  })

  it('builds decimals from parts and refuses a bad scale', () => {
    expect(decimal(1999n, 2)).toEqual(d('19.99'))
    expect(() => decimal(1n, -1)).toThrow(MoneyError)
    expect(() => decimal(1n, 0.5)).toThrow(MoneyError)
  })

  it('computes large powers of ten beyond the cache', () => {
    expect(pow10(70)).toBe(10n ** 70n)
  })

  it('keeps algebraic laws exactly', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (x, y) => {
        const [a, b] = [d(x), d(y)]
        expect(compare(sub(add(a, b), b), a)).toBe(0)
        expect(compare(add(a, b), add(b, a))).toBe(0)
        expect(compare(mul(a, b), mul(b, a))).toBe(0)
        expect(compare(a, b)).toBe(-compare(b, a) || 0)
        if (!isZero(b)) {
          const q = divide(a, b, 6, 'halfEven')
          expect(formatDecimal(q, 6)).toBe(
            referenceRound(
              referenceQuotient(a.units * pow10(b.scale), b.units * pow10(a.scale), 6),
              6,
              'halfEven',
            ),
          )
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('sumDecimalStrings', () => {
  it('sums exactly and prints at the given places', () => {
    expect(sumDecimalStrings(['10.00', '0.5', '-2.25'], 2)).toBe('8.25')
    expect(sumDecimalStrings([], 2)).toBe('0.00')
    expect(sumDecimalStrings(['0.1', '0.2'], 2)).toBe('0.30')
    expect(sumDecimalStrings(['0.125'], 2, 'halfUp')).toBe('0.13')
  })

  it('names the malformed value', () => {
    expect(() => sumDecimalStrings(['1', 'x'], 2)).toThrow('value 1:')
    expect(() => sumDecimalStrings(['1', 'x'], 2)).toThrow(MoneyError)
  })
})
