import { describe, expect, test } from 'vitest'
import { createRxSchema, defaultHashSha256, type RxJsonSchema } from 'rxdb'
import { int, literal, object, oneOf, optional, string, union } from '@core/schema'
import { COLLECTION_NAMES, type CollectionName } from '../collections'
import {
  catalogRefSchema,
  customerSchema,
  priceListItemSchema,
  productSchema,
  settingsSchema,
} from './catalog'
import { invoiceSchema, opportunitySchema, orderSchema, paymentSchema } from './documents'
import { rxSchemaOf, storedText } from './from-core'
import { STORED_SCHEMAS } from './stored/stored-schemas'
import { COLLECTION_RECORDS } from '@core/documents/collection-records'
import type { JsonSchema } from '@core/schema'
import { DERIVED_FIELDS } from '@renderer/sync/derived'

/**
 * The RxDB schemas as stored databases know them (stored/*.json, frozen copies of the hand-written schemas they
 * were created with). A schema made from src-core's records must stay exactly this: RxDB hashes it, and the same
 * version with another schema does not open (DB6). A change to a record's shape shows here, and needs a new
 * version, a migration and a new frozen copy beside the old one.
 */
const MADE = {
  settings: settingsSchema,
  customers: customerSchema,
  products: productSchema,
  catalogrefs: catalogRefSchema,
  pricelistitems: priceListItemSchema,
  opportunities: opportunitySchema,
  payments: paymentSchema,
  orders: orderSchema,
  invoices: invoiceSchema,
} as unknown as Record<CollectionName, RxJsonSchema<unknown>>

const hashOf = (schema: RxJsonSchema<unknown>) =>
  createRxSchema(structuredClone(schema), defaultHashSha256, false).hash

describe('RxDB schemas made from src-core records', () => {
  test('every collection of the store has a frozen copy', () => {
    expect(Object.keys(STORED_SCHEMAS).sort()).toEqual([...COLLECTION_NAMES].sort())
    for (const name of COLLECTION_NAMES) expect(MADE[name].title).toBe(name)
  })

  test.each(COLLECTION_NAMES)(
    '%s: exactly the stored schema, required fields and indexes in their order, the same hash',
    async (name) => {
      const made = MADE[name]
      const stored = STORED_SCHEMAS[name]
      expect(made).toStrictEqual(stored)
      expect(made.required).toEqual(stored.required)
      expect(made.indexes).toEqual(stored.indexes)
      expect(await hashOf(made)).toBe(await hashOf(stored))
    },
  )

  test.each(COLLECTION_NAMES)(
    '%s: every stored field that is no field of the record is a derived one, which sync strips before a push',
    (name) => {
      const record = COLLECTION_RECORDS[name].json
      const branches: JsonSchema[] = record.anyOf ?? [record]
      const fields = new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})))
      const extra = Object.keys(MADE[name].properties).filter((field) => !fields.has(field))
      expect(extra.sort()).toEqual([...DERIVED_FIELDS[name]].sort())
    },
  )

  test('a field of a union is required only when every kind has it; words get a stored length', () => {
    const record = union([
      object({ id: string({ max: 9 }), kind: literal('a'), size: oneOf(['s', 'm']) }),
      object({
        id: string({ max: 9 }),
        kind: literal('b'),
        count: optional(int({ min: 0, max: 5 })),
      }),
    ])
    const made = rxSchemaOf(record, {
      title: 'things',
      version: 0,
      indexes: [],
      frozen: { size: storedText(1) },
      derived: { idKey: storedText(9) },
    })
    expect(made.properties).toEqual({
      id: { type: 'string', maxLength: 9 },
      kind: { type: 'string', maxLength: 20 },
      size: { type: 'string', maxLength: 1 },
      count: { type: 'integer', minimum: 0, maximum: 5, multipleOf: 1 },
      idKey: { type: 'string', maxLength: 9 },
    })
    expect(made.required).toEqual(['id', 'kind', 'idKey'])
    expect(made.indexes).toBeUndefined()
  })

  test('a text without a longest length cannot be stored, and says which', () => {
    expect(() =>
      rxSchemaOf(object({ id: string({ max: 9 }), note: string() }), {
        title: 'notes',
        version: 0,
        indexes: [],
      }),
    ).toThrow('note: a stored text needs a longest length (maxLength).')
  })

  test('a frozen field must fit the record: a field of it, its type, never cut when indexed', () => {
    const record = object({
      id: string({ max: 9 }),
      name: string({ max: 50 }),
      on: optional(string({ max: 3 })),
    })
    const stored = { title: 'notes', version: 0, indexes: ['name'] }
    expect(() => rxSchemaOf(record, { ...stored, frozen: { other: storedText(5) } })).toThrow(
      'other: frozen but not a field of the notes record.',
    )
    expect(() => rxSchemaOf(record, { ...stored, frozen: { on: { type: 'boolean' } } })).toThrow(
      'on: frozen as boolean but the record has string.',
    )
    expect(() => rxSchemaOf(record, { ...stored, frozen: { name: storedText(40) } })).toThrow(
      'name: an indexed field stored shorter than the record allows would be cut.',
    )
    expect(rxSchemaOf(record, { ...stored, frozen: { name: storedText(60) } }).properties).toEqual({
      id: storedText(9),
      name: storedText(60),
      on: storedText(3),
    })
  })

  test('a stored required list names only what the record or the derived fields require, and every derived one', () => {
    const record = object({
      id: string({ max: 9 }),
      name: string({ max: 50 }),
      note: optional(string({ max: 5 })),
    })
    const stored = { title: 'notes', version: 0, indexes: [], derived: { nameKey: storedText(50) } }
    expect(rxSchemaOf(record, { ...stored, required: ['id', 'nameKey', 'name'] }).required).toEqual(
      ['id', 'nameKey', 'name'],
    )
    expect(() =>
      rxSchemaOf(record, { ...stored, required: ['id', 'name', 'note', 'nameKey'] }),
    ).toThrow('The stored required fields of notes do not fit its record (note).')
    expect(() => rxSchemaOf(record, { ...stored, required: ['id', 'name'] })).toThrow(
      'The stored required fields of notes do not fit its record (nameKey).',
    )
  })
})
