/**
 * The order rules: Active orders are edited by anyone; Submit hands the order to the back office, after which
 * only the integration role may change, fulfill, cancel or mark it invoiced.
 */
import {
  refuse,
  type CommandContext,
  type CommandResult,
  type OrderCommand,
  type Refused,
} from './commands'
import { applyContentCommand } from './content-commands'
import { changeState } from './history'
import { ACTIVE_ORDER_STATUSES, ORDER_RULES, ORDER_STATE_LABELS, permits } from './lifecycle'
import type { Order } from './types'

const TRANSITIONS: Readonly<Record<string, string>> = {
  submitOrder: 'submitted',
  fulfillOrder: 'fulfilled',
  cancelOrder: 'canceled',
  markInvoiced: 'marked invoiced',
  reactivate: 'reactivated',
}

function stateRefusal(order: Order, type: string): Refused {
  if (order.state === 'active') {
    if (type === 'markInvoiced')
      return refuse('invalidTransition', 'Submit or fulfill this order before marking it invoiced.')
    return refuse('invalidValue', `“${type}” is not something that can be done to an order.`)
  }
  const state = ORDER_STATE_LABELS[order.state].toLowerCase()
  const verb = TRANSITIONS[type]
  if (verb) return refuse('invalidTransition', `This order is ${state}, so it cannot be ${verb}.`)
  return refuse('readOnly', `This order is ${state} and read-only.`)
}

function run(order: Order, cmd: OrderCommand, ctx: CommandContext): CommandResult<Order> {
  switch (cmd.type) {
    case 'setStatusReason':
      if (!(ACTIVE_ORDER_STATUSES as readonly string[]).includes(cmd.status))
        return refuse('invalidValue', 'Choose New or Pending.')
      if (cmd.status === order.status)
        return refuse('invalidTransition', 'The order already has this status.')
      return changeState(order, { state: 'active', status: cmd.status }, cmd.type, ctx)
    case 'submitOrder':
      if (order.lines.length === 0)
        return refuse('invalidValue', 'Add at least one product before submitting the order.')
      return changeState(order, { state: 'submitted', status: 'inProgress' }, cmd.type, ctx)
    case 'fulfillOrder': {
      const status = cmd.partial === true ? 'partial' : 'complete'
      return changeState(order, { state: 'fulfilled', status }, cmd.type, ctx)
    }
    case 'cancelOrder':
      return changeState(order, { state: 'canceled', status: 'noMoney' }, cmd.type, ctx)
    case 'markInvoiced':
      return changeState(order, { state: 'invoiced', status: 'invoiced' }, cmd.type, ctx)
    default:
      return applyContentCommand(order, cmd, ctx)
  }
}

/**
 * Applies a command to an order.
 *
 * @param order - the order as stored
 * @param cmd - what the user (or the back office) asked for
 * @param ctx - who, when, the current catalog and an id source
 * @returns `{ ok: true, document }` or `{ ok: false, refusal }`
 * @example
 * applyOrderCommand(submittedOrder, { type: 'removeLine', lineId: 'L1' }, repCtx).ok // false: read-only
 */
export function applyOrderCommand(
  order: Order,
  cmd: OrderCommand,
  ctx: CommandContext,
): CommandResult<Order> {
  const permission = ORDER_RULES[order.state][cmd.type]
  if (permission === undefined) return stateRefusal(order, cmd.type)
  if (!permits(permission, ctx.actor.role))
    return refuse(
      'notPermitted',
      'This order has been submitted and is read-only. Only the back office can change it now.',
    )
  return run(order, cmd, ctx)
}
