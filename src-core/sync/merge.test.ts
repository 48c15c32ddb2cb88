import { describe, expect, test } from 'vitest'
import type { InvoiceCommand } from '@core/documents/commands'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { applyOrderCommand } from '@core/documents/order-commands'
import { customerRecordSchema } from '@core/documents/record-schemas'
import { invoiceSchema } from '@core/documents/schemas'
import {
  blankInvoice,
  blankOrder,
  context,
  customer,
  unwrap,
} from '@core/documents/test-support/fixtures'
import type { Invoice, Order } from '@core/documents/types'
import { mergeDocuments } from './merge'
import { checkTransition } from './transition'
import { checkTotals } from './validate-document'

const T1 = '2025-03-02T10:00:00.000Z'
const T2 = '2025-03-02T11:00:00.000Z'

function run(doc: Invoice, at: string, ...cmds: InvoiceCommand[]): Invoice {
  return cmds.reduce((d, cmd) => unwrap(applyInvoiceCommand(d, cmd, context('rep', { at }))), doc)
}

const base = run(
  blankInvoice(),
  '2025-03-01T10:00:00.000Z',
  { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '2' },
  { type: 'addLine', lineId: 'L2', productId: 'gadget', unitId: 'each', quantity: '1' },
  { type: 'addWriteIn', lineId: 'L3', productName: 'Labour', pricePerUnit: '50', quantity: '1' },
)

const lineIds = (doc: Invoice) => doc.lines.map((l) => l.id)
const conflictOf = (doc: Invoice) => doc.history.filter((e) => e.command === 'conflict')

describe('mergeDocuments on invoices', () => {
  test('edits of different fields and lines are all kept, totals recomputed', () => {
    const local = run(base, T1, {
      type: 'editLine',
      lineId: 'L1',
      changes: { quantity: '12' },
    })
    const remote = run(
      base,
      T2,
      { type: 'editHeader', changes: { freightAmount: '7.50' } },
      {
        type: 'addWriteIn',
        lineId: 'R1',
        productName: 'Travel',
        pricePerUnit: '20',
        quantity: '1',
      },
    )
    const { document, lost } = mergeDocuments(base, local, remote)
    expect(lost).toEqual([])
    expect(document.lines.find((l) => l.id === 'L1')?.quantity).toBe('12')
    expect(document.freightAmount).toBe('7.50')
    expect(lineIds(document)).toEqual(['L1', 'L2', 'L3', 'R1'])
    expect(checkTotals(document)).toBeUndefined()
    expect(invoiceSchema.safeParse(document).ok).toBe(true)
    // The server's check: the result extends the master's history and is a legal change for a rep.
    expect(checkTransition(remote, document, { userId: 'rep1', role: 'rep' })).toBeUndefined()
    expect(document.history.slice(0, remote.history.length)).toEqual(remote.history)
  })

  test('the same field changed on both sides: the later edit wins, the other is recorded', () => {
    const local = run(base, T1, { type: 'editLine', lineId: 'L1', changes: { quantity: '5' } })
    const remote = run(base, T2, { type: 'editLine', lineId: 'L1', changes: { quantity: '7' } })
    const { document, lost } = mergeDocuments(base, local, remote)
    expect(document.lines[0]?.quantity).toBe('7')
    expect(lost).toEqual([{ field: 'lines[L1].quantity', from: '5', to: '7' }])
    expect(conflictOf(document)).toEqual([
      { at: T2, by: 'rep1', role: 'rep', command: 'conflict', changes: lost },
    ])
    // Whichever device merges, the visible result is the same.
    const other = mergeDocuments(base, remote, local).document
    expect({ ...other, history: [] }).toEqual({ ...document, history: [] })
  })

  test('a line deleted on one side and edited on the other is kept, the deletion recorded', () => {
    const local = run(base, T1, { type: 'removeLine', lineId: 'L2' })
    const remote = run(base, T2, { type: 'editLine', lineId: 'L2', changes: { tax: '1.00' } })
    const { document, lost } = mergeDocuments(base, local, remote)
    expect(lineIds(document)).toEqual(['L1', 'L2', 'L3'])
    expect(lost).toEqual([{ field: 'lines[L2]', from: null, to: 'Gadget' }])
    const untouched = run(base, T2, { type: 'editHeader', changes: { name: 'April' } })
    expect(lineIds(mergeDocuments(base, local, untouched).document)).toEqual(['L1', 'L3'])
  })

  test('a paid invoice is not reopened by a stale edit: the edit is dropped and recorded', () => {
    const paid = run(base, T1, {
      type: 'recordPayment',
      payment: { id: 'P1', date: '2025-03-02', amount: base.totals.totalAmount, method: 'cash' },
    })
    expect(paid.state).toBe('paid')
    const edited = run(
      base,
      T2,
      { type: 'editLine', lineId: 'L3', changes: { quantity: '3' } },
      { type: 'addWriteIn', lineId: 'X1', productName: 'Extra', pricePerUnit: '9', quantity: '1' },
    )
    for (const [local, remote] of [
      [edited, paid],
      [paid, edited],
    ] as const) {
      const { document, lost } = mergeDocuments(base, local, remote)
      expect(document.state).toBe('paid')
      expect(document.lines).toEqual(paid.lines)
      expect(document.totals).toEqual(paid.totals)
      expect(lost).toContainEqual({ field: 'lines[L3].quantity', from: '3', to: '1' })
      expect(lost).toContainEqual({
        field: 'lines[X1]',
        from: expect.stringContaining('"productName":"Extra"') as string,
        to: null,
      })
      expect(checkTransition(remote, document, { userId: 'rep1', role: 'rep' })).toBeUndefined()
    }
  })

  test('an email status recorded on one side survives the other side paying the invoice', () => {
    const paid = run(base, T1, {
      type: 'recordPayment',
      payment: { id: 'P1', date: '2025-03-02', amount: base.totals.totalAmount, method: 'cash' },
    })
    const email = { state: 'sent', to: 'ana@example.com', at: T2, messageId: 'M1' } as const
    const mailed = run(base, T2, { type: 'recordEmailStatus', email })
    for (const [local, remote] of [
      [mailed, paid],
      [paid, mailed],
    ] as const) {
      const { document, lost } = mergeDocuments(base, local, remote)
      expect(document.state).toBe('paid')
      expect(document.email).toEqual(email)
      expect(lost.map((c) => c.field)).not.toContain('email')
      expect(document.history.map((h) => h.command)).toContain('recordEmailStatus')
      expect(checkTransition(remote, document, { userId: 'rep1', role: 'rep' })).toBeUndefined()
    }
    const failed = {
      ...email,
      state: 'failed',
      reason: 'mailbox full',
      at: T1,
      messageId: 'M2',
    } as const
    const older = run(base, T1, { type: 'recordEmailStatus', email: failed })
    expect(mergeDocuments(base, older, mailed).document.email).toEqual(email)
    expect(mergeDocuments(base, mailed, older).document.email).toEqual(email)
  })

  test('a state changed on one side only stands, with the other side’s edits', () => {
    const canceled = run(base, T1, { type: 'cancelInvoice' })
    const reactivated = run(
      canceled,
      T2,
      { type: 'reactivate' },
      {
        type: 'editHeader',
        changes: { name: 'Reopened' },
      },
    )
    const renamedElsewhere = run(canceled, T1, { type: 'reactivate' })
    const { document } = mergeDocuments(canceled, reactivated, canceled)
    expect(document.state).toBe('active')
    expect(document.name).toBe('Reopened')
    const both = mergeDocuments(canceled, reactivated, renamedElsewhere).document
    expect(both.state).toBe('active')
  })

  test('both changed the state: the state further along wins', () => {
    const local = run(base, T2, { type: 'cancelInvoice' })
    const remote = run(base, T1, {
      type: 'recordPayment',
      payment: { id: 'P1', date: '2025-03-02', amount: base.totals.totalAmount, method: 'cash' },
    })
    const { document, lost } = mergeDocuments(base, local, remote)
    expect(document.state).toBe('paid')
    expect(lost).toContainEqual({ field: 'state', from: 'canceled', to: 'paid' })
  })

  test('without an ancestor, every difference is decided by the tie-break', () => {
    const local = run(base, T1, { type: 'editHeader', changes: { name: 'Mine' } })
    const remote = run(base, T1, { type: 'editHeader', changes: { name: 'Theirs' } })
    const one = mergeDocuments(undefined, local, remote)
    const two = mergeDocuments(undefined, remote, local)
    expect(one.document.name).toBe(two.document.name)
    expect(one.lost).toHaveLength(1)
  })

  test('a side that cannot be priced (corrupt) gives way to the other, recorded', () => {
    const corrupt = {
      ...base,
      updatedAt: T1,
      lines: base.lines.map((l) => (l.id === 'L3' ? { ...l, manualDiscount: '-1.00' } : l)),
    }
    const remote = run(base, T2, { type: 'editHeader', changes: { name: 'Fine' } })
    const { document, lost } = mergeDocuments(base, corrupt, remote)
    expect(document.name).toBe('Fine')
    expect(document.lines).toEqual(remote.lines)
    expect(checkTotals(document)).toBeUndefined()
    expect(lost).toEqual([{ field: 'lines[L3].manualDiscount', from: '-1.00', to: '0.00' }])
  })
})

