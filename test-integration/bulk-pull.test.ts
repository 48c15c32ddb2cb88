/**
 * A laptop far behind the server pulls in bulk pages (one request and one storage transaction each) through
 * RxDB's own replication, so its checkpoint is the replication's: closed in the middle of that first sync and
 * opened again, it goes on from its stored checkpoint, ends with every invoice once, and live replication
 * continues from there (an edit made on the server afterwards arrives).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { customerOf, newInvoice, run } from '../src-renderer/sync/test-support/documents'
import { eventually, openDevice, type Device } from './support/devices'
import {
  change,
  create,
  startTestServer,
  type Client,
  type TestServer,
} from '../src-server/test-support/server'

const INVOICES = 300
const SYNC = { batchSize: 20, farBehind: 50, bulkPage: 100 }

let server: TestServer | undefined
let rep: Client
let laptop: Device | undefined
const customer = customerOf('C-bulk', 'nobody')

beforeAll(async () => {
  server = await startTestServer()
  rep = await server.signIn('ann', 'rep')
  Object.assign(customer, { ownerId: rep.userId })
  expect((await rep.push('customers', [create(customer)])).rejections).toEqual([])
  const invoices = Array.from({ length: INVOICES }, (_, i) =>
    newInvoice(`I-bulk-${i}`, `INV-${String(20_000 + i)}-BULKKK`, customer),
  )
  for (let start = 0; start < INVOICES; start += 100) {
    const { rejections } = await rep.push(
      'invoices',
      invoices.slice(start, start + 100).map(create),
    )
    expect(rejections).toEqual([])
  }
}, 120_000)

afterAll(async () => {
  await laptop?.close()
  await server?.stop()
}, 60_000)

test('a first sync closed midway resumes from its stored checkpoint: every invoice once, then live', async () => {
  if (!server) throw new Error('no server')
  const pulls: string[] = []
  let slow = true
  const watching: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.includes('/invoices/pull?')) {
      pulls.push(new URL(url).search)
      // After the first bulk page the next answer is late, so the laptop is closed between two pages.
      const pastFirstBulk = /checkpoint=(\d+)/.exec(url)?.[1] ?? '0'
      if (slow && Number(pastFirstBulk) > SYNC.batchSize)
        await new Promise((resolve) => setTimeout(resolve, 2000))
    }
    return fetch(input, init)
  }
  const name = `bulk-laptop-${Date.now().toString(36)}`
  const device = {
    url: server.url,
    token: rep.token,
    collections: ['invoices', 'payments'] as const,
  }
  laptop = await openDevice({ ...device, name, fetch: watching, sync: SYNC })
  const first = laptop
  await eventually(async () => (await first.db.invoices.count().exec()) >= 120, 30_000)
  await laptop.close()
  slow = false
  laptop = undefined
  const before = pulls.length
  // A collection never pulled from this server comes in bulk pages from the first.
  expect(pulls.length).toBeGreaterThan(1)
  for (const p of pulls) expect(p).toContain(`batchSize=${SYNC.bulkPage}`)

  laptop = await openDevice({ ...device, name, fetch: watching, sync: SYNC })
  await laptop.session.awaitInSync()
  // Opened again, it asks from the replication's stored checkpoint (the last page whose checkpoint RxDB wrote
  // before the close), not from the start; pages pulled again land on the same records.
  expect(Number(/checkpoint=(\d+)/.exec(pulls[before] ?? '')?.[1])).toBeGreaterThan(0)
  const stored = await laptop.db.invoices.find().exec()
  expect(stored).toHaveLength(INVOICES)
  expect(new Set(stored.map((d) => d.id)).size).toBe(INVOICES)

  const edited = newInvoice('I-bulk-0', 'INV-20000-BULKKK', customer)
  const renamed = run(
    edited,
    { type: 'editHeader', changes: { name: 'Renamed after the first sync' } },
    rep.userId,
    '2025-03-02T10:00:00.000Z',
  ).document
  expect((await rep.push('invoices', [change(edited, renamed)])).rejections).toEqual([])
  await eventually(
    async () => (await laptop!.invoice(edited.id))?.name === 'Renamed after the first sync',
    15_000,
  )
  // Live pulls of a collection in step with the server are the normal size again.
  expect(pulls.at(-1)).toContain(`batchSize=${SYNC.batchSize}`)
})
