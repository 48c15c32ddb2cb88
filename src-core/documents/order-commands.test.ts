import { expect, test } from 'vitest'
import type { OrderCommand } from './commands'
import { applyOrderCommand } from './order-commands'
import { blankOrder, context, unwrap } from './test-support/fixtures'
import type { Order } from './types'

const addWidget: OrderCommand = {
  type: 'addLine',
  lineId: 'L1',
  productId: 'widget',
  unitId: 'each',
  quantity: '1',
}

function run(order: Order, role: 'rep' | 'integration', ...cmds: OrderCommand[]): Order {
  return cmds.reduce((doc, cmd) => unwrap(applyOrderCommand(doc, cmd, context(role))), order)
}

test('an empty order cannot be submitted', () => {
  expect(applyOrderCommand(blankOrder(), { type: 'submitOrder' }, context())).toMatchObject({
    refusal: { reason: 'Add at least one product before submitting the order.' },
  })
})

test('a submitted order is read-only for a rep but the back office may still change it', () => {
  const submitted = run(blankOrder(), 'rep', addWidget, { type: 'submitOrder' })
  expect([submitted.state, submitted.status]).toEqual(['submitted', 'inProgress'])
  expect(
    applyOrderCommand(
      submitted,
      { type: 'editLine', lineId: 'L1', changes: { quantity: '2' } },
      context(),
    ).ok,
  ).toBe(false)
  const changed = run(submitted, 'integration', {
    type: 'editLine',
    lineId: 'L1',
    changes: { quantity: '2' },
  })
  expect(changed.totals.totalAmount).toBe('20.00')
  expect(changed.history.at(-1)).toMatchObject({ by: 'integration1', role: 'integration' })
  const partial = run(changed, 'integration', { type: 'fulfillOrder', partial: true })
  expect([partial.state, partial.status]).toEqual(['fulfilled', 'partial'])
  expect(run(partial, 'rep', { type: 'markInvoiced' }).status).toBe('invoiced')
})

test.each<[OrderCommand[], OrderCommand, string]>([
  [[], { type: 'markInvoiced' }, 'Submit or fulfill this order before marking it invoiced.'],
  [
    [],
    { type: 'reactivate' } as never,
    '“reactivate” is not something that can be done to an order.',
  ],
  [
    [{ type: 'cancelOrder' }],
    { type: 'editHeader', changes: { name: 'x' } },
    'This order is canceled and read-only.',
  ],
  [
    [{ type: 'cancelOrder' }],
    { type: 'submitOrder' },
    'This order is canceled, so it cannot be submitted.',
  ],
  [
    [{ type: 'fulfillOrder' }],
    { type: 'cancelOrder' },
    'This order is fulfilled, so it cannot be canceled.',
  ],
  [
    [{ type: 'fulfillOrder' }, { type: 'markInvoiced' }],
    { type: 'fulfillOrder' },
    'This order is invoiced, so it cannot be fulfilled.',
  ],
  [
    [{ type: 'setStatusReason', status: 'pending' }],
    { type: 'setStatusReason', status: 'pending' },
    'The order already has this status.',
  ],
  [[], { type: 'setStatusReason', status: 'inProgress' as never }, 'Choose New or Pending.'],
  [[], { type: 'lockPricing' }, 'Prices are already locked on this order.'],
])('after %o, %o is refused: %s', (steps, cmd, reason) => {
  let order = run(blankOrder(), 'integration', addWidget, ...steps)
  if (cmd.type === 'lockPricing') order = run(order, 'rep', cmd)
  const result = applyOrderCommand(order, cmd, context('integration'))
  expect(result.ok ? undefined : result.refusal.reason).toBe(reason)
})

test('orders lock and unlock pricing like invoices', () => {
  const order = run(
    blankOrder(),
    'rep',
    addWidget,
    { type: 'lockPricing' },
    { type: 'useCurrentPricing' },
  )
  expect(order.pricesLocked).toBe(false)
  expect(order.history.map((h) => h.command)).toEqual([
    'createOrder',
    'addLine',
    'lockPricing',
    'useCurrentPricing',
  ])
})
