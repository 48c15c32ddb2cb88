/**
 * Whether a pushed order or invoice may follow the one the server holds: the lifecycle table (lifecycle.ts) read
 * as a graph of states. A push is the result of any number of offline commands (and, after a conflict, of a
 * merge), so the server cannot replay them one by one; it asks instead whether the actor could have gone from the
 * stored state to the pushed one with commands it is permitted to run, editing content only where the lifecycle
 * allows it. This keeps the rule the lifecycle states (a rep never changes a submitted order; a paid invoice
 * changes only after Reactivate) without trusting the client's history entries.
 */
import { diffDocuments } from '@core/documents/history'
import { INVOICE_RULES, ORDER_RULES, permits, type Permission } from '@core/documents/lifecycle'
import type { Actor, Invoice, Order } from '@core/documents/types'
import { jsonEqual } from './json'

/** The documents with a lifecycle. */
export type LifecycleDocument = Invoice | Order

/** Why a transition is refused; `reason` is a sentence a rep can read. */
export interface TransitionRefusal {
  code: 'illegalTransition' | 'notPermitted' | 'immutableField' | 'historyRewritten'
  reason: string
}

type Rules = Readonly<Record<string, Partial<Record<string, Permission>>>>

/** The states a command may lead to (besides staying where it is, for content commands). */
const TARGETS: Readonly<Record<string, readonly string[]>> = {
  invoicePaid: ['paid'],
  recordPayment: ['active', 'paid'],
  voidPayment: ['active', 'paid'],
  recordRefund: ['active', 'paid'],
  cancelInvoice: ['canceled'],
  reactivate: ['active'],
  setStatusReason: ['active'],
  submitOrder: ['submitted'],
  fulfillOrder: ['fulfilled'],
  cancelOrder: ['canceled'],
  markInvoiced: ['invoiced'],
}

/** Fields fixed at creation: changing one would make the push a different document. */
const IMMUTABLE = ['kind', 'number', 'createdAt', 'createdBy'] as const

/** Fields a state change may alter without being a content edit. */
const LIFECYCLE_FIELDS = new Set(['state', 'status'])

function rulesOf(doc: LifecycleDocument): Rules {
  return doc.kind === 'invoice' ? INVOICE_RULES : ORDER_RULES
}

/** Every (from → to) step the actor may take in one command, as an adjacency list. */
function steps(rules: Rules, role: Actor['role']): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const [state, commands] of Object.entries(rules)) {
    const next = new Set<string>()
    for (const [command, permission] of Object.entries(commands)) {
      if (!permits(permission, role)) continue
      for (const target of TARGETS[command] ?? [state]) next.add(target)
    }
    graph.set(state, next)
  }
  return graph
}

/** States reachable from `from` in one or more steps. */
function reachable(graph: Map<string, Set<string>>, from: string): Set<string> {
  const seen = new Set<string>()
  const queue = [...(graph.get(from) ?? [])]
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    if (seen.has(state)) continue
    seen.add(state)
    queue.push(...(graph.get(state) ?? []))
  }
  return seen
}

function canEditIn(rules: Rules, state: string, role: Actor['role']): boolean {
  return permits(rules[state]?.editLine, role)
}

const label = (doc: LifecycleDocument): string => doc.kind

function historyExtends(prev: LifecycleDocument, next: LifecycleDocument): boolean {
  if (next.history.length < prev.history.length) return false
  return prev.history.every((entry, i) => jsonEqual(entry, next.history[i]))
}

function fixedFieldChange(
  prev: LifecycleDocument,
  next: LifecycleDocument,
): TransitionRefusal | undefined {
  for (const field of IMMUTABLE) {
    if (prev[field] !== next[field])
      return {
        code: 'immutableField',
        reason: `The ${label(prev)}'s ${field} cannot change once it is created.`,
      }
  }
  if (!historyExtends(prev, next))
    return {
      code: 'historyRewritten',
      reason: `The ${label(prev)}'s history can only grow; an entry was changed or removed.`,
    }
  return undefined
}

/**
 * Checks a pushed order or invoice against the one stored.
 *
 * @param prev - the stored master state, or undefined for a new document (which starts Active)
 * @param next - the pushed state; `deleted` when the push deletes it
 * @param actor - who pushes
 * @returns undefined when the change is legal, else a refusal naming the rule
 * @example
 * checkTransition(submittedOrder, { ...submittedOrder, name: 'x' }, { userId: 'rep1', role: 'rep' })
 * // { code: 'notPermitted', reason: 'This order is submitted: only the back office can change it.' }
 */
export function checkTransition(
  prev: LifecycleDocument | undefined,
  next: LifecycleDocument,
  actor: Actor,
  deleted = false,
): TransitionRefusal | undefined {
  if (prev && prev.kind !== next.kind)
    return { code: 'immutableField', reason: 'A document cannot change its kind.' }
  const fixed = prev && fixedFieldChange(prev, next)
  if (fixed) return fixed
  const rules = rulesOf(next)
  const graph = steps(rules, actor.role)
  const from = prev?.state ?? 'active'
  const after = reachable(graph, from)
  const states = new Set([from, ...after])
  const refuse = (code: TransitionRefusal['code'], reason: string) => ({ code, reason })
  const noun = label(next)
  if (!states.has(next.state)) {
    const backOffice =
      actor.role !== 'integration' && reachable(steps(rules, 'integration'), from).has(next.state)
    return backOffice
      ? refuse('notPermitted', `This ${noun} is ${from}: only the back office can change it.`)
      : refuse('illegalTransition', `A ${from} ${noun} cannot become ${next.state}.`)
  }
  if (!prev) return undefined
  // A different status in the same state needs a way out and back (or a Set Status Reason in Active).
  if (prev.state === next.state && prev.status !== next.status && !after.has(next.state))
    return refuse('illegalTransition', `This ${noun} is ${from}; its status cannot change.`)
  const edited = deleted || diffDocuments(prev, next).some((c) => !LIFECYCLE_FIELDS.has(c.field))
  if (!edited) return undefined
  // Content may change if some state on a path from `prev` to `next` allows editing for this actor.
  const editable = [...states].some(
    (s) =>
      canEditIn(rules, s, actor.role) && (s === next.state || reachable(graph, s).has(next.state)),
  )
  if (editable) return undefined
  if ([...states].some((s) => canEditIn(rules, s, 'integration')))
    return refuse('notPermitted', `This ${noun} is ${from}: only the back office can change it.`)
  return refuse(
    'illegalTransition',
    `This ${noun} is ${from} and read-only${noun === 'invoice' ? ': reactivate it to make changes' : ''}.`,
  )
}
