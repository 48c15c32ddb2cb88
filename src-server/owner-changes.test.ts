/**
 * A customer given to another rep, against a real PostgreSQL: the rep who lost it pulls tombstones for the
 * customer and its records (and nothing of their new state), their stream is told at once, their pushes on
 * those records are refused without the new owner's state; the new owner and the back office read them live;
 * given back, the records return to the first rep.
 */
import { describe, expect, test } from 'vitest'
import { change, create, type Client } from './test-support/server'
import { serverForFile } from './test-support/per-file'
import { customer, invoice, order } from './test-support/documents'
import { openEventStream } from './test-support/event-stream'

const { server, ann, bob, erp } = serverForFile({
  reps: { ann: customer('C-ann', 'ann'), bob: customer('C-bob', 'bob') },
  backOffice: true,
})

type Doc = Record<string, unknown>
const COLLECTIONS = ['customers', 'invoices', 'orders'] as const
type Name = (typeof COLLECTIONS)[number]
type Checkpoints = Record<Name, number>

async function pullFrom(user: Client, collection: Name, since: number) {
  const response = await user.get(`/sync/${collection}/pull?checkpoint=${since}&batchSize=1000`)
  expect(response.status).toBe(200)
  return (await response.json()) as { documents: Doc[]; checkpoint: { seq: number } }
}

/** Pulls every collection from `since` (0: from the start); the documents and the new checkpoints. */
async function pullEach(user: Client, since?: Checkpoints) {
  const documents = {} as Record<Name, Doc[]>
  const checkpoints = {} as Checkpoints
  for (const name of COLLECTIONS) {
    const page = await pullFrom(user, name, since?.[name] ?? 0)
    documents[name] = page.documents
    checkpoints[name] = page.checkpoint.seq
  }
  return { documents, checkpoints }
}

/** A customer of ann's with an invoice and an order, pushed by ann. */
async function annsCustomer(id: string, n: number) {
  const c = customer(id, 'ann')
  const inv = invoice(`I-${id}`, `INV-0000${n}-MOVING`, c)
  const ord = order(`O-${id}`, `ORD-0000${n}-MOVING`, c)
  expect((await ann.push('customers', [create(c)])).rejections).toEqual([])
  expect((await ann.push('invoices', [create(inv)])).rejections).toEqual([])
  expect((await ann.push('orders', [create(ord)])).rejections).toEqual([])
  return { c, inv, ord }
}

async function giveTo(c: object, from: string, to: string): Promise<void> {
  const answer = await erp.push('customers', [
    change({ ...c, ownerId: from }, { ...c, ownerId: to }),
  ])
  expect(answer.rejections).toEqual([])
}

const live = (doc: object) => ({ ...doc, _deleted: false })
const tombstone = (doc: { id: string }) => ({ id: doc.id, _deleted: true })

