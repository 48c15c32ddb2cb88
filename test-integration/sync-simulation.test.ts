/**
 * The sync simulation: five devices of one rep, a seeded stream of random invoice commands (create, edit
 * header and lines, add lines, pay, cancel, reactivate) and random disconnections, against the real server and
 * PostgreSQL. Afterwards every device and the server hold the same invoices and payments, every invoice passes
 * src-core's schema and totals check, balances follow the payments, no invoice number repeats, and every change
 * the server refused (a payment past a balance another device already took) is in view with its reason.
 *
 * 2,000 commands by default, about a minute on a 2-core machine. Each run draws a new seed
 * unless SYNC_SIM_SEED is set, and prints it, so a failure can be replayed; SYNC_SIM_COMMANDS sets the number of
 * commands, SYNC_SIM_WAIT_MS how long to wait for convergence, SYNC_SIM=0 skips the simulation. SYNC_SIM_DEBUG=1
 * prints pending and rejected counts, sync errors, and for each document that differs from device 0's both
 * versions and each device's trace of it (test-support/trace.ts): that is how the lost pulled state behind
 * downstream-guard.ts was found.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseDecimal } from '../src-core/money'
import {
  amountPaid,
  balanceDue,
  invoiceSchema,
  paymentSchema,
  type Invoice,
  type InvoiceCommand,
  type LedgerEntry,
} from '../src-core/documents'
import { canonicalJson } from '../src-core/io/canonical-json'
import { checkTotals } from '../src-core/sync/validate-document'
import { toWire } from '../src-renderer/sync/derived'
import { eventually, openDevice, type Device } from './support/devices'
import { customerOf, newInvoice } from '../src-renderer/sync/test-support/documents'
import { createTracer } from './support/trace'
import {
  create,
  startTestServer,
  type Client,
  type TestServer,
} from '../src-server/test-support/server'

// Node's process, in a folder type-checked against the DOM.
declare const process: { env: Record<string, string | undefined> }

const COMMANDS = Number(process.env.SYNC_SIM_COMMANDS ?? 2000)
const DEVICES = 5

let server: TestServer
let erp: Client
const devices: Device[] = []
const online: boolean[] = []
const ann = customerOf('C-sim', 'ann')

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const RUN = process.env.SYNC_SIM !== '0'
const DEBUG = process.env.SYNC_SIM_DEBUG === '1'
const tracer = createTracer()

beforeAll(async () => {
  if (!RUN) return
  server = await startTestServer()
  const rep = await server.signIn('ann', 'rep')
  erp = await server.signIn('erp', 'integration')
  Object.assign(ann, { ownerId: rep.userId })
  expect((await rep.push('customers', [create(ann)])).rejections).toEqual([])
  for (let d = 0; d < DEVICES; d++) {
    devices.push(
      await openDevice({
        url: server.url,
        token: rep.token,
        collections: ['invoices', 'payments'],
        fetch: DEBUG ? tracer.fetchOf(d) : undefined,
        onError: DEBUG
          ? (e) => console.log(`device ${d} sync error`, String(e).slice(0, 400))
          : undefined,
      }),
    )
    online.push(true)
    if (DEBUG) tracer.watch(d, devices[d]!)
  }
}, 120_000)

afterAll(async () => {
  for (const device of devices) await device.close()
  await server?.stop()
})

const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)]

function randomCommand(
  random: () => number,
  doc: Invoice,
  ledger: readonly LedgerEntry[],
  step: number,
): InvoiceCommand {
  const line = pick(random, doc.lines)
  const choice = random()
  if (choice < 0.25) return { type: 'editHeader', changes: { name: `Name ${step}` } }
  if (choice < 0.4) return { type: 'editHeader', changes: { description: `Typed ${step}` } }
  if (choice < 0.6 && line)
    return { type: 'editLine', lineId: line.id, changes: { quantity: String(1 + (step % 9)) } }
  if (choice < 0.72)
    return {
      type: 'addWriteIn',
      lineId: `L${step}`,
      productName: `Work ${step}`,
      pricePerUnit: `${1 + (step % 50)}.25`,
      quantity: '1',
    }
  if (choice < 0.8) {
    const amount = random() < 0.5 ? doc.totals.totalAmount : '1.00'
    return {
      type: 'recordPayment',
      payment: { id: `P${step}`, date: '2025-03-05', amount, method: 'cash' },
    }
  }
  // Voids and refunds of this device's view of the ledger: another device may have voided the same payment
  // offline, which the server refuses (a void once) and the device takes back.
  const payment = pick(
    random,
    ledger.filter((e) => e.kind === 'payment'),
  )
  if (choice < 0.85 && payment)
    return {
      type: 'voidPayment',
      void: {
        id: `V${step}`,
        paymentId: payment.id,
        date: '2025-03-06',
        reason: `Mistake ${step}`,
      },
    }
  if (choice < 0.89)
    return {
      type: 'recordRefund',
      refund: { id: `R${step}`, date: '2025-03-07', amount: '1.00', method: 'cash' },
    }
  if (choice < 0.94) return { type: 'cancelInvoice' }
  return { type: 'reactivate' }
}

interface Snapshot {
  byId: Map<string, string>
  text: string
}

/** A device's invoices and payments, canonical JSON of the wire form (key order is IndexedDB's, not ours). */
async function snapshot(device: Device): Promise<Snapshot> {
  const byId = new Map<string, string>()
  for (const name of ['invoices', 'payments'] as const)
    for (const doc of await device.db[name].find().exec())
      byId.set(`${name}/${doc.id}`, canonicalJson(toWire(name, doc.toJSON())))
  const text = [...byId].sort(([a], [b]) => (a < b ? -1 : 1)).join('\n')
  return { byId, text }
}

