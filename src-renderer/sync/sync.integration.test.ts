/**
 * Two laptops of one rep against the real sync server and PostgreSQL: offline edits of the same invoice
 * converge with nothing typed lost, and a payment made on one laptop wins over a line edit made offline on the
 * other, as the lifecycle rules say. An invoice whose customer has not reached the server waits, pending, and
 * arrives once the customer does. Then two reps' laptops: a customer the back office gives to the other rep
 * leaves the first laptop with its invoices, and reaches the second.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { HistoryEntry, Invoice } from '@core/documents'
import { jsonEqual } from '@core/sync/json'
import { eventually, openDevice, type Device } from './test-support/devices'
import { customerOf, newInvoice, run } from './test-support/documents'
import { toCustomerDoc } from '@renderer/data/stored'
import {
  change,
  create,
  startSyncServer,
  type ServerClient,
  type TestSyncServer,
} from './test-support/server'

let server: TestSyncServer
let laptopA: Device
let laptopB: Device
let erp: ServerClient
let annOnServer: ServerClient
const ann = customerOf('C-ann', 'ann')

beforeAll(async () => {
  server = await startSyncServer()
  const rep = await server.signIn('ann', 'rep')
  annOnServer = rep
  erp = await server.signIn('erp', 'integration')
  // The user id the server gave ann owns the customer.
  Object.assign(ann, { ownerId: rep.userId })
  expect((await rep.push('customers', [create(ann)])).rejections).toEqual([])
  const device = {
    url: server.url,
    token: rep.token,
    collections: ['invoices', 'payments'] as const,
  }
  laptopA = await openDevice(device)
  laptopB = await openDevice(device)
})

afterAll(async () => {
  await laptopA?.close()
  await laptopB?.close()
  await server?.stop()
})

/** Saves on A, waits until B has it, then takes both laptops offline. */
async function sharedThenOffline(invoice: Invoice): Promise<void> {
  await laptopA.saveInvoice(invoice)
  await eventually(async () => (await laptopB.invoice(invoice.id)) !== undefined)
  await Promise.all([laptopA.session.pause(), laptopB.session.pause()])
}

async function reconnectAndConverge(id: string): Promise<Record<string, unknown>> {
  await laptopA.session.resume()
  await laptopA.session.awaitInSync()
  await laptopB.session.resume()
  await laptopB.session.awaitInSync()
  await eventually(async () => jsonEqual(await laptopA.invoice(id), await laptopB.invoice(id)))
  const onA = await laptopA.invoice(id)
  const onServer = (await erp.pullAll('invoices')).find((d) => d.id === id)
  expect(onServer).toEqual({ ...onA, _deleted: false })
  return onA as Record<string, unknown>
}

const conflictEntries = (doc: Record<string, unknown>) =>
  (doc.history as HistoryEntry[]).filter((e) => e.command === 'conflict')

