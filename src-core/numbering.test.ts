import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  advancePast,
  createNumberingState,
  DEFAULT_INVOICE_FORMAT,
  formatDocumentNumber,
  isDocumentNumber,
  isOwnNumber,
  MAX_COUNTER,
  nextDocumentNumber,
  parseDocumentNumber,
  SUFFIX_ALPHABET,
  validateNumberFormat,
  type NumberingState,
} from './numbering'

const crypto = (n: number) => new Uint8Array(randomBytes(n))
const fmt = DEFAULT_INVOICE_FORMAT

describe('number format', () => {
  test('looks like Dynamics: INV-01001-X7K2Q9', () => {
    const { number, state } = nextDocumentNumber(fmt, { deviceKey: 'X7K2Q9', nextCounter: 1001 })
    expect(number).toMatch(/^INV-01001-[23456789A-HJ-NP-Z]{6}$/)
    expect(state.nextCounter).toBe(1002)
    expect(formatDocumentNumber(fmt, 7, 'ABCD')).toBe('INV-00007-ABCD')
  })

  test('the alphabet has 32 unambiguous characters', () => {
    expect(new Set(SUFFIX_ALPHABET).size).toBe(32)
    expect(SUFFIX_ALPHABET).not.toMatch(/[01OI]/)
  })

  test.each([
    [{ ...fmt, suffixLength: 3 }, 'suffixLength: must be at least 4'],
    [{ ...fmt, suffixLength: 7 }, 'suffixLength: must be at most 6'],
    [{ ...fmt, prefix: '' }, 'prefix: must have at least 1 characters'],
    [{ ...fmt, prefix: 'IN V' }, 'prefix: expected letters and digits'],
    [{ ...fmt, separator: 'x' }, 'separator: expected one of - / . _'],
    [{ ...fmt, padding: 0 }, 'padding: must be at least 1'],
  ])('refuses %o', (format, error) => {
    expect(validateNumberFormat(format)).toEqual({ ok: false, error })
    expect(() => nextDocumentNumber(format, { deviceKey: 'ABCDEF', nextCounter: 1 })).toThrow(
      RangeError,
    )
  })

  test('refuses a broken state and an exhausted counter', () => {
    expect(() => nextDocumentNumber(fmt, { deviceKey: 'abc', nextCounter: 1 })).toThrow(
      /numbering state/,
    )
    expect(() =>
      nextDocumentNumber(fmt, { deviceKey: 'ABCDEF', nextCounter: MAX_COUNTER }),
    ).toThrow(/every number/)
  })

  test('a new device draws its key from the injected source', () => {
    const state = createNumberingState(() => new Uint8Array([0, 1, 31, 32, 255, 7]))
    expect(state).toEqual({ deviceKey: '23Z2Z9', nextCounter: 1 })
    expect(() => createNumberingState(() => new Uint8Array(2))).toThrow(/too few/)
    expect(createNumberingState(crypto, 1001).nextCounter).toBe(1001)
  })
})

describe('parse', () => {
  test('reads back what it wrote, in every format', () => {
    fc.assert(
      fc.property(
        fc.record({
          prefix: fc.stringMatching(/^[A-Z0-9]{1,10}$/),
          separator: fc.constantFrom('-', '/', '.', '_'),
          padding: fc.integer({ min: 1, max: 10 }),
          suffixLength: fc.integer({ min: 4, max: 6 }),
        }),
        fc.integer({ min: 1, max: MAX_COUNTER - 1 }),
        fc.uint8Array({ minLength: 6, maxLength: 6 }),
        (format, counter, bytes) => {
          const state = { ...createNumberingState(() => bytes), nextCounter: counter }
          const { number } = nextDocumentNumber(format, state)
          const parsed = parseDocumentNumber(format, number)
          expect(parsed?.counter).toBe(counter)
          expect(isOwnNumber(format, state, number)).toBe(true)
        },
      ),
    )
  })

  test.each([
    'INV-1001-X7K2Q9',
    'INV-01001-X7K2Q',
    'INV-01001-X7K2Q0',
    'ORD-01001-X7K2Q9',
    'INV-001001-X7K2Q9',
    'INV-00000-X7K2Q9',
    'INV-99999999999-X7K2Q9',
    'INV-01001-X7K2Q9 ',
  ])('%s is not an invoice number', (text) => {
    expect(isDocumentNumber(fmt, text)).toBe(false)
  })

  test('a counter wider than the padding is accepted', () => {
    expect(parseDocumentNumber(fmt, 'INV-123456-X7K2Q9')).toEqual({
      counter: 123456,
      suffix: 'X7K2Q9',
    })
  })
})

describe('uniqueness across devices that never talk', () => {
  // 50 devices × 10,000 invoices, each device with its own crypto-strong key. The header of numbering.ts
  // derives P(any duplicate) ≤ 1,225 / 2^30 ≈ 1.1e-6 for this run, so a failure here is a bug, not bad luck.
  test('50 devices each numbering 10,000 invoices offline produce no duplicate', () => {
    const seen = new Set<string>()
    for (let device = 0; device < 50; device++) {
      let state: NumberingState = createNumberingState(crypto)
      for (let i = 0; i < 10_000; i++) {
        const next = nextDocumentNumber(fmt, state)
        seen.add(next.number)
        state = next.state
      }
    }
    expect(seen.size).toBe(500_000)
  })

  test('two devices with different keys never share a number at the same counter', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 6, maxLength: 6 }),
        fc.uint8Array({ minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (a, b, counter) => {
          const sa = { ...createNumberingState(() => a), nextCounter: counter }
          const sb = { ...createNumberingState(() => b), nextCounter: counter }
          fc.pre(sa.deviceKey !== sb.deviceKey)
          expect(nextDocumentNumber(fmt, sa).number).not.toBe(nextDocumentNumber(fmt, sb).number)
        },
      ),
    )
  })
})

test('after a restore, advancePast skips the numbers this device already issued', () => {
  let state = createNumberingState(crypto)
  const issued: string[] = []
  for (let i = 0; i < 5; i++) {
    const next = nextDocumentNumber(fmt, state)
    issued.push(next.number)
    state = next.state
  }
  const other = nextDocumentNumber(fmt, {
    ...createNumberingState(crypto),
    nextCounter: 900,
  }).number
  const restored = { ...state, nextCounter: 2 }
  const resumed = advancePast(fmt, restored, [...issued, other, 'garbage'])
  expect(resumed.nextCounter).toBe(6)
  expect(advancePast(fmt, state, issued.slice(0, 2)).nextCounter).toBe(6)
})