const reported = new Set<string>()

/**
 * SYNC_SIM_DEBUG: pending and rejected counts, and once for each document that differs from device 0's, both
 * versions in full and each device's trace of that invoice beside the server's state.
 */
async function report(all: Snapshot[], pending: number[]): Promise<void> {
  console.log(
    'pending',
    pending,
    'rejected',
    devices.map((d) => d.tracker.rejectedCount()),
  )
  const first = all[0]!
  for (const [d, other] of all.entries()) {
    for (const id of new Set([...first.byId.keys(), ...other.byId.keys()])) {
      if (first.byId.get(id) === other.byId.get(id) || reported.has(`${d} ${id}`)) continue
      reported.add(`${d} ${id}`)
      console.log(
        `device ${d} differs on ${id}:\n  0: ${first.byId.get(id)}\n  ${d}: ${other.byId.get(id)}`,
      )
      if (!id.startsWith('invoices/')) continue
      const docId = id.slice('invoices/'.length)
      const onServer = (await erp.pullAll('invoices')).find((doc) => doc.id === docId)
      await tracer.inspect(0, devices[0]!, docId, onServer)
      await tracer.inspect(d, devices[d]!, docId, onServer)
    }
    for (const [id] of other.byId) {
      const [name, docId] = id.split('/') as ['invoices' | 'payments', string]
      const info = devices[d]!.tracker.stateOf(name, docId)
      if (info.state !== 'synced') console.log(`device ${d} ${info.state} ${id}`, info)
    }
  }
}

async function step(random: () => number, n: number): Promise<void> {
  const d = Math.floor(random() * DEVICES)
  const device = devices[d]!
  if (random() < 0.05) {
    online[d] = !online[d]
    await (online[d] ? device.session.resume() : device.session.pause())
    return
  }
  const at = new Date(Date.UTC(2025, 2, 2, 0, 0, 0, n)).toISOString()
  const ids = (await device.db.invoices.find().exec()).map((doc) => doc.id)
  if (ids.length < 3 || random() < 0.08) {
    const number = `INV-${String(n).padStart(5, '0')}-SIMDV${'ABCDE'[d]}`
    await device.saveInvoice(newInvoice(`I${n}`, number, ann))
    return
  }
  // Now and then an invoice with payments, so voids and refunds have something to correct.
  const paidIds = (await device.db.payments.find().exec()).map((p) => p.invoiceId)
  const id = (random() < 0.3 && pick(random, paidIds)) || pick(random, ids)!
  const doc = (await device.invoice(id)) as unknown as Invoice
  if (!doc) return
  const ledger = await device.payments(id)
  await device.command(id, randomCommand(random, doc, ledger, n), ann.ownerId, at)
}

