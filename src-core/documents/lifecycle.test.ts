import { describe, expect, test } from 'vitest'
import type { ContentCommand, InvoiceCommand, OrderCommand } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import {
  dynamicsCodes,
  INVOICE_RULES,
  INVOICE_STATUSES,
  ORDER_RULES,
  ORDER_STATUSES,
  statusFromDynamicsCodes,
} from './lifecycle'
import { applyOrderCommand } from './order-commands'
import {
  blankInvoice,
  blankOrder,
  context,
  opportunity,
  payment,
  unwrap,
} from './test-support/fixtures'
import type { Invoice, InvoiceStatus, Order, OrderStatus } from './types'

describe('Dynamics codes', () => {
  test.each([
    ['invoice', 'new', 0, 1],
    ['invoice', 'partiallyShipped', 0, 2],
    ['invoice', 'billed', 0, 4],
    ['invoice', 'booked', 0, 5],
    ['invoice', 'installed', 0, 6],
    ['invoice', 'complete', 2, 100001],
    ['invoice', 'partial', 2, 100002],
    ['invoice', 'canceled', 3, 100003],
    ['order', 'new', 0, 1],
    ['order', 'pending', 0, 2],
    ['order', 'inProgress', 1, 3],
    ['order', 'noMoney', 2, 4],
    ['order', 'complete', 3, 100001],
    ['order', 'partial', 3, 100002],
    ['order', 'invoiced', 4, 100003],
  ] as const)('%s %s is statecode %i, statuscode %i', (kind, status, statecode, statuscode) => {
    expect(dynamicsCodes(kind, status)).toEqual({ statecode, statuscode })
    expect(statusFromDynamicsCodes(kind, statecode, statuscode)).toBe(status)
  })

  test('unknown codes and statuses', () => {
    expect(statusFromDynamicsCodes('invoice', 1, 3)).toBeUndefined()
    expect(() => dynamicsCodes('order', 'nope' as OrderStatus)).toThrow(RangeError)
  })
})

/** The content commands, valid for orders and invoices alike. */
const contentCommands: ContentCommand[] = [
  { type: 'editHeader', changes: { name: 'Renamed' } },
  { type: 'addLine', lineId: 'L9', productId: 'gadget', unitId: 'each', quantity: '1' },
  { type: 'addWriteIn', lineId: 'L9', productName: 'Labour', pricePerUnit: '50', quantity: '1' },
  { type: 'editLine', lineId: 'L1', changes: { quantity: '3' } },
  { type: 'changePrice', lineId: 'L1', pricePerUnit: '9.50' },
  { type: 'removeLine', lineId: 'L1' },
  { type: 'lockPricing' },
  { type: 'useCurrentPricing' },
]

const invoiceCommands: InvoiceCommand[] = [
  ...contentCommands,
  { type: 'getProducts', opportunity: opportunity([]) },
  { type: 'setStatusReason', status: 'billed' },
  {
    type: 'recordPayment',
    payment: { id: 'P9', date: '2025-03-03', amount: '1.00', method: 'cash' },
  },
  { type: 'invoicePaid' },
  { type: 'cancelInvoice' },
  { type: 'reactivate' },
]

/** An invoice with one widget line (20.00) in each status reachable through the rules. */
function invoiceIn(status: InvoiceStatus): { invoice: Invoice; ctx: ReturnType<typeof context> } {
  const ctx = context()
  let invoice = unwrap(
    applyInvoiceCommand(
      blankInvoice(),
      { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '2' },
      ctx,
    ),
  )
  const state = INVOICE_STATUSES[status].state
  if (state === 'active' && status !== 'new')
    invoice = unwrap(
      applyInvoiceCommand(invoice, { type: 'setStatusReason', status: status as 'billed' }, ctx),
    )
  if (state === 'paid') {
    ctx.payments = [payment(invoice, 'P1', status === 'complete' ? '20.00' : '5.00')]
    invoice = unwrap(applyInvoiceCommand(invoice, { type: 'invoicePaid' }, ctx))
  }
  if (state === 'canceled')
    invoice = unwrap(applyInvoiceCommand(invoice, { type: 'cancelInvoice' }, ctx))
  expect(invoice.status).toBe(status)
  return { invoice, ctx }
}