describe('mergeDocuments on orders and records without history', () => {
  test('a submitted order keeps its content; a rep’s stale edit is recorded', () => {
    const order = unwrap(
      applyOrderCommand(
        blankOrder(),
        {
          type: 'addWriteIn',
          lineId: 'W',
          productName: 'Labour',
          pricePerUnit: '5',
          quantity: '1',
        },
        context(),
      ),
    )
    const at = (t: string) => context('rep', { at: t })
    const submitted: Order = unwrap(applyOrderCommand(order, { type: 'submitOrder' }, at(T1)))
    const edited: Order = unwrap(
      applyOrderCommand(order, { type: 'editHeader', changes: { name: 'Late' } }, at(T2)),
    )
    const { document, lost } = mergeDocuments(order, edited, submitted)
    expect(document.state).toBe('submitted')
    expect(document.name).toBe(order.name)
    expect(lost).toContainEqual({ field: 'name', from: 'Late', to: order.name })
  })

  test('customers merge by field and their contacts by id; losing values are returned', () => {
    const local = {
      ...customer,
      updatedAt: T1,
      phone: '111',
      contacts: [...customer.contacts, { id: 'K2', firstName: 'Bo', lastName: 'Ek' }],
    }
    const remote = { ...customer, updatedAt: T2, phone: '222', email: 'a@b.c' }
    const { document, lost } = mergeDocuments(customer, local, remote)
    expect(document).toMatchObject({ phone: '222', email: 'a@b.c', updatedAt: T2 })
    expect(document.contacts.map((k) => k.id)).toEqual(['K1', 'K2'])
    expect(lost).toEqual([{ field: 'phone', from: '111', to: '222' }])
    expect(customerRecordSchema.safeParse(document).ok).toBe(true)
  })
})
