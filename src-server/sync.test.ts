/**
 * The replication protocol against a real PostgreSQL: push, pull, replay, conflicts, validation (forged totals,
 * duplicate numbers, lifecycle) and who may read and write what.
 */
import { describe, expect, test } from 'vitest'
import { change, create } from './test-support/server'
import { serverForFile } from './test-support/per-file'
import { customer, invoice, order, orderCommand, settings } from './test-support/documents'

const annCustomer = customer('C-ann', 'ann')
const bobCustomer = customer('C-bob', 'bob')

const { server, ann, bob, erp, admin } = serverForFile({
  reps: { ann: annCustomer, bob: bobCustomer },
  backOffice: true,
})

const seqOf = async (collection: string, id: string): Promise<number> => {
  const { rows } = await server.pool.query<{ seq: string }>(
    'SELECT seq FROM documents WHERE collection = $1 AND id = $2',
    [collection, id],
  )
  return Number(rows[0]?.seq)
}

describe('push and pull', () => {
  const inv = invoice('I-1', 'INV-00001-AAAAAA', annCustomer)

  test('a pushed invoice comes back on pull with its checkpoint', async () => {
    const answer = await ann.push('invoices', [create(inv)])
    expect(answer).toEqual({ status: 200, conflicts: [], rejections: [] })
    const response = await ann.get('/sync/invoices/pull?checkpoint=0&batchSize=10')
    const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } }
    expect(body.documents).toEqual([{ ...inv, _deleted: false }])
    expect(body.checkpoint.seq).toBe(await seqOf('invoices', 'I-1'))
    const after = await ann.get(`/sync/invoices/pull?checkpoint=${body.checkpoint.seq}`)
    expect(await after.json()).toEqual({ documents: [], checkpoint: body.checkpoint, remaining: 0 })
  })

  test('a full page of a pull says how many records are left after it', async () => {
    const more = [2, 3, 4].map((n) => invoice(`I-R${n}`, `INV-0000${n}-AAAAAA`, annCustomer))
    expect(await ann.push('invoices', more.map(create))).toMatchObject({ rejections: [] })
    const page = async (checkpoint: number) =>
      (await (
        await ann.get(`/sync/invoices/pull?checkpoint=${checkpoint}&batchSize=2`)
      ).json()) as { documents: unknown[]; checkpoint: { seq: number }; remaining: number }
    const first = await page(0)
    expect(first.documents).toHaveLength(2)
    expect(first.remaining).toBe(2)
    // Bob sees none of Ann's invoices: nothing is left for him.
    const bobs = (await (await bob.get('/sync/invoices/pull?checkpoint=0&batchSize=2')).json()) as {
      remaining: number
    }
    expect(bobs.remaining).toBe(0)
    const second = await page(first.checkpoint.seq)
    expect([second.documents.length, second.remaining]).toEqual([2, 0])
  })

  test('a replayed push changes nothing', async () => {
    const before = await seqOf('invoices', 'I-1')
    const replay = await ann.push('invoices', [create(inv)])
    expect(replay).toEqual({ status: 200, conflicts: [], rejections: [] })
    expect(await seqOf('invoices', 'I-1')).toBe(before)
    const { rows } = await server.pool.query(
      "SELECT count(*)::int AS n FROM documents WHERE id = 'I-1'",
    )
    expect(rows[0]).toEqual({ n: 1 })
  })

  test('a push on a stale master state gets the current master back as a conflict', async () => {
    const renamed = { ...inv, name: 'Renamed', updatedAt: '2025-03-02T00:00:00.000Z' }
    expect(await ann.push('invoices', [change(inv, renamed)])).toMatchObject({
      conflicts: [],
      rejections: [],
    })
    const stale = { ...inv, description: 'typed offline' }
    const answer = await ann.push('invoices', [change(inv, stale)])
    expect(answer.conflicts).toEqual([{ ...renamed, _deleted: false }])
    expect(answer.rejections).toEqual([])
  })

  // An order may be deleted (an invoice the server holds may not: ledger-attacks.test.ts), and the deletion
  // reaches every device as a tombstone.
  test('a deletion is pulled as a tombstone', async () => {
    const draft = order('O-del', 'ORD-00009-DELETE', annCustomer)
    await ann.push('orders', [create(draft)])
    const answer = await ann.push('orders', [
      {
        assumedMasterState: { ...draft, _deleted: false },
        newDocumentState: { ...draft, _deleted: true },
      },
    ])
    expect(answer.rejections).toEqual([])
    const all = await ann.pullAll('orders')
    expect(all.find((d) => d.id === 'O-del')?._deleted).toBe(true)
  })
})

