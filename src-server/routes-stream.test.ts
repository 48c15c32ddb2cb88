/**
 * The live streams against a real PostgreSQL: one stream per client tells of every collection the user reads
 * and of nothing else; the per-collection stream of earlier releases still works.
 *
 * Notifications reach a stream in commit order, so an event that should not come, written before one that
 * must come, would have arrived by the time the second one has.
 */
import { describe, expect, test } from 'vitest'
import { create, type Client } from './test-support/server'
import { serverForFile } from './test-support/per-file'
import { customer, invoice, order, settings } from './test-support/documents'
import { openEventStream } from './test-support/event-stream'

const annCustomer = customer('C-ann', 'ann')
const bobCustomer = customer('C-bob', 'bob')

const { server, ann, bob, erp, admin } = serverForFile({
  reps: { ann: annCustomer, bob: bobCustomer },
  backOffice: true,
})

/** The `change` event a stream sends for the record `id` (seqs are per collection, so both are named). */
async function changeOf(collection: string, id: string): Promise<string> {
  const { rows } = await server.pool.query<{ seq: string }>(
    'SELECT seq FROM documents WHERE collection = $1 AND id = $2',
    [collection, id],
  )
  return `event: change\ndata: ${JSON.stringify({ collection, seq: Number(rows[0]?.seq) })}\n\n`
}

/**
 * Opens a stream as `user`, waits for the resync it starts with, runs `writes`, and reads the stream until the
 * change of `last` (the record written last) arrives.
 *
 * @returns the stream's text
 */
async function streamDuring(
  user: Client,
  path: string,
  writes: () => Promise<unknown>,
  last: [collection: string, id: string],
): Promise<string> {
  const stream = await openEventStream(`${server.url}${path}`, user.token)
  expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
  await stream.readUntil('RESYNC')
  expect(stream.text()).toContain('event: resync\ndata: "RESYNC"\n\n')
  await writes()
  await stream.readUntil(await changeOf(...last))
  stream.close()
  return stream.text()
}

describe('one stream for every collection', () => {
  test('tells a rep of their records in two collections and of the shared ones, never of another rep’s', async () => {
    const events = await streamDuring(
      ann,
      '/sync/stream',
      async () => {
        await bob.push('invoices', [create(invoice('I-bob-1', 'INV-00001-BOBBBB', bobCustomer))])
        await bob.push('orders', [create(order('O-bob-1', 'ORD-00001-BOBBBB', bobCustomer))])
        await ann.push('invoices', [create(invoice('I-ann-1', 'INV-00002-ANNNNN', annCustomer))])
        await admin.push('settings', [create(settings)])
        await ann.push('orders', [create(order('O-ann-1', 'ORD-00002-ANNNNN', annCustomer))])
      },
      ['orders', 'O-ann-1'],
    )
    expect(events).toContain(await changeOf('orders', 'O-ann-1'))
    expect(events).toContain(await changeOf('invoices', 'I-ann-1'))
    expect(events).toContain(await changeOf('settings', settings.id))
    expect(events).not.toContain(await changeOf('invoices', 'I-bob-1'))
    expect(events).not.toContain(await changeOf('orders', 'O-bob-1'))
  })

  test('tells the integration role of every rep’s records', async () => {
    const events = await streamDuring(
      erp,
      '/sync/stream',
      async () => {
        await bob.push('invoices', [create(invoice('I-bob-2', 'INV-00003-BOBBBB', bobCustomer))])
        await ann.push('orders', [create(order('O-ann-2', 'ORD-00003-ANNNNN', annCustomer))])
      },
      ['orders', 'O-ann-2'],
    )
    expect(events).toContain(await changeOf('invoices', 'I-bob-2'))
  })

  test('follows only the collections named in ?collections=', async () => {
    const events = await streamDuring(
      ann,
      '/sync/stream?collections=invoices,payments',
      async () => {
        await ann.push('orders', [create(order('O-ann-3', 'ORD-00004-ANNNNN', annCustomer))])
        await ann.push('invoices', [create(invoice('I-ann-3', 'INV-00004-ANNNNN', annCustomer))])
      },
      ['invoices', 'I-ann-3'],
    )
    expect(events).toContain(await changeOf('invoices', 'I-ann-3'))
    expect(events).not.toContain('"collection":"orders"')
  })

  test('answers 404 for an unknown collection, 401 without a token', async () => {
    const unknown = await ann.get('/sync/stream?collections=invoices,secrets')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: 'unknownCollection' })
    expect((await fetch(`${server.url}/sync/stream`)).status).toBe(401)
  })
})

describe('the per-collection stream', () => {
  test('tells a client to pull when its records change, and only then', async () => {
    const events = await streamDuring(
      ann,
      '/sync/invoices/stream',
      async () => {
        await bob.push('invoices', [create(invoice('I-bob-4', 'INV-00005-BOBBBB', bobCustomer))])
        await ann.push('orders', [create(order('O-ann-4', 'ORD-00005-ANNNNN', annCustomer))])
        await ann.push('invoices', [create(invoice('I-ann-4', 'INV-00005-ANNNNN', annCustomer))])
      },
      ['invoices', 'I-ann-4'],
    )
    expect(events).toContain(await changeOf('invoices', 'I-ann-4'))
    expect(events).not.toContain(await changeOf('invoices', 'I-bob-4'))
    expect(events).not.toContain('"collection":"orders"')
  })

  test('answers 404 for an unknown collection', async () => {
    expect((await ann.get('/sync/secrets/stream')).status).toBe(404)
  })
})
