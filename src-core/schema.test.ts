import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  anyObject,
  array,
  boolean,
  empty,
  int,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  SchemaError,
  string,
  tagged,
  union,
  withDefault,
} from './schema'

describe('scalars', () => {
  test.each([
    [string(), 1, 'expected a string'],
    [string({ min: 2 }), 'a', 'must have at least 2 characters'],
    [string({ max: 1 }), 'ab', 'must have at most 1 characters'],
    [string({ pattern: /^\d+$/, patternName: 'digits' }), 'a', 'expected digits'],
    [string({ pattern: /^\d+$/ }), 'a', 'expected to match /^\\d+$/'],
    [int(), 1.5, 'expected an integer'],
    [int(), 2 ** 53, 'expected an integer'],
    [int({ min: 1 }), 0, 'must be at least 1'],
    [int({ max: 1 }), 2, 'must be at most 1'],
    [boolean(), 'true', 'expected true or false'],
    [literal('a'), 'b', 'expected "a"'],
    [oneOf(['x', 'y']), 'z', 'expected one of x, y'],
  ] as const)('%#: refuses %o', (schema, input, error) => {
    expect(schema.safeParse(input)).toEqual({ ok: false, error })
  })

  test.each([
    ['a NUL', 'Acme\u0000Ltd', 'contains a NUL character, which cannot be stored'],
    [
      'a lone high surrogate',
      'Acme \ud83d',
      'contains half of a character (an unpaired surrogate), which cannot be stored',
    ],
    [
      'a lone low surrogate',
      '\ude00 Acme',
      'contains half of a character (an unpaired surrogate), which cannot be stored',
    ],
    [
      'two high surrogates',
      '\ud83d\ud83d\ude00',
      'contains half of a character (an unpaired surrogate), which cannot be stored',
    ],
  ])('a string with %s is refused, naming the field', (_, input, error) => {
    expect(object({ name: string() }).safeParse({ name: input })).toEqual({
      ok: false,
      error: `name: ${error}`,
    })
  })

  test('a string with whole surrogate pairs (emoji) and other control characters is taken', () => {
    expect(string().parse('Café 😀 \t\u0001')).toBe('Café 😀 \t\u0001')
  })

  test('accepts what it describes', () => {
    expect(string({ min: 1, max: 3, pattern: /a/ }).parse('abc')).toBe('abc')
    expect(int({ min: 0, max: 9 }).parse(9)).toBe(9)
    expect(boolean().parse(false)).toBe(false)
    expect(literal(null).parse(null)).toBeNull()
    expect(optional(int()).parse(undefined)).toBeUndefined()
    expect(nullable(int()).parse(null)).toBeNull()
    expect(nullable(int()).parse(3)).toBe(3)
  })
})

