/**
 * Invoice and order lifecycles as data: every state and status reason of Dynamics 365 with its numeric
 * statecode/statuscode (kept for export and import, never used in rules), and which command each state allows.
 */
import type { ActorRole, InvoiceState, InvoiceStatus, OrderState, OrderStatus } from './types'

export interface StatusInfo<S extends string> {
  state: S
  label: string
  /** Dynamics `statecode` of the state. */
  statecode: number
  /** Dynamics `statuscode` (status reason). */
  statuscode: number
}

/**
 * Dynamics' invoice status reasons. Its deprecated state Closed (1) with Canceled (3) and Paid in Full (7) is not
 * offered: Dynamics itself no longer sets it, and export never needs it.
 */
export const INVOICE_STATUSES: Readonly<Record<InvoiceStatus, StatusInfo<InvoiceState>>> = {
  new: { state: 'active', label: 'New', statecode: 0, statuscode: 1 },
  partiallyShipped: { state: 'active', label: 'Partially Shipped', statecode: 0, statuscode: 2 },
  billed: { state: 'active', label: 'Billed', statecode: 0, statuscode: 4 },
  booked: { state: 'active', label: 'Booked (applies to services)', statecode: 0, statuscode: 5 },
  installed: {
    state: 'active',
    label: 'Installed (applies to services)',
    statecode: 0,
    statuscode: 6,
  },
  complete: { state: 'paid', label: 'Complete', statecode: 2, statuscode: 100001 },
  partial: { state: 'paid', label: 'Partial', statecode: 2, statuscode: 100002 },
  canceled: { state: 'canceled', label: 'Canceled', statecode: 3, statuscode: 100003 },
}

export const INVOICE_STATE_LABELS: Readonly<Record<InvoiceState, string>> = {
  active: 'Active',
  paid: 'Paid',
  canceled: 'Canceled',
}

/** Dynamics' sales order status reasons. */
export const ORDER_STATUSES: Readonly<Record<OrderStatus, StatusInfo<OrderState>>> = {
  new: { state: 'active', label: 'New', statecode: 0, statuscode: 1 },
  pending: { state: 'active', label: 'Pending', statecode: 0, statuscode: 2 },
  inProgress: { state: 'submitted', label: 'In Progress', statecode: 1, statuscode: 3 },
  noMoney: { state: 'canceled', label: 'No Money', statecode: 2, statuscode: 4 },
  complete: { state: 'fulfilled', label: 'Complete', statecode: 3, statuscode: 100001 },
  partial: { state: 'fulfilled', label: 'Partial', statecode: 3, statuscode: 100002 },
  invoiced: { state: 'invoiced', label: 'Invoiced', statecode: 4, statuscode: 100003 },
}

export const ORDER_STATE_LABELS: Readonly<Record<OrderState, string>> = {
  active: 'Active',
  submitted: 'Submitted',
  canceled: 'Canceled',
  fulfilled: 'Fulfilled',
  invoiced: 'Invoiced',
}

/** The status reasons a user may pick while a document stays in its Active state. */
export const ACTIVE_INVOICE_STATUSES = [
  'new',
  'partiallyShipped',
  'billed',
  'booked',
  'installed',
] as const satisfies readonly InvoiceStatus[]
export const ACTIVE_ORDER_STATUSES = ['new', 'pending'] as const satisfies readonly OrderStatus[]

/**
 * The Dynamics codes of a document's status, for export.
 *
 * @example
 * dynamicsCodes('invoice', 'partial') // { statecode: 2, statuscode: 100002 }
 */
export function dynamicsCodes(
  kind: 'invoice' | 'order',
  status: InvoiceStatus | OrderStatus,
): { statecode: number; statuscode: number } {
  const table: Readonly<Record<string, StatusInfo<string>>> =
    kind === 'invoice' ? INVOICE_STATUSES : ORDER_STATUSES
  const info = table[status]
  if (!info) throw new RangeError(`Unknown ${kind} status ${status}`)
  return { statecode: info.statecode, statuscode: info.statuscode }
}

