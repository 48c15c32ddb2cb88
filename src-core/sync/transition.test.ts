import { describe, expect, test } from 'vitest'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { applyOrderCommand } from '@core/documents/order-commands'
import { blankInvoice, blankOrder, context, unwrap } from '@core/documents/test-support/fixtures'
import type { Actor, Invoice, Order } from '@core/documents/types'
import { checkTransition } from './transition'

const rep: Actor = { userId: 'rep1', role: 'rep' }
const integration: Actor = { userId: 'erp', role: 'integration' }

const withLine = (invoice: Invoice): Invoice =>
  unwrap(
    applyInvoiceCommand(
      invoice,
      {
        type: 'addWriteIn',
        lineId: 'W1',
        productName: 'Labour',
        pricePerUnit: '50',
        quantity: '2',
      },
      context(),
    ),
  )
const paid = (invoice: Invoice): Invoice =>
  unwrap(
    applyInvoiceCommand(
      invoice,
      {
        type: 'recordPayment',
        payment: {
          id: 'P1',
          date: '2025-03-02',
          amount: invoice.totals.totalAmount,
          method: 'cash',
        },
      },
      context(),
    ),
  )
const submitted = (order: Order): Order => {
  const ctx = context()
  const cmd = {
    type: 'addWriteIn',
    lineId: 'W1',
    productName: 'Labour',
    pricePerUnit: '5',
    quantity: '1',
  } as const
  const filled = unwrap(applyOrderCommand(order, cmd, ctx))
  return unwrap(applyOrderCommand(filled, { type: 'submitOrder' }, ctx))
}

describe('checkTransition on invoices', () => {
  const active = withLine(blankInvoice())
  const paidInvoice = paid(active)

  test('content edits and state commands a rep may run are accepted', () => {
    expect(checkTransition(undefined, active, rep)).toBeUndefined()
    expect(checkTransition(blankInvoice(), active, rep)).toBeUndefined()
    expect(paidInvoice.state).toBe('paid')
    expect(checkTransition(active, paidInvoice, rep)).toBeUndefined()
    expect(checkTransition(undefined, paidInvoice, rep)).toBeUndefined()
  })

  test('a paid invoice changes content only by a path through Active (Reactivate)', () => {
    const edited = { ...paidInvoice, name: 'Renamed' }
    // A rep may reactivate, edit and mark paid again offline: one push, legal.
    expect(checkTransition(paidInvoice, edited, rep)).toBeUndefined()
    const reactivated = unwrap(applyInvoiceCommand(paidInvoice, { type: 'reactivate' }, context()))
    expect(checkTransition(paidInvoice, reactivated, rep)).toBeUndefined()
    expect(checkTransition(paidInvoice, { ...paidInvoice, status: 'partial' }, rep)).toBeUndefined()
  })

  test('fields fixed at creation and the history are protected', () => {
    expect(checkTransition(active, { ...active, number: 'INV-2' }, rep)?.code).toBe(
      'immutableField',
    )
    expect(checkTransition(active, { ...active, history: [] }, rep)?.code).toBe('historyRewritten')
    const order = blankOrder() as unknown as Invoice
    expect(checkTransition(active, order, rep)?.code).toBe('immutableField')
  })
})

describe('checkTransition on orders', () => {
  const order = blankOrder()
  const inProgress = submitted(order)

  test('a rep may submit an active order but not change a submitted one', () => {
    expect(checkTransition(order, inProgress, rep)).toBeUndefined()
    expect(checkTransition(inProgress, { ...inProgress, name: 'Changed' }, rep)).toEqual({
      code: 'notPermitted',
      reason: 'This order is submitted: only the back office can change it.',
    })
    expect(checkTransition(inProgress, inProgress, rep, true)?.code).toBe('notPermitted')
    const back = { ...inProgress, state: 'active' as const, status: 'new' as const }
    expect(checkTransition(inProgress, back, rep)?.code).toBe('illegalTransition')
    const fulfilled = { ...inProgress, state: 'fulfilled' as const, status: 'complete' as const }
    expect(checkTransition(inProgress, fulfilled, rep)?.code).toBe('notPermitted')
  })

  test('the integration role may change and close a submitted order', () => {
    expect(checkTransition(inProgress, { ...inProgress, name: 'Changed' }, integration)).toBe(
      undefined,
    )
    const fulfilled = { ...inProgress, state: 'fulfilled' as const, status: 'complete' as const }
    expect(checkTransition(inProgress, fulfilled, integration)).toBeUndefined()
  })

  test('closed orders stay closed, and their status stays', () => {
    const canceled = { ...order, state: 'canceled' as const, status: 'noMoney' as const }
    expect(checkTransition(canceled, { ...canceled, name: 'x' }, integration)?.code).toBe(
      'illegalTransition',
    )
    expect(checkTransition(canceled, { ...order }, integration)?.code).toBe('illegalTransition')
    const fulfilled = { ...order, state: 'fulfilled' as const, status: 'complete' as const }
    const partial = { ...fulfilled, status: 'partial' as const }
    expect(checkTransition(fulfilled, partial, integration)?.code).toBe('illegalTransition')
    const invoiced = { ...fulfilled, state: 'invoiced' as const, status: 'invoiced' as const }
    expect(checkTransition(fulfilled, invoiced, rep)).toBeUndefined()
  })
})
