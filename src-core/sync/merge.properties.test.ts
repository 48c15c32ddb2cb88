/**
 * Properties of the conflict merge over random offline histories: two devices start from the same invoice, each
 * runs its own commands through the real rules, and the merge must be idempotent, the same whichever device
 * runs it, valid, priced, acceptable to the server, and must lose no line silently.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import type { InvoiceCommand } from '@core/documents/commands'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { invoiceSchema } from '@core/documents/schemas'
import { blankInvoice, context, unwrap } from '@core/documents/test-support/fixtures'
import type { Invoice } from '@core/documents/types'
import { mergeDocuments } from './merge'
import { checkTransition } from './transition'
import { checkTotals } from './validate-document'

const base: Invoice = [
  { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '2' },
  { type: 'addLine', lineId: 'L2', productId: 'gadget', unitId: 'each', quantity: '1' },
  { type: 'addWriteIn', lineId: 'L3', productName: 'Labour', pricePerUnit: '50', quantity: '1' },
].reduce(
  (doc, cmd) =>
    unwrap(
      applyInvoiceCommand(
        doc,
        cmd as InvoiceCommand,
        context('rep', { at: '2025-03-01T10:00:00.000Z' }),
      ),
    ),
  blankInvoice(),
)

/** A payment of whatever the invoice totals when it is recorded: pays it in full. */
const ALL = 'all'
const settle = (doc: Invoice, cmd: InvoiceCommand): InvoiceCommand =>
  cmd.type === 'recordPayment' && cmd.payment.amount === ALL
    ? { ...cmd, payment: { ...cmd.payment, amount: doc.totals.totalAmount } }
    : cmd

const money = fc.constantFrom('0', '1', '9.99', '40', '250')
const qty = fc.constantFrom('1', '2.5', '10', '12')

function command(side: string): fc.Arbitrary<InvoiceCommand> {
  const lineId = fc.constantFrom('L1', 'L2', 'L3', `${side}1`, `${side}2`, 'S1')
  return fc.oneof(
    fc.record({
      type: fc.constant('editLine' as const),
      lineId,
      changes: fc.record(
        { quantity: qty, manualDiscount: money, tax: money },
        { requiredKeys: [] },
      ),
    }),
    fc.record({ type: fc.constant('removeLine' as const), lineId }),
    fc.record({
      type: fc.constant('addWriteIn' as const),
      lineId,
      productName: fc.constantFrom('Travel', 'Setup'),
      pricePerUnit: money,
      quantity: qty,
    }),
    fc.record({
      type: fc.constant('addLine' as const),
      lineId,
      productId: fc.constantFrom('widget', 'gadget'),
      unitId: fc.constant('each'),
      quantity: qty,
    }),
    fc.record({
      type: fc.constant('editHeader' as const),
      changes: fc.record(
        {
          name: fc.constantFrom('March', 'April'),
          discountPercent: fc.constantFrom('0', '5'),
          freightAmount: money,
        },
        { requiredKeys: [] },
      ),
    }),
    fc.constantFrom<InvoiceCommand>(
      { type: 'lockPricing' },
      { type: 'cancelInvoice' },
      { type: 'reactivate' },
      { type: 'setStatusReason', status: 'billed' },
      { type: 'setStatusReason', status: 'booked' },
    ),
    fc.constantFrom('1', '40', ALL, ALL).map((amount): InvoiceCommand => ({
      type: 'recordPayment',
      payment: { id: `P${side}`, date: '2025-03-02', amount, method: 'card' },
    })),
  )
}

/** A device's offline history: its commands, the refused ones skipped, at its own clock. */
function device(side: string, at: string) {
  return fc.array(command(side), { maxLength: 6 }).map((cmds) =>
    cmds.reduce((doc, cmd) => {
      const result = applyInvoiceCommand(doc, settle(doc, cmd), context('rep', { at }))
      return result.ok ? result.document : doc
    }, base),
  )
}

const clocks = fc.constantFrom(
  ['2025-03-02T10:00:00.000Z', '2025-03-02T11:00:00.000Z'],
  ['2025-03-02T11:00:00.000Z', '2025-03-02T10:00:00.000Z'],
  ['2025-03-02T10:00:00.000Z', '2025-03-02T10:00:00.000Z'],
)
const pair = clocks.chain(([a, b]) => fc.tuple(device('A', a), device('B', b)))

const visible = (doc: Invoice) => ({ ...doc, history: [] })
const ids = (doc: Invoice) => new Set(doc.lines.map((l) => l.id))

test('merge(base, x, x) is x', () => {
  fc.assert(
    fc.property(pair, ([x]) => {
      expect(mergeDocuments(base, x, x)).toEqual({ document: x, lost: [] })
    }),
  )
})

test('every device computes the same visible result', () => {
  fc.assert(
    fc.property(pair, ([local, remote]) => {
      const one = mergeDocuments(base, local, remote).document
      const two = mergeDocuments(base, remote, local).document
      expect(visible(one)).toEqual(visible(two))
      expect(mergeDocuments(base, local, remote)).toEqual(mergeDocuments(base, local, remote))
    }),
  )
})

test('the result is valid, priced, and accepted by the server after the master', () => {
  fc.assert(
    fc.property(pair, ([local, remote]) => {
      const { document } = mergeDocuments(base, local, remote)
      const parsed = invoiceSchema.safeParse(document)
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid')
      expect(checkTotals(document)).toBeUndefined()
      expect(checkTransition(remote, document, { userId: 'rep1', role: 'rep' })).toBeUndefined()
    }),
  )
})

test('no line is lost unless deleted on one side and untouched on the other, or recorded', () => {
  fc.assert(
    fc.property(pair, ([local, remote]) => {
      const { document, lost } = mergeDocuments(base, local, remote)
      const kept = ids(document)
      const recorded = new Set(lost.map((c) => /^lines\[([^\]]+)\]/.exec(c.field)?.[1]))
      for (const side of [local, remote]) {
        const other = side === local ? remote : local
        for (const line of side.lines) {
          if (kept.has(line.id) || recorded.has(line.id)) continue
          const original = base.lines.find((l) => l.id === line.id)
          expect(original).toEqual(line)
          expect(ids(other).has(line.id)).toBe(false)
        }
      }
    }),
  )
})

test('the generated histories do conflict (sanity)', () => {
  const samples = fc.sample(pair, { numRuns: 300, seed: 1 })
  const stats = { lost: 0, stateDiff: 0, paid: 0 }
  for (const [l, r] of samples) {
    if (mergeDocuments(base, l, r).lost.length > 0) stats.lost++
    if (l.state !== r.state) stats.stateDiff++
    if (l.state === 'paid' || r.state === 'paid') stats.paid++
  }
  expect(stats.lost).toBeGreaterThan(30)
  expect(stats.stateDiff).toBeGreaterThan(30)
  expect(stats.paid).toBeGreaterThan(30)
})