describe('two laptops edit the same invoice offline', () => {
  test('different fields both stand; on the same field the later edit wins and the other is in the history', async () => {
    const invoice = newInvoice('I-1', 'INV-00001-AAAAAA', ann)
    await sharedThenOffline(invoice)

    const onA = run(
      invoice,
      { type: 'editHeader', changes: { name: 'Renamed on A', description: 'typed on A' } },
      ann.ownerId,
      '2025-03-02T10:00:00.000Z',
    )
    await laptopA.saveInvoice(onA.document)
    const onB = run(
      invoice,
      { type: 'editLine', lineId: 'I-1-L1', changes: { quantity: '7' } },
      ann.ownerId,
      '2025-03-02T11:00:00.000Z',
    )
    const onB2 = run(
      onB.document,
      { type: 'editHeader', changes: { description: 'typed on B' } },
      ann.ownerId,
      '2025-03-02T11:00:01.000Z',
    )
    await laptopB.saveInvoice(onB2.document)
    expect(laptopB.tracker.stateOf('invoices', 'I-1').state).toBe('pending')

    const merged = await reconnectAndConverge('I-1')
    expect(merged.name).toBe('Renamed on A')
    expect(merged.description).toBe('typed on B')
    const lines = merged.lines as Array<{ id: string; quantity: string; extendedAmount: string }>
    expect(lines.find((l) => l.id === 'I-1-L1')?.quantity).toBe('7')
    // Every typed value is either current or kept in the conflict entry.
    const lost = conflictEntries(merged).flatMap((e) => e.changes)
    expect(lost).toContainEqual({ field: 'description', from: 'typed on A', to: 'typed on B' })
    // Totals were recomputed from the merged lines (7 × 11.50 + 2 × 12.50).
    expect((merged.totals as { detailAmount: string }).detailAmount).toBe('105.50')
    await eventually(() =>
      Promise.resolve(laptopA.tracker.pendingCount() + laptopB.tracker.pendingCount() === 0),
    )
    expect(laptopB.tracker.stateOf('invoices', 'I-1').state).toBe('synced')
  })

  test('a payment on one laptop beats a line edit made offline on the other', async () => {
    const invoice = newInvoice('I-2', 'INV-00002-AAAAAA', ann)
    await sharedThenOffline(invoice)

    const total = invoice.totals.totalAmount
    const payment = { id: 'P-1', date: '2025-03-02', amount: total, method: 'cash' } as const
    const paid = run(
      invoice,
      { type: 'recordPayment', payment },
      ann.ownerId,
      '2025-03-02T10:00:00.000Z',
    )
    expect(paid.document.state).toBe('paid')
    await laptopA.saveInvoice(paid.document, paid.payment ? [paid.payment] : [])
    // Later in time, but on an invoice that was paid meanwhile: stale.
    const edited = run(
      invoice,
      { type: 'editLine', lineId: 'I-2-L2', changes: { quantity: '9' } },
      ann.ownerId,
      '2025-03-02T12:00:00.000Z',
    )
    await laptopB.saveInvoice(edited.document)

    const merged = await reconnectAndConverge('I-2')
    expect(merged.state).toBe('paid')
    expect(merged.totals).toEqual(invoice.totals)
    const lines = merged.lines as Array<{ id: string; quantity: string }>
    expect(lines.find((l) => l.id === 'I-2-L2')?.quantity).toBe('2')
    const lost = conflictEntries(merged).flatMap((e) => e.changes)
    expect(lost.some((c) => c.field.includes('I-2-L2') && c.from === '9')).toBe(true)
    // The payment reached laptop B, and B's stored balance follows it.
    await eventually(async () => (await laptopB.payments('I-2')).length === 1)
    await eventually(
      async () => (await laptopB.db.invoices.findOne('I-2').exec())?.balanceDue === '0.00',
    )
  })
})

describe('a change the server refuses', () => {
  test('two laptops pay one invoice in full offline: the second payment is refused, shown with its reason, and both laptops agree', async () => {
    const invoice = newInvoice('I-3', 'INV-00003-AAAAAA', ann)
    await sharedThenOffline(invoice)
    const total = invoice.totals.totalAmount
    const pay = (id: string) =>
      ({
        type: 'recordPayment',
        payment: { id, date: '2025-03-02', amount: total, method: 'cash' },
      }) as const
    expect(await laptopA.command('I-3', pay('P-A'), ann.ownerId, '2025-03-02T10:00:00.000Z')).toBe(
      true,
    )
    expect(await laptopB.command('I-3', pay('P-B'), ann.ownerId, '2025-03-02T11:00:00.000Z')).toBe(
      true,
    )

    await reconnectAndConverge('I-3')
    await eventually(async () => (await laptopB.payments('I-3')).length === 1)
    expect(
      (await erp.pullAll('payments')).filter((p) => p.invoiceId === 'I-3' && !p._deleted),
    ).toEqual([expect.objectContaining({ id: 'P-A', amount: total })])
    const refusal = laptopB.tracker.stateOf('payments', 'P-B')
    expect(refusal).toMatchObject({
      state: 'rejected',
      code: 'overpayment',
      reason: `Payment of ${total} is more than the balance due of 0.00 on invoice INV-00003-AAAAAA.`,
      refused: expect.objectContaining({ id: 'P-B', amount: total }) as unknown,
    })
    expect(laptopB.tracker.rejections().map((r) => r.id)).toEqual(['P-B'])
    // B went back to what the server holds: A's payment only, nothing due, on both laptops.
    for (const laptop of [laptopA, laptopB]) {
      expect((await laptop.payments('I-3')).map((p) => p.id)).toEqual(['P-A'])
      await eventually(
        async () => (await laptop.db.invoices.findOne('I-3').exec())?.balanceDue === '0.00',
      )
    }
    expect(laptopB.tracker.pendingCount()).toBe(0)
  })
})

