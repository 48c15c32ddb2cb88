/**
 * A small runtime schema library for values that cross a trust boundary: IPC payloads, documents pushed to the
 * sync server, rows read from a backup file. src-core may import nothing outside itself, so this is ours rather
 * than zod's; it stays deliberately small.
 *
 * A schema is a function that returns the parsed value or throws a `SchemaError` whose `path` names the field,
 * and carries the JSON Schema of the same shape (`json`), so one definition also gives the server's route
 * schemas and the desktop's RxDB schemas. The JSON Schema says what JSON Schema can: types, bounds, patterns,
 * required and unknown keys. What it cannot (a refinement across fields, a NUL character in a text) only
 * `parse` checks, so a value that passes `parse` always passes `json`, not the other way round.
 *
 * @example
 * const point = object({ x: int(), y: int() })
 * point.parse({ x: 1, y: 2 }) // { x: 1, y: 2 }
 * point.safeParse({ x: 'a' }) // { ok: false, error: 'x: expected an integer' }
 */

export class SchemaError extends Error {
  readonly path: string

  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message)
    this.name = 'SchemaError'
    this.path = path
  }
}

export type SafeResult<T> = { ok: true; value: T } | { ok: false; error: string }

/** The JSON Schema (draft 7, as Ajv and RxDB read it) of a schema: the keywords this library emits. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null'
  enum?: readonly (string | number)[]
  const?: string | number | boolean | null
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  multipleOf?: number
  default?: unknown
  items?: JsonSchema
  maxItems?: number
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean
  anyOf?: JsonSchema[]
}

export interface Schema<T> {
  /** Returns the value, typed, or throws a SchemaError naming the offending path. */
  parse(input: unknown, path?: string): T
  safeParse(input: unknown): SafeResult<T>
  /** The same shape as JSON Schema (never stricter than `parse`). */
  readonly json: JsonSchema
  /** A field an object may leave out (`optional`, `withDefault`). */
  readonly optional?: true
}

export type Infer<S> = S extends Schema<infer T> ? T : never

/**
 * A schema from a parse function and its JSON Schema; for shapes this library has no builder for.
 *
 * @example
 * const zero = custom((v, path) => { if (v !== 0) throw new SchemaError(path, 'expected 0'); return 0 }, { const: 0 })
 */
export function custom<T>(
  parse: (input: unknown, path: string) => T,
  json: JsonSchema,
  optional?: true,
): Schema<T> {
  return {
    json,
    ...(optional ? { optional } : {}),
    parse: (input, path = '') => parse(input, path),
    safeParse(input) {
      try {
        return { ok: true, value: parse(input, '') }
      } catch (e) {
        if (e instanceof SchemaError) return { ok: false, error: e.message }
        throw e
      }
    },
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path ? `${path}.${key}` : key
}

export interface StringOptions {
  min?: number
  max?: number
  pattern?: RegExp
  /** Named in the error when the pattern does not match, e.g. 'a decimal number'. */
  patternName?: string
  /**
   * The longest text the pattern lets through, said in the JSON Schema for readers that need a bound (RxDB
   * indexes strings only with one); `parse` leaves it to the pattern, whose error says more.
   */
  longest?: number
}

/** Half of a surrogate pair without its other half: text PostgreSQL (and most files) cannot hold. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why a text cannot be stored, or undefined when it can: a NUL character, or an unpaired surrogate (half of a
 * character, as a cut or badly converted text leaves it).
 */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character, which cannot be stored'
  if (UNPAIRED_SURROGATE.test(text))
    return 'contains half of a character (an unpaired surrogate), which cannot be stored'
  return undefined
}

