/**
 * The server dies in the middle of a laptop's push (SIGKILL while the push waits inside its transaction) and
 * comes back on the same address: the laptop's own replication resumes by itself, and every invoice arrives on
 * the server once, with the edit typed while the server was down; another laptop then receives each once.
 */
import { afterAll, expect, test } from 'vitest'
import type { Invoice } from '@core/documents'
import { jsonEqual } from '@core/sync/json'
import { eventually, openDevice, type Device } from './test-support/devices'
import { customerOf, newInvoice } from './test-support/documents'
import { create, type ServerClient } from './test-support/server'

/** src-server/test-support/process.ts, typed by hand: this folder type-checks against the DOM, not Node. */
interface KillableServer {
  readonly url: string
  signIn(name: string, role: 'rep'): Promise<ServerClient>
  blockPushes(collection: string): Promise<{ release(): Promise<void> }>
  waitForBlockedPush(): Promise<void>
  kill(): Promise<void>
  restart(): Promise<void>
  count(collection: string): Promise<number>
  stop(): Promise<void>
}

// A variable, not a literal: the renderer's lint boundary forbids importing server code into the app.
const PROCESS_SUPPORT = '../../src-server/test-support/process.ts'

let server: KillableServer | undefined
const laptops: Device[] = []

afterAll(async () => {
  for (const laptop of laptops) await laptop.close()
  await server?.stop()
}, 60_000)

const INVOICES = 30

test('a laptop resumes by itself after the server is killed mid-push and restarted: nothing duplicated or lost', async () => {
  const support = (await import(/* @vite-ignore */ PROCESS_SUPPORT)) as {
    startKillableServer(): Promise<KillableServer>
  }
  server = await support.startKillableServer()
  const rep = await server.signIn('gina', 'rep')
  const gina = customerOf('C-gina', rep.userId)
  expect((await rep.push('customers', [create(gina)])).rejections).toEqual([])
  const device = {
    url: server.url,
    token: rep.token,
    collections: ['invoices', 'payments'] as const,
  }
  const laptop = await openDevice(device)
  laptops.push(laptop)

  // The laptop's push of the invoices is caught inside the server's transaction, and the server dies there.
  const blocked = await server.blockPushes('invoices')
  const invoices: Invoice[] = Array.from({ length: INVOICES }, (_, i) =>
    newInvoice(`R-${i}`, `INV-${String(i).padStart(5, '0')}-RESTRT`, gina),
  )
  for (const invoice of invoices) await laptop.saveInvoice(invoice)
  await server.waitForBlockedPush()
  await server.kill()
  await blocked.release()
  expect(await server.count('invoices')).toBe(0)

  // The rep keeps working while the server is down.
  const typed = await laptop.command(
    'R-0',
    { type: 'editHeader', changes: { name: 'Typed while the server was down' } },
    rep.userId,
    '2025-03-02T10:00:00.000Z',
  )
  expect(typed).toBe(true)
  expect(laptop.tracker.pendingCount()).toBe(INVOICES)

  await server.restart()
  await eventually(async () => {
    await laptop.session.awaitInSync()
    return laptop.tracker.pendingCount() === 0 && (await server!.count('invoices')) === INVOICES
  }, 90_000)

  const onServer = await rep.pullAll('invoices')
  expect(onServer.map((d) => d.id).sort()).toEqual(invoices.map((i) => i.id).sort())
  expect(onServer.find((d) => d.id === 'R-0')?.name).toBe('Typed while the server was down')
  for (const doc of onServer)
    expect(jsonEqual(doc, { ...(await laptop.invoice(String(doc.id))), _deleted: false })).toBe(
      true,
    )

  // Another laptop of the rep receives every invoice once.
  const other = await openDevice(device)
  laptops.push(other)
  await eventually(async () => (await other.db.invoices.count().exec()) === INVOICES, 60_000)
  expect(await other.invoice('R-0')).toEqual(await laptop.invoice('R-0'))
}, 240_000)