test.runIf(RUN)(
  `${DEVICES} devices, ${COMMANDS} random commands and disconnections converge`,
  async () => {
    const seed = Number(process.env.SYNC_SIM_SEED ?? Math.floor(Math.random() * 2 ** 31))
    console.log(`sync simulation: ${COMMANDS} commands, SYNC_SIM_SEED=${seed}`)
    const random = prng(seed)
    for (let n = 1; n <= COMMANDS; n++) await step(random, n)

    for (const device of devices) await device.session.resume()
    await eventually(
      async () => {
        await Promise.all(devices.map((device) => device.session.awaitInSync()))
        const all = await Promise.all(devices.map(snapshot))
        const pending = devices.map((device) => device.tracker.pendingCount())
        const same = all.every((s) => s.text === all[0]!.text)
        if (DEBUG) await report(all, pending)
        return same && pending.every((p) => p === 0)
      },
      Number(process.env.SYNC_SIM_WAIT_MS ?? 240_000),
    )

    const invoices = (await erp.pullAll('invoices')) as unknown as Array<
      Invoice & { _deleted: boolean }
    >
    const payments = (await erp.pullAll('payments')).filter((p) => p._deleted !== true)
    const onDevice = await devices[0]!.db.invoices.find().exec()
    expect(onDevice.length).toBe(invoices.length)
    const paymentsOnDevice = await devices[0]!.db.payments.find({ sort: [{ id: 'asc' }] }).exec()
    const record = ({ _deleted, ...rest }: Record<string, unknown>) => rest
    expect(paymentsOnDevice.map((p) => record(toWire('payments', p.toJSON())))).toEqual(
      payments.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)).map(record),
    )
    for (const payment of payments) expect(paymentSchema.safeParse(record(payment)).ok).toBe(true)
    // The ledger's rules hold on the server whatever the devices did offline: a payment voided once at most.
    const voided = payments.flatMap((p) => (p.kind === 'void' ? [p.voidsPaymentId] : []))
    expect(new Set(voided).size).toBe(voided.length)
    const kinds = payments.map((p) => String(p.kind))
    console.log(
      `ledger: ${kinds.filter((k) => k === 'payment').length} payments, ${voided.length} voids, ${kinds.filter((k) => k === 'refund').length} refunds`,
    )
    const numbers = invoices.map((i) => i.number)
    expect(new Set(numbers).size).toBe(numbers.length)
    for (const { _deleted, ...invoice } of invoices) {
      expect(_deleted).toBe(false)
      expect(invoiceSchema.safeParse(invoice).ok).toBe(true)
      expect(checkTotals(invoice)).toBeUndefined()
      expect(await devices[0]!.invoice(invoice.id)).toEqual(invoice)
      // The stored Balance Due (derived, never on the wire, so not in the snapshots compared above) follows the
      // invoice and the payments on every device, not only on the first.
      for (const [n, device] of devices.entries()) {
        const stored = await device.db.invoices.findOne(invoice.id).exec()
        const paid = (await device.payments(invoice.id)) as never[]
        expect(stored?.balanceDue, `device ${n}, ${invoice.id}`).toBe(balanceDue(invoice, paid))
        // Refunds never above what was kept: the amount paid is never below nothing.
        expect(parseDecimal(amountPaid(invoice, paid)).units >= 0n).toBe(true)
      }
    }
    // Refused changes (a payment past the balance another device already took) stay in view with the
    // server's reason and the refused version; the records themselves went back to the server's state.
    for (const device of devices)
      for (const refusal of device.tracker.rejections()) {
        expect(refusal.reason).not.toBe('')
        expect(refusal.refused).toMatchObject({ id: refusal.id })
      }
    if (DEBUG)
      console.log(
        'refusals',
        devices.map((d) => d.tracker.rejections().map((r) => r.code)),
      )
  },
  120_000 + COMMANDS * 600,
)
