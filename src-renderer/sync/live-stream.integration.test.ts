/**
 * Every collection is live through one connection: a device holds a single event stream to the real sync
 * server, and a change to any collection it replicates (the shared settings as much as a rep's customers and
 * invoices) arrives in seconds, with no poll behind it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { settings } from '@core/documents/test-support/fixtures'
import { eventually, openDevice, type Device } from './test-support/devices'
import { customerOf, newInvoice } from './test-support/documents'
import {
  create,
  startSyncServer,
  type ServerClient,
  type TestSyncServer,
} from './test-support/server'

let server: TestSyncServer
let rep: ServerClient
let admin: ServerClient
let laptop: Device
/** The URLs of the laptop's stream requests. */
const streams: string[] = []

beforeAll(async () => {
  server = await startSyncServer()
  rep = await server.signIn('ann', 'rep')
  admin = await server.signIn('admin', 'admin')
  const watching: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.includes('/stream')) streams.push(url.slice(server.url.length))
    return fetch(input, init)
  }
  laptop = await openDevice({
    url: server.url,
    token: rep.token,
    collections: ['settings', 'customers', 'invoices', 'payments'],
    fetch: watching,
  })
  await laptop.session.awaitInSync()
})

afterAll(async () => {
  await laptop?.close()
  await server?.stop()
})

const within10s = (check: () => Promise<boolean>) => eventually(check, 10_000)

test('one stream brings the changes of every collection the device replicates', async () => {
  expect((await admin.push('settings', [create(settings)])).rejections).toEqual([])
  await within10s(async () => (await laptop.db.settings.findOne(settings.id).exec()) !== null)

  const customer = customerOf('C-live', rep.userId)
  expect((await rep.push('customers', [create(customer)])).rejections).toEqual([])
  await within10s(async () => (await laptop.db.customers.findOne(customer.id).exec()) !== null)

  const invoice = newInvoice('I-live', 'INV-00001-LIVEEE', customer)
  expect((await rep.push('invoices', [create(invoice)])).rejections).toEqual([])
  await within10s(async () => (await laptop.invoice(invoice.id)) !== undefined)

  expect(streams).toEqual(['/sync/stream?collections=settings,customers,invoices,payments'])
})