/** The status reason for a pair of Dynamics codes (import), or undefined when Dynamics has no such pair here. */
export function statusFromDynamicsCodes<K extends 'invoice' | 'order'>(
  kind: K,
  statecode: number,
  statuscode: number,
): (K extends 'invoice' ? InvoiceStatus : OrderStatus) | undefined {
  const table: Readonly<Record<string, StatusInfo<string>>> =
    kind === 'invoice' ? INVOICE_STATUSES : ORDER_STATUSES
  const found = Object.entries(table).find(
    ([, info]) => info.statecode === statecode && info.statuscode === statuscode,
  )
  return found?.[0] as (K extends 'invoice' ? InvoiceStatus : OrderStatus) | undefined
}

/** Who may run a command in a state: anyone, or only the back-office integration. */
export type Permission = 'anyone' | 'integration'

/** Commands that change what an order or invoice contains (as opposed to its state). */
export const CONTENT_COMMANDS = [
  'editHeader',
  'addLine',
  'addWriteIn',
  'editLine',
  'changePrice',
  'removeLine',
  'restoreLine',
  'lockPricing',
  'useCurrentPricing',
] as const
export type ContentCommandType = (typeof CONTENT_COMMANDS)[number]

export type InvoiceCommandType =
  | ContentCommandType
  | 'getProducts'
  | 'setStatusReason'
  | 'recordPayment'
  | 'voidPayment'
  | 'recordRefund'
  | 'invoicePaid'
  | 'cancelInvoice'
  | 'reactivate'
  | 'recordEmailStatus'

export type OrderCommandType =
  | ContentCommandType
  | 'setStatusReason'
  | 'submitOrder'
  | 'fulfillOrder'
  | 'cancelOrder'
  | 'markInvoiced'

function allow<T extends string>(
  types: readonly T[],
  who: Permission,
): Partial<Record<T, Permission>> {
  return Object.fromEntries(types.map((t) => [t, who])) as Partial<Record<T, Permission>>
}

/**
 * Paid and canceled invoices are read-only until reactivated, but for their payments ledger. Recording the email's status is allowed in every
 * state: it reports what happened to a mail, it does not change what the invoice says.
 */
export const INVOICE_RULES: Readonly<
  Record<InvoiceState, Partial<Record<InvoiceCommandType, Permission>>>
> = {
  active: allow(
    [
      ...CONTENT_COMMANDS,
      'getProducts',
      'setStatusReason',
      'recordPayment',
      'voidPayment',
      'recordRefund',
      'invoicePaid',
      'cancelInvoice',
      'recordEmailStatus',
    ],
    'anyone',
  ),
  // A paid invoice's ledger can still be corrected (a void) or money given back (a refund).
  paid: {
    reactivate: 'anyone',
    recordEmailStatus: 'anyone',
    voidPayment: 'anyone',
    recordRefund: 'anyone',
  },
  canceled: { reactivate: 'anyone', recordEmailStatus: 'anyone' },
}

/**
 * Only active orders are edited by reps. A submitted order belongs to the back office: only the integration role
 * may change, fulfill, cancel or mark it invoiced. Fulfilled orders may still be marked invoiced once billed.
 */
export const ORDER_RULES: Readonly<
  Record<OrderState, Partial<Record<OrderCommandType, Permission>>>
> = {
  active: allow(
    [...CONTENT_COMMANDS, 'setStatusReason', 'submitOrder', 'fulfillOrder', 'cancelOrder'],
    'anyone',
  ),
  submitted: allow(
    [...CONTENT_COMMANDS, 'fulfillOrder', 'cancelOrder', 'markInvoiced'],
    'integration',
  ),
  fulfilled: { markInvoiced: 'anyone' },
  canceled: {},
  invoiced: {},
}

/** Whether `role` passes `permission`. */
export function permits(permission: Permission | undefined, role: ActorRole): boolean {
  if (permission === undefined) return false
  return permission === 'anyone' || role === 'integration'
}

/** Orders from which an invoice may be created (Dynamics offers Create Invoice on these). */
export const INVOICEABLE_ORDER_STATES: readonly OrderState[] = ['active', 'submitted', 'fulfilled']