describe('objects and lists', () => {
  const point = object({ x: int(), y: int(), label: optional(string()) })

  test('names the failing path', () => {
    const shape = object({ points: array(point) })
    expect(
      shape.safeParse({
        points: [
          { x: 1, y: 2 },
          { x: 'a', y: 2 },
        ],
      }),
    ).toEqual({
      ok: false,
      error: 'points[1].x: expected an integer',
    })
    expect(() => shape.parse({ points: {} })).toThrow(SchemaError)
    try {
      shape.parse({ points: [{ x: 1, y: 2, z: 3 }] })
    } catch (e) {
      expect((e as SchemaError).path).toBe('points[0].z')
      expect((e as SchemaError).message).toBe('points[0].z: is not an allowed field')
    }
  })

  test('refuses non-plain objects, drops absent optionals', () => {
    expect(point.safeParse([])).toMatchObject({ ok: false, error: 'expected an object' })
    expect(point.safeParse(new Date())).toMatchObject({ ok: false })
    expect(point.parse(Object.assign(Object.create(null) as object, { x: 1, y: 2 }))).toEqual({
      x: 1,
      y: 2,
    })
    expect(Object.keys(point.parse({ x: 1, y: 2, label: undefined }))).toEqual(['x', 'y'])
    expect(array(int(), { max: 1 }).safeParse([1, 2])).toEqual({
      ok: false,
      error: 'must have at most 1 items',
    })
  })

  test('empty, refine, union', () => {
    expect(empty().parse(undefined)).toBeUndefined()
    expect(empty().parse(null)).toBeUndefined()
    expect(empty().parse({})).toBeUndefined()
    expect(empty().safeParse({ a: 1 })).toEqual({ ok: false, error: 'expected no payload' })
    const even = refine(int(), (n) => n % 2 === 0, 'must be even')
    expect(even.safeParse(3)).toEqual({ ok: false, error: 'must be even' })
    const either = union([int(), string()])
    expect(either.parse('a')).toBe('a')
    expect(either.safeParse(true)).toEqual({
      ok: false,
      error: 'matched no allowed form (expected an integer; expected a string)',
    })
  })

  test('a schema that throws something else lets it through', () => {
    const boom = refine(
      int(),
      () => {
        throw new TypeError('bug')
      },
      'never',
    )
    expect(() => boom.safeParse(1)).toThrow(TypeError)
    expect(() => union([boom]).parse(1)).toThrow(TypeError)
  })

  test('any JSON of the right shape round-trips unchanged', () => {
    fc.assert(
      fc.property(
        fc.record(
          { x: fc.integer(), y: fc.integer(), label: fc.option(fc.string(), { nil: undefined }) },
          { requiredKeys: ['x', 'y'] },
        ),
        (value) => {
          const parsed = point.parse(JSON.parse(JSON.stringify(value)))
          expect(parsed).toEqual(JSON.parse(JSON.stringify(value)))
        },
      ),
    )
  })
})

describe('tagged records', () => {
  const shape = tagged('kind', {
    circle: refine(object({ r: int({ min: 1 }) }), (c) => c.r < 10, 'r: must be under 10'),
    square: object({ side: int() }),
  })

  test('the tag picks the kind, whose own error is the one given; the record keeps its tag', () => {
    expect(shape.parse({ kind: 'circle', r: 2 })).toEqual({ kind: 'circle', r: 2 })
    expect(shape.safeParse({ kind: 'circle', side: 2 })).toEqual({
      ok: false,
      error: 'side: is not an allowed field',
    })
    expect(shape.safeParse({ kind: 'circle', r: 12 })).toEqual({
      ok: false,
      error: 'r: must be under 10',
    })
    expect(shape.safeParse({ kind: 'toString', r: 1 })).toEqual({
      ok: false,
      error: 'kind: expected one of circle, square',
    })
    expect(shape.safeParse([])).toEqual({ ok: false, error: 'expected an object' })
  })

  test('its JSON Schema is one object per kind, the tag a constant of each', () => {
    expect(shape.json.anyOf?.[1]).toEqual({
      type: 'object',
      properties: { kind: { const: 'square' }, side: { type: 'integer' } },
      required: ['kind', 'side'],
      additionalProperties: false,
    })
    expect(() => tagged('kind', { bad: int() as never })).toThrow(
      'The bad kind of a tagged schema must be an object without kind.',
    )
  })
})

describe('JSON Schema', () => {
  test('each builder says its shape as JSON Schema; optional and defaulted fields are not required', () => {
    const shape = object({
      name: string({ min: 1, max: 5, pattern: /^\w+$/ }),
      count: withDefault(int({ min: 0 }), 0),
      tag: optional(oneOf(['a', 'b'] as const)),
      flag: nullable(boolean()),
      list: array(union([literal('x'), anyObject()]), { max: 3 }),
    })
    expect(shape.json).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5, pattern: '^\\w+$' },
        count: { type: 'integer', minimum: 0, default: 0 },
        tag: { type: 'string', enum: ['a', 'b'] },
        flag: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
        list: {
          type: 'array',
          maxItems: 3,
          items: { anyOf: [{ const: 'x' }, { type: 'object' }] },
        },
      },
      required: ['name', 'flag', 'list'],
      additionalProperties: false,
    })
    expect(shape.parse({ name: 'ab', flag: null, list: [{ any: 1 }] })).toEqual({
      name: 'ab',
      count: 0,
      flag: null,
      list: [{ any: 1 }],
    })
    expect(refine(optional(int()), () => true, 'never').optional).toBe(true)
    expect(empty().json).toEqual({ type: 'object', properties: {}, additionalProperties: false })
  })
})
