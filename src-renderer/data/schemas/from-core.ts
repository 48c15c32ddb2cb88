/**
 * An RxDB schema made from a src-core record schema, so a record's shape is written once: src-core's schema
 * validates it (repositories, the server, backups) and its JSON Schema (`json`) gives the stored fields here.
 * RxDB keeps only the top level: each field's type, and a `maxLength` on every string (RxDB needs one to index
 * it); nested objects and lists are stored as they are, their content checked by src-core's schema. We ship no
 * RxDB validator (database.ts), so what RxDB holds of a field is its index bound and a part of the schema's hash.
 *
 * What only storage knows is said here: the collection's name, version and indexes, the derived index fields
 * the data layer adds, and what a stored version froze differently from today's record (RxDB hashes the schema:
 * the same version with another schema does not open). A changed record schema changes the RxDB schema made
 * from it; stored databases then need a version and a migration, and the tests comparing each made schema with
 * the frozen copy of the stored one (stored/*.json) say so.
 */
import type { RxJsonSchema, TopLevelProperty } from 'rxdb'
import type { JsonSchema, Schema } from '@core/schema'

/** A field of a fixed set of words (a kind, a state, a method) is stored in at most this many characters. */
export const WORD_LENGTH = 20

/** A stored text of at most `maxLength` characters. */
export const storedText = (maxLength: number): TopLevelProperty => ({ type: 'string', maxLength })

export interface StoredAs<T> {
  title: string
  description?: string
  version: number
  indexes: NonNullable<RxJsonSchema<T>['indexes']>
  /** The derived index fields the data layer adds to the record: stored and required. */
  derived?: Record<string, TopLevelProperty>
  /**
   * Fields as a stored version has them where that differs from what the record gives (a longer or shorter
   * bound than today's rule, a word field's length): kept so the version's hash holds, dropped at its next
   * version. Each is a field of the record, of the same type; an indexed one never bounds below the record.
   */
  frozen?: Record<string, TopLevelProperty>
  /**
   * The stored version's `required`, in its order, where it is not the record's required fields followed by
   * the derived ones. Each name is one the record or `derived` requires, and every derived field is named.
   */
  required?: readonly string[]
}

/** The branches of a record schema: one object, or a union of objects (a ledger entry's kinds). */
function branches(json: JsonSchema, title: string): JsonSchema[] {
  const all = json.anyOf ?? [json]
  for (const branch of all)
    if (branch.type !== 'object' || !branch.properties)
      throw new Error(`The ${title} record schema is not an object or a union of objects.`)
  return all
}

/** The words a field may hold, if it is a fixed set of them. */
function words(json: JsonSchema): string[] | undefined {
  if (json.enum !== undefined) return json.enum.map(String)
  if (typeof json.const === 'string') return [json.const]
  const each = json.anyOf?.map(words)
  return each?.every((w) => w !== undefined) ? each.flat() : undefined
}

/** A field's JSON Schema without its `null` option: RxDB stores a nullable field as its other type. */
function present(json: JsonSchema): JsonSchema {
  const options = json.anyOf?.filter((option) => option.type !== 'null')
  return options?.length === 1 && options[0] ? present(options[0]) : json
}

/** One top-level field as RxDB stores it, from the record's rule. */
function storedField(name: string, json: JsonSchema): TopLevelProperty {
  if (words(json)) return storedText(WORD_LENGTH)
  const field = present(json)
  switch (field.type) {
    case 'string':
      if (field.maxLength === undefined)
        throw new Error(`${name}: a stored text needs a longest length (maxLength).`)
      return storedText(field.maxLength)
    case 'integer':
      return {
        type: 'integer',
        ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
        ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
        multipleOf: 1,
      }
    case 'boolean':
      return { type: 'boolean' }
    case 'object':
      return { type: 'object' }
    case 'array':
      return { type: 'array', items: { type: 'object' } }
    default:
      throw new Error(`${name}: RxDB cannot store this field as it is (${JSON.stringify(json)}).`)
  }
}

/** The longest text the record lets into a field: its words' or its maxLength. */
function longest(json: JsonSchema): number | undefined {
  const list = words(json)
  return list ? Math.max(...list.map((w) => w.length)) : present(json).maxLength
}

/** A frozen field as the stored version has it, checked against the record's rule. */
function frozenField(
  name: string,
  json: JsonSchema,
  frozen: TopLevelProperty,
  indexed: boolean,
): TopLevelProperty {
  const type = words(json) ? 'string' : present(json).type
  if (frozen.type !== type)
    throw new Error(`${name}: frozen as ${String(frozen.type)} but the record has ${type}.`)
  const bound = longest(json)
  if (indexed && (frozen.maxLength === undefined || (bound && frozen.maxLength < bound)))
    throw new Error(`${name}: an indexed field stored shorter than the record allows would be cut.`)
  return frozen
}

/**
 * The RxDB schema of a collection whose records `record` describes.
 *
 * @example
 * const paymentSchema = rxSchemaOf(corePaymentSchema, { title: 'payments', version: 1, indexes: ['date'] })
 */
export function rxSchemaOf<T>(record: Schema<unknown>, stored: StoredAs<T>): RxJsonSchema<T> {
  const all = branches(record.json, stored.title)
  const frozen = stored.frozen ?? {}
  const indexed = new Set(stored.indexes.flat())
  const properties: Record<string, TopLevelProperty> = {}
  for (const branch of all)
    for (const [name, json] of Object.entries(branch.properties ?? {})) {
      if (Object.hasOwn(frozen, name)) continue
      const field = storedField(name, json)
      const before = properties[name]
      if (before && JSON.stringify(before) !== JSON.stringify(field))
        throw new Error(`${name} is stored differently in two kinds of ${stored.title}.`)
      properties[name] = field
    }
  for (const [name, field] of Object.entries(frozen)) {
    const json = all.map((branch) => branch.properties?.[name]).find((f) => f !== undefined)
    if (!json) throw new Error(`${name}: frozen but not a field of the ${stored.title} record.`)
    properties[name] = frozenField(name, json, field, indexed.has(name))
  }
  // A field is required when every kind of record has it.
  const required = (all[0]?.required ?? []).filter((name) =>
    all.every((branch) => branch.required?.includes(name)),
  )
  const derived = stored.derived ?? {}
  const own = [...required, ...Object.keys(derived)]
  if (stored.required) {
    const unknown = stored.required.filter((name) => !own.includes(name))
    const missing = Object.keys(derived).filter((name) => !stored.required?.includes(name))
    if (unknown.length > 0 || missing.length > 0)
      throw new Error(
        `The stored required fields of ${stored.title} do not fit its record (${[...unknown, ...missing].join(', ')}).`,
      )
  }
  return {
    title: stored.title,
    ...(stored.description !== undefined ? { description: stored.description } : {}),
    version: stored.version,
    primaryKey: 'id',
    type: 'object',
    properties: { ...properties, ...derived },
    required: [...(stored.required ?? own)],
    ...(stored.indexes.length > 0 ? { indexes: stored.indexes } : {}),
  } as RxJsonSchema<T>
}