/** A string; never one with a NUL character or an unpaired surrogate (see `unstorableText`). */
export function string(options: StringOptions = {}): Schema<string> {
  const json: JsonSchema = { type: 'string' }
  if (options.min !== undefined) json.minLength = options.min
  if (options.max !== undefined || options.longest !== undefined)
    json.maxLength = Math.min(options.max ?? Infinity, options.longest ?? Infinity)
  if (options.pattern) json.pattern = options.pattern.source
  return custom((input, path) => {
    if (typeof input !== 'string') throw new SchemaError(path, 'expected a string')
    const unstorable = unstorableText(input)
    if (unstorable) throw new SchemaError(path, unstorable)
    if (options.min !== undefined && input.length < options.min)
      throw new SchemaError(path, `must have at least ${options.min} characters`)
    if (options.max !== undefined && input.length > options.max)
      throw new SchemaError(path, `must have at most ${options.max} characters`)
    if (options.pattern && !options.pattern.test(input))
      throw new SchemaError(
        path,
        `expected ${options.patternName ?? `to match ${String(options.pattern)}`}`,
      )
    return input
  }, json)
}

export function int(options: { min?: number; max?: number } = {}): Schema<number> {
  const json: JsonSchema = { type: 'integer' }
  if (options.min !== undefined) json.minimum = options.min
  if (options.max !== undefined) json.maximum = options.max
  return custom((input, path) => {
    if (typeof input !== 'number' || !Number.isSafeInteger(input))
      throw new SchemaError(path, 'expected an integer')
    if (options.min !== undefined && input < options.min)
      throw new SchemaError(path, `must be at least ${options.min}`)
    if (options.max !== undefined && input > options.max)
      throw new SchemaError(path, `must be at most ${options.max}`)
    return input
  }, json)
}

export function boolean(): Schema<boolean> {
  return custom(
    (input, path) => {
      if (typeof input !== 'boolean') throw new SchemaError(path, 'expected true or false')
      return input
    },
    { type: 'boolean' },
  )
}

export function literal<const T extends string | number | boolean | null>(value: T): Schema<T> {
  return custom(
    (input, path) => {
      if (input !== value) throw new SchemaError(path, `expected ${JSON.stringify(value)}`)
      return value
    },
    { const: value },
  )
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return custom(
    (input, path) => {
      if (typeof input !== 'string' || !values.includes(input))
        throw new SchemaError(path, `expected one of ${values.join(', ')}`)
      return input
    },
    { type: 'string', enum: values },
  )
}

/** A field an object may leave out. */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return custom(
    (input, path) => (input === undefined ? undefined : inner.parse(input, path)),
    inner.json,
    true,
  )
}

/**
 * A field an object may leave out, which then takes `value` (as Ajv's `useDefaults` fills it in).
 *
 * @example
 * object({ batchSize: withDefault(int({ min: 1 }), 200) }).parse({}) // { batchSize: 200 }
 */
export function withDefault<T>(inner: Schema<T>, value: T): Schema<T> {
  return custom(
    (input, path) => (input === undefined ? value : inner.parse(input, path)),
    { ...inner.json, default: value },
    true,
  )
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return custom((input, path) => (input === null ? null : inner.parse(input, path)), {
    anyOf: [inner.json, { type: 'null' }],
  })
}

export function array<T>(item: Schema<T>, options: { max?: number } = {}): Schema<T[]> {
  const json: JsonSchema = { type: 'array', items: item.json }
  if (options.max !== undefined) json.maxItems = options.max
  return custom((input, path) => {
    if (!Array.isArray(input)) throw new SchemaError(path, 'expected a list')
    if (options.max !== undefined && input.length > options.max)
      throw new SchemaError(path, `must have at most ${options.max} items`)
    return input.map((v, i) => item.parse(v, join(path, i)))
  }, json)
}

type Shape = Record<string, Schema<unknown>>
type ObjectOf<S extends Shape> = {
  [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]>
} & {
  [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>
}
type Flatten<T> = { [K in keyof T]: T[K] }

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
  const proto = Object.getPrototypeOf(input) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * An object with exactly these keys. Unknown keys are refused rather than dropped: over IPC and sync an
 * unexpected key is a bug or an attack, and either way it should be loud.
 */
export function object<S extends Shape>(shape: S): Schema<Flatten<ObjectOf<S>>> {
  const entries = Object.entries(shape)
  const json: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(entries.map(([key, field]) => [key, field.json])),
    required: entries.filter(([, field]) => !field.optional).map(([key]) => key),
    additionalProperties: false,
  }
  return custom((input, path) => {
    if (!isPlainObject(input)) throw new SchemaError(path, 'expected an object')
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(shape, key))
        throw new SchemaError(join(path, key), 'is not an allowed field')
    }
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(shape)) {
      const value = field.parse(input[key], join(path, key))
      if (value !== undefined) out[key] = value
    }
    return out as Flatten<ObjectOf<S>>
  }, json)
}

