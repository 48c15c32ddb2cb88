/**
 * A pulled invoice carries the balance derived from the payments its page read, and is refreshed after it is
 * written only when a payment of it was written in between: here a payment recorded on the laptop right after
 * the first sync's page read the payments, before RxDB writes that page, still ends in the stored balance.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { RxCollectionBase } from 'rxdb'
import type { LedgerEntry } from '../src-core/documents'
import { customerOf, newInvoice, run } from '../src-renderer/sync/test-support/documents'
import { toInvoiceDoc } from '../src-renderer/data/stored'
import { eventually, openDevice, type Device } from './support/devices'
import { create, startTestServer, type TestServer } from '../src-server/test-support/server'

/** What the test reads of an RxDB collection. */
interface Collection {
  name: string
  insert(doc: unknown): Promise<unknown>
}

let server: TestServer | undefined
let laptop: Device | undefined

beforeAll(async () => {
  server = await startTestServer()
}, 120_000)

afterAll(async () => {
  await laptop?.close()
  await server?.stop()
}, 60_000)

test('a payment recorded while its invoice is pulled counts in the stored balance', async () => {
  if (!server) throw new Error('no server')
  const rep = await server.signIn('ann', 'rep')
  const customer = customerOf('C-late', rep.userId)
  const invoice = newInvoice('I-late', 'INV-00001-LATEPY', customer)
  expect((await rep.push('customers', [create(customer)])).rejections).toEqual([])
  expect((await rep.push('invoices', [create(invoice)])).rejections).toEqual([])
  const payment = run(
    invoice,
    {
      type: 'recordPayment',
      payment: { id: 'P-late', date: '2025-03-02', amount: '1.00', method: 'cash' },
    },
    rep.userId,
    '2025-03-02T10:00:00.000Z',
  ).payment as LedgerEntry

  // The page's read of the payments answers, and only then is the payment stored: the page's balance misses it.
  const proto = RxCollectionBase.prototype as unknown as {
    find: (this: Collection, ...args: unknown[]) => { exec: () => Promise<unknown> }
  }
  const find = proto.find
  let armed = true
  let recorded = false
  proto.find = function (this: Collection, ...args) {
    const query = find.apply(this, args)
    // The pull's read asks by invoice; the tracker's count of unsent records at start reads them all.
    if (this.name !== 'payments' || !armed || !JSON.stringify(args).includes('invoiceId'))
      return query
    const exec = query.exec.bind(query)
    return Object.assign(Object.create(query), {
      exec: async () => {
        const found = await exec()
        if (armed) {
          armed = false
          await this.insert(payment)
          recorded = true
        }
        return found
      },
    }) as typeof query
  }
  try {
    laptop = await openDevice({
      url: server.url,
      token: rep.token,
      collections: ['invoices', 'payments'],
    })
    await laptop.session.awaitInSync()
  } finally {
    proto.find = find
  }
  expect(recorded).toBe(true)
  const expected = toInvoiceDoc(invoice, [payment]).balanceDue
  expect(expected).not.toBe(toInvoiceDoc(invoice, []).balanceDue)
  await eventually(
    async () => (await laptop!.db.invoices.findOne(invoice.id).exec())?.balanceDue === expected,
    15_000,
  )
})