describe('every invoice command in every status', () => {
  const statuses = Object.keys(INVOICE_STATUSES) as InvoiceStatus[]
  const cases = statuses.flatMap((status) =>
    invoiceCommands.map((cmd) => [status, cmd.type, cmd] as const),
  )
  test.each(cases)('%s: %s', (status, type, cmd) => {
    const { invoice, ctx } = invoiceIn(status)
    const result = applyInvoiceCommand(invoice, cmd, ctx)
    const state = INVOICE_STATUSES[status].state
    const allowed = INVOICE_RULES[state][type] !== undefined
    if (!allowed) {
      expect(result).toMatchObject({ ok: false })
      if (!result.ok && state !== 'active')
        expect(result.refusal.reason).toBe(
          `This invoice is ${state} and read-only. Reactivate it to make changes.`,
        )
      return
    }
    // Allowed by the lifecycle: accepted unless a business rule objects (e.g. a paid invoice's balance).
    if (result.ok) {
      expect(result.document.history.length).toBe(invoice.history.length + 1)
      expect(result.document.history.at(-1)).toMatchObject({ command: type, by: 'rep1' })
    } else {
      expect(['invalidTransition', 'noPaymentRecorded', 'hasPayments']).toContain(
        result.refusal.code,
      )
    }
  })

  test('reactivating an active invoice is refused', () => {
    const { invoice, ctx } = invoiceIn('new')
    expect(applyInvoiceCommand(invoice, { type: 'reactivate' }, ctx)).toEqual({
      ok: false,
      refusal: { code: 'invalidTransition', reason: 'This invoice is already active.' },
    })
  })

  test('an unknown command is refused, not thrown', () => {
    const { invoice, ctx } = invoiceIn('new')
    const result = applyInvoiceCommand(
      invoice,
      { type: 'explode' } as unknown as InvoiceCommand,
      ctx,
    )
    expect(result).toMatchObject({ ok: false, refusal: { code: 'invalidValue' } })
  })
})

const orderCommands: OrderCommand[] = [
  ...contentCommands,
  { type: 'setStatusReason', status: 'pending' },
  { type: 'submitOrder' },
  { type: 'fulfillOrder' },
  { type: 'cancelOrder' },
  { type: 'markInvoiced' },
]

function orderIn(status: OrderStatus): Order {
  const ctx = context('integration')
  let order = unwrap(
    applyOrderCommand(
      blankOrder(),
      { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each', quantity: '2' },
      ctx,
    ),
  )
  const steps: Record<OrderStatus, OrderCommand[]> = {
    new: [],
    pending: [{ type: 'setStatusReason', status: 'pending' }],
    inProgress: [{ type: 'submitOrder' }],
    noMoney: [{ type: 'cancelOrder' }],
    complete: [{ type: 'fulfillOrder' }],
    partial: [{ type: 'fulfillOrder', partial: true }],
    invoiced: [{ type: 'submitOrder' }, { type: 'markInvoiced' }],
  }
  for (const step of steps[status]) order = unwrap(applyOrderCommand(order, step, ctx))
  expect(order.status).toBe(status)
  return order
}

describe('every order command in every status, for a rep and for the integration', () => {
  const statuses = Object.keys(ORDER_STATUSES) as OrderStatus[]
  const cases = statuses.flatMap((status) =>
    orderCommands.flatMap((cmd) =>
      (['rep', 'integration'] as const).map((role) => [status, cmd.type, role, cmd] as const),
    ),
  )
  test.each(cases)('%s: %s by %s', (status, type, role, cmd) => {
    const order = orderIn(status)
    const result = applyOrderCommand(order, cmd, context(role))
    const permission = ORDER_RULES[ORDER_STATUSES[status].state][type]
    const allowed =
      permission === 'anyone' || (permission === 'integration' && role === 'integration')
    if (!allowed) {
      expect(result.ok).toBe(false)
      if (!result.ok && permission === 'integration')
        expect(result.refusal).toEqual({
          code: 'notPermitted',
          reason:
            'This order has been submitted and is read-only. Only the back office can change it now.',
        })
      return
    }
    if (result.ok) expect(result.document.history.at(-1)?.command).toBe(type)
    else expect(result.refusal.code).toBe('invalidTransition')
  })
})