describe('a customer given to another rep', () => {
  test('the old rep pulls tombstones for the customer and each of its records; the new rep and the back office read them live', async () => {
    const { c, inv, ord } = await annsCustomer('C-1', 1)
    const before = await pullEach(ann)
    expect(before.documents.invoices).toContainEqual(live(inv))
    await giveTo(c, 'ann', 'bob')
    const moved = { ...c, ownerId: 'bob' }

    const after = await pullEach(ann, before.checkpoints)
    expect(after.documents).toEqual({
      customers: [tombstone(c)],
      invoices: [tombstone(inv)],
      orders: [tombstone(ord)],
    })
    for (const name of COLLECTIONS)
      expect(after.checkpoints[name]).toBeGreaterThan(before.checkpoints[name])
    // Pulled again from the new checkpoint: nothing more.
    expect((await pullEach(ann, after.checkpoints)).documents).toEqual({
      customers: [],
      invoices: [],
      orders: [],
    })

    const bobs = await pullEach(bob)
    expect(bobs.documents.customers).toContainEqual(live(moved))
    expect(bobs.documents.invoices).toContainEqual(live(inv))
    expect(bobs.documents.orders).toContainEqual(live(ord))
    const back = await pullEach(erp)
    expect(back.documents.customers).toContainEqual(live(moved))
    expect(back.documents.invoices).toContainEqual(live(inv))
    expect(back.documents.orders).toContainEqual(live(ord))
  })

  test('revocations take their seqs from the collection sequence, after the moved rows', async () => {
    const { c, inv } = await annsCustomer('C-2', 2)
    await giveTo(c, 'ann', 'bob')
    const { rows } = await server.pool.query<{ kind: string; seq: string; last: string }>(
      `SELECT 'doc' AS kind, d.seq, s.last_seq AS last FROM documents d
         JOIN collection_seq s USING (collection) WHERE d.collection = 'invoices' AND d.id = $1
       UNION ALL
       SELECT 'revocation', r.seq, s.last_seq FROM revocations r
         JOIN collection_seq s USING (collection)
        WHERE r.collection = 'invoices' AND r.id = $1 AND r.user_id = 'ann'`,
      [inv.id],
    )
    const seqOf = (kind: string) => Number(rows.find((r) => r.kind === kind)?.seq)
    expect(seqOf('revocation')).toBeGreaterThan(seqOf('doc'))
    expect(seqOf('revocation')).toBeLessThanOrEqual(Number(rows[0]?.last))
    const { rows: clash } = await server.pool.query(
      `SELECT 1 FROM documents d JOIN revocations r USING (collection, seq)`,
    )
    expect(clash).toEqual([])
  })

  test('given back, the records return to the first rep as live rows, and leave the second', async () => {
    const { c, inv, ord } = await annsCustomer('C-3', 3)
    const annBefore = await pullEach(ann)
    await giveTo(c, 'ann', 'bob')
    const annMid = await pullEach(ann, annBefore.checkpoints)
    expect(annMid.documents.invoices).toEqual([tombstone(inv)])
    const bobMid = await pullEach(bob)
    expect(bobMid.documents.invoices).toContainEqual(live(inv))

    await giveTo(c, 'bob', 'ann')
    const annAfter = await pullEach(ann, annMid.checkpoints)
    expect(annAfter.documents).toEqual({
      customers: [live(c)],
      invoices: [live(inv)],
      orders: [live(ord)],
    })
    const bobAfter = await pullEach(bob, bobMid.checkpoints)
    expect(bobAfter.documents).toEqual({
      customers: [tombstone(c)],
      invoices: [tombstone(inv)],
      orders: [tombstone(ord)],
    })
    // A device of ann's starting from scratch gets each record once, live: the old revocation is gone.
    const fresh = await pullEach(ann)
    expect(fresh.documents.invoices.filter((d) => d.id === inv.id)).toEqual([live(inv)])
    expect(fresh.documents.customers.filter((d) => d.id === c.id)).toEqual([live(c)])
  })

  test("the old rep's push on a moved record is refused, and carries nothing of the new owner's state", async () => {
    const { c, inv, ord } = await annsCustomer('C-4', 4)
    await giveTo(c, 'ann', 'bob')
    const bobsEdit = { ...inv, description: 'typed by bob', updatedAt: '2025-03-05T00:00:00.000Z' }
    expect((await bob.push('invoices', [change(inv, bobsEdit)])).rejections).toEqual([])
    const refusal = (id: string) => ({
      id,
      code: 'notPermitted',
      reason: 'This record belongs to another rep’s customer.',
      // As if the server had no such record: the device drops it.
      master: null,
    })

    // On the state ann last saw (bob changed it since: a conflict would hand her bob's state).
    const stale = await ann.push('invoices', [
      change(inv, { ...inv, description: 'typed by ann', updatedAt: '2025-03-06T00:00:00.000Z' }),
    ])
    expect(stale).toEqual({ status: 200, conflicts: [], rejections: [refusal(inv.id)] })
    // On the customer (now bob's: as a conflict it would go back to her).
    const renamed = await ann.push('customers', [change(c, { ...c, name: 'Renamed by ann' })])
    expect(renamed).toEqual({ status: 200, conflicts: [], rejections: [refusal(c.id)] })
    // On the order, whose stored state is still the one ann's device holds.
    const ordered = await ann.push('orders', [change(ord, { ...ord, description: 'typed by ann' })])
    expect(ordered).toEqual({ status: 200, conflicts: [], rejections: [refusal(ord.id)] })
    // The device then drops the record and pushes the drop: done for ann (the record is gone for her), and
    // neither written nor refused (a refusal would bring it back deleted, to be pushed again for ever).
    const drop = await ann.push('orders', [
      {
        assumedMasterState: { ...ord, _deleted: true },
        newDocumentState: { ...ord, _deleted: true },
      },
    ])
    expect(drop).toEqual({ status: 200, conflicts: [], rejections: [] })
    // Nothing was written.
    const stored = (await erp.pullAll('invoices')).find((d) => d.id === inv.id)
    expect(stored).toEqual(live(bobsEdit))
    expect((await erp.pullAll('customers')).find((d) => d.id === c.id)?.name).toBe(c.name)
    expect((await erp.pullAll('orders')).find((d) => d.id === ord.id)).toEqual(live(ord))
  })

  test("the old rep's stream is told of the revocations at once", async () => {
    const { c, inv } = await annsCustomer('C-5', 5)
    const stream = await openEventStream(`${server.url}/sync/stream`, ann.token)
    await stream.readUntil('RESYNC')
    await giveTo(c, 'ann', 'bob')
    const { rows } = await server.pool.query<{ collection: string; seq: string }>(
      `SELECT collection, seq FROM revocations WHERE user_id = 'ann' AND id = ANY($1)`,
      [[c.id, inv.id]],
    )
    expect(rows.map((r) => r.collection).sort()).toEqual(['customers', 'invoices'])
    const events = rows.map(
      (r) =>
        `event: change\ndata: ${JSON.stringify({ collection: r.collection, seq: Number(r.seq) })}\n\n`,
    )
    for (const event of events) await stream.readUntil(event)
    stream.close()
    for (const event of events) expect(stream.text()).toContain(event)
  })
})
