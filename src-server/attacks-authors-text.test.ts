/**
 * Attacks with a rep's token on the real HTTP API and a real PostgreSQL: records written in another user's name,
 * records for a customer the server does not know, text PostgreSQL cannot store, query parameters out of range and
 * errors that would show the server's internals.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { EMPTY_CATALOG } from '@core/documents/catalog'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import type { Invoice, Payment } from '@core/documents/types'
import { mergeDocuments } from '@core/sync/merge'
import { buildApp, LOGGER } from './app'
import { COLLECTIONS } from './collections'
import { push } from './push'
import { AT, customer, invoice, invoiceCommand } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import {
  change,
  create,
  signInTeam,
  startTestServer,
  type Client,
  type TestServer,
} from './test-support/server'

let server: TestServer
let ann: Client
let bob: Client
let erp: Client

const annCustomer = customer('C-ann', 'ann')
const bobCustomer = customer('C-bob', 'bob')

beforeAll(async () => {
  server = await startTestServer()
  ;({ ann, bob, erp } = await signInTeam(server, { ann: annCustomer, bob: bobCustomer }))
}, HOOK_TIMEOUT)

afterAll(async () => {
  await server?.stop()
}, HOOK_TIMEOUT)

const stored = async (collection: string, id: string): Promise<Record<string, unknown> | null> => {
  const { rows } = await server.pool.query<{ data: Record<string, unknown> }>(
    'SELECT data FROM documents WHERE collection = $1 AND id = $2',
    [collection, id],
  )
  return rows[0]?.data ?? null
}

function payment(id: string, of: Invoice, recordedBy: string): Payment {
  return {
    kind: 'payment',
    id,
    updatedAt: AT,
    invoiceId: of.id,
    customerId: of.customerId,
    date: '2025-03-05',
    amount: '1.00',
    currencyCode: of.currencyCode,
    method: 'cash',
    recordedAt: AT,
    recordedBy,
  }
}

describe('authors are the signed-in user', () => {
  test('a new history entry signed by an admin is refused, the record is not stored', async () => {
    const doc = invoice('A-1', 'INV-00001-AUTHOR', annCustomer)
    const forged: Invoice = {
      ...doc,
      history: [
        ...doc.history,
        { at: AT, by: 'admin', role: 'admin', command: 'setStatusReason', changes: [] },
      ],
    }
    const answer = await ann.push('invoices', [create(forged)])
    expect(answer.status).toBe(200)
    expect(answer.rejections).toMatchObject([{ id: 'A-1', code: 'wrongAuthor', master: null }])
    expect(answer.rejections[0]?.reason).toMatch(/admin/)
    expect(await stored('invoices', 'A-1')).toBeNull()
    // The same entry in the rep's own name is taken.
    const own: Invoice = {
      ...forged,
      history: [...doc.history, { ...forged.history.at(-1)!, by: 'ann', role: 'rep' }],
    }
    expect((await ann.push('invoices', [create(own)])).rejections).toEqual([])
  })

  test('a role other than the signed-in user’s is refused on a new entry', async () => {
    const doc = invoice('A-2', 'INV-00002-AUTHOR', annCustomer)
    const forged: Invoice = {
      ...doc,
      history: doc.history.map((e) => ({ ...e, role: 'integration' as const })),
    }
    const answer = await ann.push('invoices', [create(forged)])
    expect(answer.rejections).toMatchObject([{ id: 'A-2', code: 'wrongAuthor' }])
    expect(await stored('invoices', 'A-2')).toBeNull()
  })

  test('createdBy or ownerId of another user is refused on a new invoice', async () => {
    const doc = invoice('A-3', 'INV-00003-AUTHOR', annCustomer)
    const byAdmin = { ...doc, createdBy: 'admin' }
    const ownedByBob = { ...doc, id: 'A-4', number: 'INV-00004-AUTHOR', ownerId: 'bob' }
    const answer = await ann.push('invoices', [create(byAdmin), create(ownedByBob)])
    expect(answer.rejections.map((r) => [r.id, r.code])).toEqual([
      ['A-3', 'wrongAuthor'],
      ['A-4', 'wrongAuthor'],
    ])
    expect(await stored('invoices', 'A-3')).toBeNull()
    expect(await stored('invoices', 'A-4')).toBeNull()
  })

  test('recordedBy of another user is refused on a new payment', async () => {
    const inv = invoice('A-5', 'INV-00005-AUTHOR', annCustomer)
    expect((await ann.push('invoices', [create(inv)])).rejections).toEqual([])
    const answer = await ann.push('payments', [
      create(payment('PA-1', inv, 'bob')),
      create(payment('PA-2', inv, 'ann')),
    ])
    expect(answer.rejections).toMatchObject([{ id: 'PA-1', code: 'wrongAuthor' }])
    expect(await stored('payments', 'PA-1')).toBeNull()
    expect(await stored('payments', 'PA-2')).toMatchObject({ recordedBy: 'ann' })
    // Nor is a stored payment's author changed afterwards.
    const before = payment('PA-2', inv, 'ann')
    const moved = await ann.push('payments', [change(before, { ...before, recordedBy: 'bob' })])
    expect(moved.rejections).toMatchObject([{ id: 'PA-2', code: 'immutableField' }])
    expect(await stored('payments', 'PA-2')).toMatchObject({ recordedBy: 'ann' })
  })

  test('entries already stored are not checked again; only the new ones must be the pusher’s', async () => {
    const doc = invoice('A-6', 'INV-00006-AUTHOR', annCustomer)
    expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([])
    const ctx = {
      actor: { userId: 'erp', role: 'integration' as const },
      at: '2025-03-02T09:00:00.000Z',
      catalog: EMPTY_CATALOG,
      newId: () => 'X',
      payments: [],
    }
    const byErp = applyInvoiceCommand(
      doc,
      { type: 'editHeader', changes: { name: 'Renamed by ERP' } },
      ctx,
    )
    if (!byErp.ok) throw new Error(byErp.refusal.reason)
    expect((await erp.push('invoices', [change(doc, byErp.document)])).rejections).toEqual([])
    const byAnn = invoiceCommand(
      byErp.document,
      { type: 'editHeader', changes: { name: 'Ann again' } },
      'ann',
    )
    expect(byAnn.history.map((e) => e.by).slice(-2)).toEqual(['erp', 'ann'])
    expect((await ann.push('invoices', [change(byErp.document, byAnn)])).rejections).toEqual([])
    // Ann cannot add an entry in the back office's name on top, though one is already there.
    const forged = {
      ...byAnn,
      history: [...byAnn.history, { ...byErp.document.history.at(-1)!, at: AT }],
    }
    const answer = await ann.push('invoices', [change(byAnn, forged)])
    expect(answer.rejections).toMatchObject([{ id: 'A-6', code: 'wrongAuthor' }])
    expect(await stored('invoices', 'A-6')).toEqual(byAnn)
  })

  test('a merge’s conflict entry may name the stored author whose values lost, no one else', async () => {
    const doc = invoice('A-8', 'INV-00008-AUTHOR', annCustomer)
    expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([])
    const byErp = applyInvoiceCommand(
      doc,
      { type: 'editHeader', changes: { name: 'Renamed by ERP' } },
      {
        actor: { userId: 'erp', role: 'integration' },
        at: '2025-03-02T09:00:00.000Z',
        catalog: EMPTY_CATALOG,
        newId: () => 'X',
        payments: [],
      },
    )
    if (!byErp.ok) throw new Error(byErp.refusal.reason)
    expect((await erp.push('invoices', [change(doc, byErp.document)])).rejections).toEqual([])
    // Ann renamed it offline, later: her push meets ERP's version, and her device merges.
    const byAnn = invoiceCommand(doc, { type: 'editHeader', changes: { name: 'Ann’s' } }, 'ann')
    const conflict = await ann.push('invoices', [change(doc, byAnn)])
    expect(conflict.conflicts).toHaveLength(1)
    const merged = mergeDocuments(doc, byAnn, byErp.document).document
    expect(merged.history.at(-1)).toMatchObject({ command: 'conflict', by: 'erp' })
    const forged = {
      ...merged,
      history: [...merged.history.slice(0, -1), { ...merged.history.at(-1)!, by: 'admin' }],
    }
    const refused = await ann.push('invoices', [change(byErp.document, forged)])
    expect(refused.rejections).toMatchObject([{ id: 'A-8', code: 'wrongAuthor' }])
    expect((await ann.push('invoices', [change(byErp.document, merged)])).rejections).toEqual([])
    expect(await stored('invoices', 'A-8')).toEqual(merged)
  })

  test('the integration role creates customers for reps, but writes in its own name', async () => {
    const forAnn = customer('C-erp-ann', 'ann')
    expect((await erp.push('customers', [create(forAnn)])).rejections).toEqual([])
    const doc = invoice('A-7', 'INV-00007-AUTHOR', forAnn)
    const answer = await erp.push('invoices', [create(doc)])
    expect(answer.rejections).toMatchObject([{ id: 'A-7', code: 'wrongAuthor' }])
    const asErp = {
      ...doc,
      createdBy: 'erp',
      history: doc.history.map((e) => ({ ...e, by: 'erp', role: 'integration' as const })),
    }
    expect((await erp.push('invoices', [create(asErp)])).rejections).toEqual([])
    expect(await stored('invoices', 'A-7')).toMatchObject({ createdBy: 'erp', ownerId: 'ann' })
  })
})

describe('a customer the server does not know', () => {
  test('a rep’s record for it is refused to be tried again, and never moves to who creates it later', async () => {
    const ghost = customer('C-ghost', 'ann')
    const doc = invoice('G-1', 'INV-00001-GHOSTS', ghost)
    const answer = await ann.push('invoices', [create(doc)])
    expect(answer.status).toBe(200)
    expect(answer.rejections).toMatchObject([{ id: 'G-1', code: 'unknownCustomer', master: null }])
    expect(await stored('invoices', 'G-1')).toBeNull()
    // Bob creates a customer with that id: nothing of Ann's reaches him.
    expect((await bob.push('customers', [create(customer('C-ghost', 'bob'))])).rejections).toEqual(
      [],
    )
    expect((await bob.pullAll('invoices')).map((d) => d.id)).not.toContain('G-1')
    // Ann's push, tried again, is now refused as another rep's customer, and still not stored.
    const again = await ann.push('invoices', [create(doc)])
    expect(again.rejections).toMatchObject([{ id: 'G-1', code: 'notPermitted' }])
    expect(await stored('invoices', 'G-1')).toBeNull()
  })

  test('a record deleted before its customer arrived is taken as done, and not stored', async () => {
    const doc = invoice('G-3', 'INV-00003-GHOSTS', customer('C-gone', 'ann'))
    const answer = await ann.push('invoices', [{ newDocumentState: { ...doc, _deleted: true } }])
    expect(answer).toEqual({ status: 200, conflicts: [], rejections: [] })
    expect(await stored('invoices', 'G-3')).toBeNull()
  })

  test('once the customer arrives, the record retried is taken', async () => {
    const late = customer('C-late', 'ann')
    const doc = invoice('G-2', 'INV-00002-GHOSTS', late)
    expect((await ann.push('invoices', [create(doc)])).rejections[0]?.code).toBe('unknownCustomer')
    expect((await ann.push('customers', [create(late)])).rejections).toEqual([])
    expect((await ann.push('invoices', [create(doc)])).rejections).toEqual([])
    expect(await stored('invoices', 'G-2')).toMatchObject({ customerId: 'C-late' })
  })
})

describe('text the database can store', () => {
  test('a NUL in a name is refused beside a good record, which is stored; no 500', async () => {
    const good = customer('C-good', 'ann')
    const nul = { ...customer('C-nul', 'ann'), name: 'Bad\u0000Name' }
    const lone = { ...customer('C-lone', 'ann'), name: 'Half \ud800 pair' }
    const answer = await ann.push('customers', [create(nul), create(good), create(lone)])
    expect(answer.status).toBe(200)
    expect(answer.rejections.map((r) => [r.id, r.code])).toEqual([
      ['C-nul', 'invalid'],
      ['C-lone', 'invalid'],
    ])
    expect(answer.rejections[0]?.reason).toMatch(/name/)
    expect(await stored('customers', 'C-good')).toMatchObject({ name: good.name })
    expect(await stored('customers', 'C-nul')).toBeNull()
    // A retry gets the same answer: the good one is a replay, the bad one refused again.
    const retry = await ann.push('customers', [create(nul), create(good)])
    expect(retry.status).toBe(200)
    expect(retry.rejections.map((r) => r.code)).toEqual(['invalid'])
  })

  test('a row the database refuses is that row’s refusal; the rest of the batch is stored', async () => {
    // A parser that lets anything through, so the text reaches PostgreSQL as if a check had missed it.
    const spec = {
      ...COLLECTIONS.get('customers')!,
      parse: (v: unknown) => ({ ok: true, value: v }),
    }
    const good = customer('C-db-good', 'ann')
    const bad = { ...customer('C-db-bad', 'ann'), name: 'Bad\u0000Name' }
    const result = await push(server.pool, spec as never, { userId: 'ann', role: 'rep' }, [
      create(good),
      create(bad),
    ])
    expect(result.rejections).toEqual([
      {
        id: 'C-db-bad',
        code: 'notStored',
        reason: expect.stringMatching(/could not be stored/) as string,
        master: null,
      },
    ])
    expect(result.written).toBe(1)
    expect(await stored('customers', 'C-db-good')).toMatchObject({ name: good.name })
    expect(await stored('customers', 'C-db-bad')).toBeNull()
  })
})

describe('query parameters and errors', () => {
  test.each([
    ['checkpoint=1e300', /checkpoint/],
    ['checkpoint=-1', /checkpoint/],
    ['checkpoint=abc', /checkpoint/],
    ['batchSize=100000', /batchSize/],
    ['batchSize=0', /batchSize/],
  ])('%s is a 400 naming the parameter, without PostgreSQL’s text', async (query, names) => {
    const response = await ann.get(`/sync/invoices/pull?${query}`)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { message: string }
    expect(body.message).toMatch(names)
    expect(JSON.stringify(body)).not.toMatch(/bigint|out of range|postgres|SELECT/i)
  })

  test('a database failure is a 500 that says nothing of the database', async () => {
    await server.pool.query('ALTER TABLE revocations RENAME TO revocations_away')
    try {
      const response = await ann.get('/sync/invoices/pull?checkpoint=0')
      expect(response.status).toBe(500)
      const text = await response.text()
      expect(text).not.toMatch(/revocations|relation|does not exist/)
      expect(JSON.parse(text)).toEqual({
        error: 'internal',
        message: 'The server could not complete the request.',
      })
    } finally {
      await server.pool.query('ALTER TABLE revocations_away RENAME TO revocations')
    }
  })

  test('an error thrown in a route is a 500 without its message or stack', async () => {
    const app = buildApp({ pool: server.pool, databaseUrl: server.db.url, logger: false })
    app.get('/boom', { config: { public: true } }, () => {
      throw new Error('secret internal detail at /srv/app.ts:12')
    })
    try {
      const response = await app.inject({ method: 'GET', url: '/boom' })
      expect(response.statusCode).toBe(500)
      expect(response.body).not.toMatch(/secret|app\.ts/)
      expect(response.json()).toEqual({
        error: 'internal',
        message: 'The server could not complete the request.',
      })
    } finally {
      await app.close()
    }
  })

  test('the log names requests by method and path: no query string, document, token or database text', async () => {
    const lines: string[] = []
    const logger = { ...(LOGGER as object), stream: { write: (line: string) => lines.push(line) } }
    const app = buildApp({
      pool: server.pool,
      databaseUrl: server.db.url,
      logger: logger,
    })
    const headers = { authorization: `Bearer ${ann.token}` }
    try {
      const pulled = await app.inject({
        url: '/sync/customers/pull?checkpoint=0&note=QUERYTEXT',
        headers,
      })
      expect(pulled.statusCode).toBe(200)
      const secret = { ...customer('C-log', 'ann'), name: 'SECRET\u0000NAME' }
      const pushed = await app.inject({
        method: 'POST',
        url: '/sync/customers/push',
        headers,
        payload: { rows: [create(secret)] },
      })
      expect(pushed.statusCode).toBe(200)
      await server.pool.query('ALTER TABLE revocations RENAME TO revocations_away')
      try {
        expect((await app.inject({ url: '/sync/invoices/pull', headers })).statusCode).toBe(500)
      } finally {
        await server.pool.query('ALTER TABLE revocations_away RENAME TO revocations')
      }
      const log = lines.join('')
      expect(log).toMatch(/"url":"\/sync\/customers\/pull"/)
      expect(log).toMatch(/"code":"42P01"/)
      expect(log).not.toMatch(/QUERYTEXT|checkpoint=|SECRET|does not exist/)
      expect(log).not.toContain(ann.token)
    } finally {
      await app.close()
    }
  })
})
