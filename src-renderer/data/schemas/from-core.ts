/**
 * An RxDB schema made from a src-core record schema, so a document's shape is written once: src-core's schema
 * validates it (repositories, the server, backups) and its JSON Schema (`json`) gives the stored fields here.
 * RxDB keeps only the top level: each field's type, and a `maxLength` on every string (RxDB needs one to index
 * it); nested objects and lists are stored as they are, their content checked by src-core's schema.
 *
 * What only storage knows is said here: the collection's name, version and indexes, and the derived index
 * fields the data layer adds. A changed record schema changes the RxDB schema made from it; stored databases
 * then need a version and a migration, and the tests comparing each made schema with the one stored so far
 * say so.
 */
import type { RxJsonSchema, TopLevelProperty } from 'rxdb'
import type { JsonSchema, Schema } from '@core/schema'

/** A field of a fixed set of words (a kind, a state, a method) is stored in at most this many characters. */
export const WORD_LENGTH = 20

export interface StoredAs<T> {
  title: string
  version: number
  indexes: NonNullable<RxJsonSchema<T>['indexes']>
  /** The derived index fields the data layer adds to the record: stored and required. */
  derived?: Record<string, TopLevelProperty>
  /** A stored length other than `WORD_LENGTH` for a field of a fixed set of words. */
  wordLengths?: Record<string, number>
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
function isWords(json: JsonSchema): boolean {
  if (json.enum !== undefined || typeof json.const === 'string') return true
  return json.anyOf !== undefined && json.anyOf.every(isWords)
}

/** One top-level field as RxDB stores it. */
function storedField(
  name: string,
  json: JsonSchema,
  wordLengths: Record<string, number>,
): TopLevelProperty {
  if (isWords(json)) return { type: 'string', maxLength: wordLengths[name] ?? WORD_LENGTH }
  const present = json.anyOf?.filter((option) => option.type !== 'null')
  if (present?.length === 1 && present[0]) return storedField(name, present[0], wordLengths)
  switch (json.type) {
    case 'string':
      if (json.maxLength === undefined)
        throw new Error(`${name}: a stored text needs a longest length (maxLength).`)
      return { type: 'string', maxLength: json.maxLength }
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

/**
 * The RxDB schema of a collection whose records `record` describes.
 *
 * @example
 * const paymentSchema = rxSchemaOf(corePaymentSchema, { title: 'payments', version: 1, indexes: ['date'] })
 */
export function rxSchemaOf<T>(record: Schema<unknown>, stored: StoredAs<T>): RxJsonSchema<T> {
  const all = branches(record.json, stored.title)
  const properties: Record<string, TopLevelProperty> = {}
  for (const branch of all)
    for (const [name, json] of Object.entries(branch.properties ?? {})) {
      const field = storedField(name, json, stored.wordLengths ?? {})
      const before = properties[name]
      if (before && JSON.stringify(before) !== JSON.stringify(field))
        throw new Error(`${name} is stored differently in two kinds of ${stored.title}.`)
      properties[name] = field
    }
  // A field is required when every kind of record has it.
  const required = (all[0]?.required ?? []).filter((name) =>
    all.every((branch) => branch.required?.includes(name)),
  )
  const derived = stored.derived ?? {}
  return {
    title: stored.title,
    version: stored.version,
    primaryKey: 'id',
    type: 'object',
    properties: { ...properties, ...derived },
    required: [...required, ...Object.keys(derived)],
    indexes: stored.indexes,
  } as RxJsonSchema<T>
}
