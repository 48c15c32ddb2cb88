import { describe, expect, test } from 'vitest'
import { object, oneOf, string, union, literal } from '@core/schema'
import { paymentSchema } from './documents'
import { rxSchemaOf } from './from-core'

/**
 * The RxDB schemas as stored databases know them. A schema made from src-core's records must stay exactly
 * this (RxDB hashes it: the same version with another schema does not open); a change to a record's shape
 * shows here, and needs a new version and a migration.
 */
const STORED_PAYMENTS_V1 = {
  title: 'payments',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    updatedAt: { type: 'string', maxLength: 40 },
    invoiceId: { type: 'string', maxLength: 200 },
    customerId: { type: 'string', maxLength: 200 },
    date: { type: 'string', maxLength: 10 },
    amount: { type: 'string', maxLength: 27 },
    currencyCode: { type: 'string', maxLength: 3 },
    method: { type: 'string', maxLength: 20 },
    reference: { type: 'string', maxLength: 200 },
    recordedAt: { type: 'string', maxLength: 40 },
    recordedBy: { type: 'string', maxLength: 200 },
    kind: { type: 'string', maxLength: 20 },
    voidsPaymentId: { type: 'string', maxLength: 200 },
    reason: { type: 'string', maxLength: 500 },
  },
  required: [
    'id',
    'updatedAt',
    'invoiceId',
    'customerId',
    'date',
    'recordedAt',
    'recordedBy',
    'kind',
  ],
  indexes: [['invoiceId', 'date'], ['customerId', 'date'], 'date'],
}

describe('RxDB schemas made from src-core records', () => {
  test('payments: exactly the stored v1 schema, required fields in their order', () => {
    expect(paymentSchema).toEqual(STORED_PAYMENTS_V1)
    expect(paymentSchema.required).toEqual(STORED_PAYMENTS_V1.required)
  })

  test('a field of a union is required only when every kind has it; words get a stored length', () => {
    const record = union([
      object({ id: string({ max: 9 }), kind: literal('a'), size: oneOf(['s', 'm']) }),
      object({ id: string({ max: 9 }), kind: literal('b') }),
    ])
    const made = rxSchemaOf(record, {
      title: 'things',
      version: 0,
      indexes: [],
      wordLengths: { size: 1 },
      derived: { idKey: { type: 'string', maxLength: 9 } },
    })
    expect(made.properties).toEqual({
      id: { type: 'string', maxLength: 9 },
      kind: { type: 'string', maxLength: 20 },
      size: { type: 'string', maxLength: 1 },
      idKey: { type: 'string', maxLength: 9 },
    })
    expect(made.required).toEqual(['id', 'kind', 'idKey'])
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
})