describe('validation', () => {
  test('a forged total is refused with its reason and not stored', async () => {
    const inv = invoice('I-forged', 'INV-00002-BBBBBB', annCustomer)
    const forged = { ...inv, totals: { ...inv.totals, totalAmount: '0.01' } }
    const answer = await ann.push('invoices', [create(forged)])
    expect(answer.rejections).toEqual([
      {
        id: 'I-forged',
        code: 'forgedTotals',
        reason: expect.stringContaining('totals.totalAmount is 0.01') as string,
      },
    ])
    expect(Number.isNaN(await seqOf('invoices', 'I-forged'))).toBe(true)
  })

  test('a duplicate invoice number is refused, in the table and within one batch', async () => {
    const first = invoice('I-a', 'INV-00003-CCCCCC', annCustomer)
    const same = invoice('I-b', 'INV-00003-CCCCCC', annCustomer)
    const answer = await ann.push('invoices', [create(first), create(same)])
    expect(answer.rejections).toEqual([
      {
        id: 'I-b',
        code: 'duplicateNumber',
        reason: expect.stringContaining('INV-00003') as string,
        // The server holds no I-b: the device drops it (and keeps the refused version in view).
        master: null,
      },
    ])
    const again = await ann.push('invoices', [
      create(invoice('I-c', 'INV-00003-CCCCCC', annCustomer)),
    ])
    expect(again.rejections.map((r) => r.code)).toEqual(['duplicateNumber'])
    // The unique index is the last guard, whatever the application code does.
    await expect(
      server.pool.query(
        "INSERT INTO documents (collection, id, data, seq, number) VALUES ('invoices', 'x', '{}', 999999, 'INV-00003-CCCCCC')",
      ),
    ).rejects.toThrow(/documents_number/)
  })

  test('a malformed document is refused with the field named', async () => {
    const inv = invoice('I-bad', 'INV-00004-DDDDDD', annCustomer)
    const answer = await ann.push('invoices', [create({ ...inv, state: 'lost' })])
    expect(answer.rejections[0]).toMatchObject({ id: 'I-bad', code: 'invalid' })
    expect(answer.rejections[0]?.reason).toContain('state')
    const bad = await ann.post('/sync/invoices/push', { rows: [{}] })
    expect(bad.status).toBe(400)
    expect((await ann.get('/sync/nothing/pull')).status).toBe(404)
  })
})

