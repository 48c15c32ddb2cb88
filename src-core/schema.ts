/**
 * A small runtime schema library for values that cross a trust boundary: IPC payloads, documents pushed to the
 * sync server, rows read from a backup file. src-core may import nothing outside itself, so this is ours rather
 * than zod's; it stays deliberately small.
 *
 * A schema is a function that returns the parsed value or throws a `SchemaError` whose `path` names the field.
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

export interface Schema<T> {
  /** Returns the value, typed, or throws a SchemaError naming the offending path. */
  parse(input: unknown, path?: string): T
  safeParse(input: unknown): SafeResult<T>
}

export type Infer<S> = S extends Schema<infer T> ? T : never

function schema<T>(parse: (input: unknown, path: string) => T): Schema<T> {
  return {
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
  return schema((input, path) => {
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
  })
}

export function int(options: { min?: number; max?: number } = {}): Schema<number> {
  return schema((input, path) => {
    if (typeof input !== 'number' || !Number.isSafeInteger(input))
      throw new SchemaError(path, 'expected an integer')
    if (options.min !== undefined && input < options.min)
      throw new SchemaError(path, `must be at least ${options.min}`)
    if (options.max !== undefined && input > options.max)
      throw new SchemaError(path, `must be at most ${options.max}`)
    return input
  })
}

export function boolean(): Schema<boolean> {
  return schema((input, path) => {
    if (typeof input !== 'boolean') throw new SchemaError(path, 'expected true or false')
    return input
  })
}

export function literal<const T extends string | number | boolean | null>(value: T): Schema<T> {
  return schema((input, path) => {
    if (input !== value) throw new SchemaError(path, `expected ${JSON.stringify(value)}`)
    return value
  })
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return schema((input, path) => {
    if (typeof input !== 'string' || !values.includes(input))
      throw new SchemaError(path, `expected one of ${values.join(', ')}`)
    return input
  })
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return schema((input, path) => (input === undefined ? undefined : inner.parse(input, path)))
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema((input, path) => (input === null ? null : inner.parse(input, path)))
}

export function array<T>(item: Schema<T>, options: { max?: number } = {}): Schema<T[]> {
  return schema((input, path) => {
    if (!Array.isArray(input)) throw new SchemaError(path, 'expected a list')
    if (options.max !== undefined && input.length > options.max)
      throw new SchemaError(path, `must have at most ${options.max} items`)
    return input.map((v, i) => item.parse(v, join(path, i)))
  })
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
  return schema((input, path) => {
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
  })
}

/** An empty payload: `undefined` or `{}`. */
export function empty(): Schema<undefined> {
  return schema((input, path) => {
    if (input === undefined || input === null) return undefined
    if (isPlainObject(input) && Object.keys(input).length === 0) return undefined
    throw new SchemaError(path, 'expected no payload')
  })
}

/** A schema refined by a predicate; the message says what was wrong. */
export function refine<T>(inner: Schema<T>, check: (v: T) => boolean, message: string): Schema<T> {
  return schema((input, path) => {
    const value = inner.parse(input, path)
    if (!check(value)) throw new SchemaError(path, message)
    return value
  })
}

/** The first schema that accepts the input; the error lists what each expected. */
export function union<T extends readonly Schema<unknown>[]>(options: T): Schema<Infer<T[number]>> {
  return schema((input, path) => {
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
  })
}
