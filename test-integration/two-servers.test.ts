/**
 * A company runs several server processes on one PostgreSQL: a laptop on one process receives the edits made by
 * a laptop on the other, live (each process LISTENs for the other's NOTIFY and signals its own streams), and the
 * pushes of one collection queue on its lock however many processes take them. The time one small push takes
 * through that lock is printed: it is what bounds a collection's writers (src-server/README.md, Several servers).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { run, customerOf, newInvoice } from '../src-renderer/sync/test-support/documents'
import { eventually, openDevice, type Device } from './support/devices'
import { create } from '../src-server/test-support/server'
import { startServerPair, type ServerPair } from '../src-server/test-support/process'

let servers: ServerPair | undefined
let onFirst: Device | undefined
let onSecond: Device | undefined

beforeAll(async () => {
  servers = await startServerPair()
}, 120_000)

afterAll(async () => {
  await onFirst?.close()
  await onSecond?.close()
  await servers?.stop()
}, 60_000)

test('laptops on two server processes receive each other’s edits live', async () => {
  if (!servers) throw new Error('no servers')
  const [first, second] = servers.urls
  expect(first).not.toBe(second)
  const rep = await servers.signIn('ann', 'rep')
  const ann = customerOf('C-two', rep.userId)
  expect((await rep.push('customers', [create(ann)])).rejections).toEqual([])
  const device = { token: rep.token, collections: ['invoices', 'payments'] as const }
  onFirst = await openDevice({ ...device, url: first })
  onSecond = await openDevice({ ...device, url: second })
  await Promise.all([onFirst.session.awaitInSync(), onSecond.session.awaitInSync()])

  const invoice = newInvoice('I-two', 'INV-00001-TWOSRV', ann)
  await onFirst.saveInvoice(invoice)
  await eventually(async () => (await onSecond!.invoice(invoice.id)) !== undefined, 15_000)

  const renamed = run(
    invoice,
    { type: 'editHeader', changes: { name: 'Renamed on the second' } },
    rep.userId,
    '2025-03-02T10:00:00.000Z',
  )
  await onSecond.saveInvoice(renamed.document)
  await eventually(
    async () => (await onFirst!.invoice(invoice.id))?.name === 'Renamed on the second',
    15_000,
  )
})

test('one small push through the collection lock, timed (median of 20)', async () => {
  if (!servers) throw new Error('no servers')
  const rep = await servers.signIn('timer', 'rep')
  const customer = customerOf('C-timer', rep.userId)
  expect((await rep.push('customers', [create(customer)])).rejections).toEqual([])
  const times: number[] = []
  for (let k = 0; k < 20; k++) {
    const invoice = newInvoice(`I-t${k}`, `INV-1${String(k).padStart(4, '0')}-TIMERX`, customer)
    const start = performance.now()
    const { rejections } = await rep.push('invoices', [create(invoice)])
    times.push(performance.now() - start)
    expect(rejections).toEqual([])
  }
  const median = [...times].sort((a, b) => a - b)[10] ?? NaN
  console.log(JSON.stringify({ figure: 'onePushOfOneInvoice', medianMs: Math.round(median) }))
  expect(median).toBeGreaterThan(0)
})
