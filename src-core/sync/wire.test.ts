import { describe, expect, test } from 'vitest'
import {
  changedCollection,
  loginRequest,
  pullPath,
  pullQuery,
  pushRequest,
  streamEventText,
  streamPath,
} from './wire'

describe('the sync wire contract', () => {
  test('gives the server its route schemas as JSON Schema, from the same definitions', () => {
    expect(loginRequest.json).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        password: { type: 'string', minLength: 1, maxLength: 1000 },
      },
      required: ['name', 'password'],
      additionalProperties: false,
    })
    expect(pullQuery.json).toEqual({
      type: 'object',
      properties: {
        checkpoint: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
        batchSize: { type: 'integer', minimum: 1, maximum: 5000, default: 200 },
      },
      required: [],
      additionalProperties: false,
    })
    expect(pushRequest.json.properties?.rows).toEqual({
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        properties: {
          assumedMasterState: { type: 'object' },
          newDocumentState: { type: 'object' },
        },
        required: ['newDocumentState'],
        additionalProperties: false,
      },
    })
  })

  test('parses what the JSON Schema describes, with the same defaults', () => {
    expect(pullQuery.parse({})).toEqual({ checkpoint: 0, batchSize: 200 })
    expect(pullQuery.safeParse({ batchSize: 5001 })).toEqual({
      ok: false,
      error: 'batchSize: must be at most 5000',
    })
    expect(pushRequest.safeParse({ rows: [{ newDocumentState: 'x' }] })).toEqual({
      ok: false,
      error: 'rows[0].newDocumentState: expected an object',
    })
  })

  test('writes paths and stream events as both sides read them', () => {
    expect(pullPath('invoices', { checkpoint: 12, batchSize: 200 })).toBe(
      '/sync/invoices/pull?checkpoint=12&batchSize=200',
    )
    expect(streamPath(['orders', 'invoices'])).toBe('/sync/stream?collections=orders,invoices')
    expect(streamPath()).toBe('/sync/stream')
    expect(streamEventText({ event: 'resync', data: 'RESYNC' })).toBe(
      'event: resync\ndata: "RESYNC"\n\n',
    )
    const change = streamEventText({ event: 'change', data: { collection: 'orders', seq: 7 } })
    expect(change).toBe('event: change\ndata: {"collection":"orders","seq":7}\n\n')
    expect(changedCollection({ event: 'change', data: '{"collection":"orders","seq":7}' })).toBe(
      'orders',
    )
  })

  test('an event the client cannot read makes every collection pull', () => {
    expect(changedCollection({ event: 'resync', data: '"RESYNC"' })).toBeUndefined()
    expect(changedCollection({ event: 'change', data: '{"seq":7}' })).toBeUndefined()
    expect(changedCollection({ event: 'change', data: 'null' })).toBeUndefined()
    expect(changedCollection({ event: 'change', data: '{not json' })).toBeUndefined()
    expect(changedCollection({ event: 'later', data: '{"collection":"orders"}' })).toBeUndefined()
  })
})