/**
 * Any JSON object, its fields unchecked (a record whose own schema is checked further on, by its collection).
 */
export function anyObject(): Schema<Record<string, unknown>> {
  return custom(
    (input, path) => {
      if (!isPlainObject(input)) throw new SchemaError(path, 'expected an object')
      return input
    },
    { type: 'object' },
  )
}

/** An empty payload: `undefined` or `{}`. */
export function empty(): Schema<undefined> {
  return custom(
    (input, path) => {
      if (input === undefined || input === null) return undefined
      if (isPlainObject(input) && Object.keys(input).length === 0) return undefined
      throw new SchemaError(path, 'expected no payload')
    },
    { type: 'object', properties: {}, additionalProperties: false },
  )
}

/** A schema refined by a predicate; the message says what was wrong. */
export function refine<T>(inner: Schema<T>, check: (v: T) => boolean, message: string): Schema<T> {
  return custom(
    (input, path) => {
      const value = inner.parse(input, path)
      if (!check(value)) throw new SchemaError(path, message)
      return value
    },
    inner.json,
    inner.optional,
  )
}

/** The first schema that accepts the input; the error lists what each expected. */
export function union<T extends readonly Schema<unknown>[]>(options: T): Schema<Infer<T[number]>> {
  return custom(
    (input, path) => {
      const errors: string[] = []
      for (const option of options) {
        try {
          return option.parse(input, path) as Infer<T[number]>
        } catch (e) {
          if (!(e instanceof SchemaError)) throw e
          errors.push(e.message)
        }
      }
      throw new SchemaError(path, `matched no allowed form (${errors.join('; ')})`)
    },
    { anyOf: options.map((o) => o.json) },
  )
}

/**
 * Records of several kinds told apart by a tag field: the tag picks the kind's schema, which checks the rest, and
 * the record keeps its tag. Unlike `union`, the error is the chosen kind's own (or names the tag when it is no
 * kind), so a rep reads one reason, not one per kind.
 *
 * @example
 * const shape = tagged('kind', { circle: object({ r: int() }), square: object({ side: int() }) })
 * shape.parse({ kind: 'circle', r: 2 }) // { kind: 'circle', r: 2 }
 * shape.safeParse({ kind: 'circle', side: 2 }) // { ok: false, error: 'side: is not an allowed field' }
 */
export function tagged<const K extends string, V extends Record<string, Schema<object>>>(
  tag: K,
  kinds: V,
): Schema<{ [N in keyof V & string]: Flatten<{ [P in K]: N } & Infer<V[N]>> }[keyof V & string]> {
  const names = Object.keys(kinds)
  const anyOf = Object.entries(kinds).map(([name, kind]): JsonSchema => {
    const { properties, required } = kind.json
    if (kind.json.type !== 'object' || !properties || Object.hasOwn(properties, tag))
      throw new Error(`The ${name} kind of a tagged schema must be an object without ${tag}.`)
    return {
      ...kind.json,
      properties: { [tag]: { const: name }, ...properties },
      required: [tag, ...(required ?? [])],
    }
  })
  return custom(
    (input, path) => {
      if (!isPlainObject(input)) throw new SchemaError(path, 'expected an object')
      const { [tag]: name, ...rest } = input
      const kind = typeof name === 'string' && Object.hasOwn(kinds, name) ? kinds[name] : undefined
      if (!kind) throw new SchemaError(join(path, tag), `expected one of ${names.join(', ')}`)
      return { [tag]: name, ...kind.parse(rest, path) } as never
    },
    { anyOf },
  )
}