describe('an invoice whose customer has not reached the server', () => {
  test('waits, pending, and is pushed again until the customer is there', async () => {
    const later = customerOf('C-later', ann.ownerId)
    const waits: unknown[] = []
    const laptop = await openDevice({
      url: server.url,
      token: annOnServer.token,
      collections: ['invoices', 'payments'],
      onError: (e) => waits.push(e),
    })
    try {
      await laptop.saveInvoice(newInvoice('I-later', 'INV-00009-LATERC', later))
      // RxDB reports the push refused for now (RC_PUSH, the handler's error as plain JSON), and retries it.
      const refusedForNow = (e: unknown) =>
        JSON.stringify(
          (e as { parameters?: { errors?: unknown } }).parameters?.errors ?? null,
        ).includes('RefusedForNow')
      await eventually(() => Promise.resolve(waits.some(refusedForNow)))
      expect(laptop.tracker.stateOf('invoices', 'I-later').state).toBe('pending')
      expect(await laptop.invoice('I-later')).toBeDefined()
      expect((await erp.pullAll('invoices')).map((d) => d.id)).not.toContain('I-later')
      expect((await annOnServer.push('customers', [create(later)])).rejections).toEqual([])
      await eventually(async () => (await erp.pullAll('invoices')).some((d) => d.id === 'I-later'))
      await eventually(() =>
        Promise.resolve(laptop.tracker.stateOf('invoices', 'I-later').state === 'synced'),
      )
    } finally {
      await laptop.close()
    }
  })
})

describe('a customer the back office gives to another rep', () => {
  test("leaves the first rep's laptop with its invoices, an unsent edit refused with its reason, and reaches the other rep's laptop", async () => {
    const [cat, dan] = [await server.signIn('cat', 'rep'), await server.signIn('dan', 'rep')]
    const collections = ['customers', 'invoices', 'payments'] as const
    const catsLaptop = await openDevice({ url: server.url, token: cat.token, collections })
    const dansLaptop = await openDevice({ url: server.url, token: dan.token, collections })
    try {
      const moving = customerOf('C-moving', cat.userId)
      const kept = newInvoice('I-kept', 'INV-00010-MOVING', moving)
      const edited = newInvoice('I-edited', 'INV-00011-MOVING', moving)
      await catsLaptop.db.customers.upsert(toCustomerDoc(moving))
      await catsLaptop.saveInvoice(kept)
      await catsLaptop.saveInvoice(edited)
      await catsLaptop.session.awaitInSync()
      await eventually(async () => {
        const ids = (await erp.pullAll('invoices')).map((d) => d.id)
        return ids.includes('I-kept') && ids.includes('I-edited')
      })
      expect(catsLaptop.tracker.pendingCount()).toBe(0)

      // Offline, cat edits one invoice; meanwhile the back office gives the customer to dan.
      await catsLaptop.session.pause()
      const onCat = run(
        edited,
        { type: 'editHeader', changes: { description: 'typed by cat' } },
        cat.userId,
        '2025-03-02T10:00:00.000Z',
      )
      await catsLaptop.saveInvoice(onCat.document)
      expect(catsLaptop.tracker.pendingCount()).toBe(1)
      const toDan = { ...moving, ownerId: dan.userId }
      expect((await erp.push('customers', [change(moving, toDan)])).rejections).toEqual([])

      await catsLaptop.session.resume()
      await catsLaptop.session.awaitInSync()
      await eventually(async () => {
        const left = await Promise.all([
          catsLaptop.db.customers.findOne('C-moving').exec(),
          catsLaptop.invoice('I-kept'),
          catsLaptop.invoice('I-edited'),
        ])
        return left.every((doc) => doc === undefined || doc === null)
      })
      expect(catsLaptop.tracker.pendingCount()).toBe(0)
      // The unsent edit is not lost: it is shown as refused, with the reason and the version typed.
      expect(catsLaptop.tracker.stateOf('invoices', 'I-edited')).toMatchObject({
        state: 'rejected',
        code: 'notPermitted',
        reason: 'This record belongs to another rep’s customer.',
        refused: expect.objectContaining({ description: 'typed by cat' }) as unknown,
      })

      await eventually(async () => (await dansLaptop.invoice('I-edited')) !== undefined)
      await eventually(async () => (await dansLaptop.invoice('I-kept')) !== undefined)
      const customer = await dansLaptop.db.customers.findOne('C-moving').exec()
      expect(customer?.ownerId).toBe(dan.userId)
      expect(await dansLaptop.invoice('I-edited')).toEqual(edited)
    } finally {
      await catsLaptop.close()
      await dansLaptop.close()
    }
  })
})