describe('accounts and rights', () => {
  test('every sync request needs a valid token', async () => {
    expect((await fetch(`${server.url}/sync/invoices/pull`)).status).toBe(401)
    const forged = await fetch(`${server.url}/sync/invoices/pull`, {
      headers: { authorization: `Bearer ${'x'.repeat(43)}` },
    })
    expect(forged.status).toBe(401)
  })

  test("a rep cannot read another rep's invoices, and cannot push them", async () => {
    const bobs = invoice('I-bob', 'INV-00005-EEEEEE', bobCustomer)
    expect((await bob.push('invoices', [create(bobs)])).rejections).toEqual([])
    const annSees = (await ann.pullAll('invoices')).map((d) => d.id)
    expect(annSees).not.toContain('I-bob')
    expect((await bob.pullAll('invoices')).map((d) => d.id)).toEqual(['I-bob'])
    expect((await ann.pullAll('customers')).map((d) => d.id)).toEqual(['C-ann'])
    const hijack = await ann.push('invoices', [change(bobs, { ...bobs, name: 'Mine now' })])
    expect(hijack.rejections.map((r) => r.code)).toEqual(['notPermitted'])
    const onBobsCustomer = invoice('I-ann-on-bob', 'INV-00006-FFFFFF', bobCustomer)
    const sneaky = await ann.push('invoices', [create({ ...onBobsCustomer, ownerId: 'ann' })])
    expect(sneaky.rejections.map((r) => r.code)).toEqual(['notPermitted'])
    expect((await erp.pullAll('invoices')).map((d) => d.id)).toContain('I-bob')
  })

  test('a rep cannot change a submitted order; the integration role can', async () => {
    const draft = order('O-1', 'ORD-00001-AAAAAA', annCustomer)
    const submitted = orderCommand(draft, { type: 'submitOrder' }, 'ann')
    expect((await ann.push('orders', [create(draft)])).rejections).toEqual([])
    expect((await ann.push('orders', [change(draft, submitted)])).rejections).toEqual([])
    const edited = { ...submitted, name: 'Changed by the rep' }
    const refused = await ann.push('orders', [change(submitted, edited)])
    expect(refused.rejections).toEqual([
      {
        id: 'O-1',
        code: 'notPermitted',
        reason: 'This order is submitted: only the back office can change it.',
        // The state the device goes back to.
        master: { ...submitted, _deleted: false },
      },
    ])
    const fulfilled = orderCommand(submitted, { type: 'fulfillOrder' }, 'erp', 'integration')
    expect((await erp.push('orders', [change(submitted, fulfilled)])).rejections).toEqual([])
    const stored = (await ann.pullAll('orders')).find((d) => d.id === 'O-1')
    expect(stored?.state).toBe('fulfilled')
  })

  test('only admins change the catalog; every rep reads it', async () => {
    const product = {
      id: 'P-1',
      updatedAt: settings.updatedAt,
      productNumber: 'P1',
      name: 'Widget',
      unitGroupId: 'UG',
      defaultUnitId: 'each',
      retired: false,
    }
    expect((await ann.push('products', [create(product)])).rejections[0]?.code).toBe('notPermitted')
    expect((await erp.push('products', [create(product)])).rejections[0]?.code).toBe('notPermitted')
    expect((await admin.push('products', [create(product)])).rejections).toEqual([])
    expect((await admin.push('settings', [create(settings)])).rejections).toEqual([])
    const ref = {
      kind: 'priceList',
      id: 'retail',
      updatedAt: settings.updatedAt,
      name: 'Retail',
      currencyCode: 'USD',
    }
    expect((await admin.push('catalogrefs', [create(ref)])).rejections).toEqual([])
    const backwards = { ...ref, id: 'winter', validFrom: '2025-03-01', validTo: '2025-02-01' }
    const refusedList = await admin.push('catalogrefs', [create(backwards)])
    expect(refusedList.rejections[0]?.reason).toContain(
      'End Date: must not be before the Start Date',
    )
    expect((await bob.pullAll('products')).map((d) => d.id)).toEqual(['P-1'])
    expect((await bob.pullAll('catalogrefs')).map((d) => d.kind)).toEqual(['priceList'])
  })

  test('a rep cannot give a customer away; the back office can, and its records follow', async () => {
    const moved = { ...annCustomer, ownerId: 'bob' }
    const refused = await ann.push('customers', [change(annCustomer, moved)])
    expect(refused.rejections.map((r) => r.code)).toEqual(['notPermitted'])
    const c = customer('C-moving', 'ann')
    await ann.push('customers', [create(c)])
    await ann.push('invoices', [create(invoice('I-moving', 'INV-00007-GGGGGG', c))])
    expect((await bob.pullAll('invoices')).map((d) => d.id)).not.toContain('I-moving')
    const answer = await erp.push('customers', [change(c, { ...c, ownerId: 'bob' })])
    expect(answer.rejections).toEqual([])
    expect((await bob.pullAll('invoices')).map((d) => d.id)).toContain('I-moving')
    // Ann's device learns that the invoice left her, and nothing more of it.
    const annSees = (await ann.pullAll('invoices')).filter((d) => d.id === 'I-moving')
    expect(annSees).toEqual([{ id: 'I-moving', _deleted: true }])
  })
})
