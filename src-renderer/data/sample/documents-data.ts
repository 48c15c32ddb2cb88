/**
 * Sample opportunities, orders, invoices and payments, each built through the src-core commands a rep would
 * use (create, add lines, submit, create invoice from order, record payment, mark paid, cancel), so every
 * document satisfies the rules, is priced by priceDocument and carries a real history.
 */
import {
  applyInvoiceCommand,
  applyOrderCommand,
  balanceDue,
  createInvoice,
  createInvoiceFromOrder,
  createOrder,
  type Actor,
  type Catalog,
  type CommandContext,
  type CommandResult,
  type CompanySettings,
  type Customer,
  type Invoice,
  type InvoiceCommand,
  type Opportunity,
  type Order,
  type OrderCommand,
  type LedgerEntry,
  type Product,
} from '@core/documents'
import { decimal, divide, formatDecimal, mul, parseDecimal } from '@core/money'
import { nextDocumentNumber, type NumberingState } from '@core/numbering'
import { SAMPLE_REP } from './customers-data'
import type { Prng } from './prng'

const REP: Actor = { userId: SAMPLE_REP, role: 'rep' }
const BACK_OFFICE: Actor = { userId: 'erp', role: 'integration' }
const DAY = 86_400_000

export interface DocumentWorld {
  prng: Prng
  settings: CompanySettings
  customers: readonly Customer[]
  /** Products that may go on new lines (not retired), per price list. */
  products: ReadonlyMap<string, readonly Product[]>
  catalog: Catalog
  numbering: { invoice: NumberingState; order: NumberingState }
  /** Documents are dated within the year before this instant (ms). */
  asOf: number
}

function unwrap<D>(result: CommandResult<D>, what: string): D {
  if (!result.ok) throw new Error(`Sample ${what} refused: ${result.refusal.reason}`)
  return result.document
}

/** A clock for one document: starts `daysAgo` before asOf, and each command happens a little later. */
function clock(world: DocumentWorld, daysAgo: number) {
  let t = world.asOf - daysAgo * DAY + world.prng.int(8, 17) * 3_600_000
  return {
    ctx(actor: Actor = REP): CommandContext {
      t += world.prng.int(1, 120) * 60_000
      let line = 0
      const at = new Date(t).toISOString()
      return { actor, at, catalog: world.catalog, newId: () => `${at}-${++line}` }
    },
    date: (offsetDays = 0) => new Date(t + offsetDays * DAY).toISOString().slice(0, 10),
  }
}

export function nextNumber(world: DocumentWorld, kind: 'invoice' | 'order'): string {
  const next = nextDocumentNumber(world.settings.numbering[kind], world.numbering[kind])
  world.numbering[kind] = next.state
  return next.number
}

function addLines<D extends Order | Invoice>(
  world: DocumentWorld,
  doc: D,
  id: string,
  apply: (d: D, cmd: OrderCommand & InvoiceCommand) => CommandResult<D>,
): D {
  const { prng } = world
  const products = world.products.get(doc.priceListId) ?? []
  let out = doc
  const count = prng.int(1, 6)
  for (let k = 1; k <= count; k++) {
    const lineId = `${id}-L${k}`
    const quantity = String(prng.chance(0.15) ? prng.int(10, 80) : prng.int(1, 9))
    const cmd: OrderCommand & InvoiceCommand = prng.chance(0.05)
      ? {
          type: 'addWriteIn',
          lineId,
          productName: 'On-site service',
          pricePerUnit: '85.00',
          quantity,
        }
      : { type: 'addLine', lineId, productId: prng.pick(products).id, unitId: '', quantity }
    if (cmd.type === 'addLine') {
      const product = products.find((p) => p.id === cmd.productId)
      cmd.unitId = product?.defaultUnitId ?? ''
      if (prng.chance(0.1)) cmd.manualDiscount = '5.00'
    }
    out = unwrap(apply(out, cmd), 'line')
  }
  if (prng.chance(0.3)) {
    const changes = {
      discountPercent: String(prng.int(1, 10)),
      freightAmount: prng.money(0, 40, 2),
    }
    out = unwrap(apply(out, { type: 'editHeader', changes }), 'header')
  }
  return out
}

export function sampleOrder(world: DocumentWorld, i: number): Order {
  const { prng } = world
  const customer = prng.pick(world.customers)
  const time = clock(world, prng.int(1, 365))
  const id = `ord-${i + 1}`
  const input = { id, number: nextNumber(world, 'order'), name: `Order ${i + 1}`, customer }
  let order = unwrap(createOrder({ ...input, settings: world.settings }, time.ctx()), 'order')
  order = addLines(world, order, id, (d, cmd) => applyOrderCommand(d, cmd, time.ctx()))
  const run = (cmd: OrderCommand, actor = REP) =>
    (order = unwrap(applyOrderCommand(order, cmd, time.ctx(actor)), cmd.type))
  // A customer asks for delivery three weeks out (no draw from the generator: the rest of the data stays as it is).
  run({ type: 'editHeader', changes: { requestedDeliveryDate: time.date(21) } })
  const r = prng.next()
  if (r < 0.45) {
    if (prng.chance(0.4)) run({ type: 'setStatusReason', status: 'pending' })
  } else if (r < 0.9) {
    run({ type: 'submitOrder' })
    if (r >= 0.65) run({ type: 'fulfillOrder', partial: prng.chance(0.2) }, BACK_OFFICE)
    if (r >= 0.8) run({ type: 'markInvoiced' }, BACK_OFFICE)
  } else run({ type: 'cancelOrder' })
  return order
}

/** An opportunity: a priced draft of lines for a customer (built as an unsaved order, then re-labelled). */
export function sampleOpportunity(world: DocumentWorld, i: number): Opportunity {
  const { prng } = world
  const customer = prng.pick(world.customers)
  const time = clock(world, prng.int(1, 120))
  const id = `opp-${i + 1}`
  const input = { id, number: 'draft', name: `Opportunity ${i + 1}`, customer }
  let draft = unwrap(createOrder({ ...input, settings: world.settings }, time.ctx()), 'draft')
  draft = addLines(world, draft, id, (d, cmd) => applyOrderCommand(d, cmd, time.ctx()))
  const { customerId, ownerId, priceListId, currencyCode, exchangeRate, pricing } = draft
  const { lines, totals, baseTotals, updatedAt, name } = draft
  return {
    kind: 'opportunity',
    id,
    updatedAt,
    name,
    customerId,
    ownerId,
    priceListId,
    currencyCode,
    exchangeRate,
    pricing,
    lines,
    totals,
    baseTotals,
  }
}

function part(invoice: Invoice, tenths: number): string {
  const { currencyPrecision: places, rounding } = invoice.pricing
  const total = parseDecimal(invoice.totals.totalAmount)
  return formatDecimal(
    divide(mul(total, decimal(BigInt(tenths), 0)), decimal(10n, 0), places, rounding),
    places,
  )
}

/**
 * An invoice in one of every state: active (each status reason, some part-paid), paid in full, paid partially,
 * canceled. About a third are created from an invoiceable order, as Dynamics does (locked prices).
 */
export function sampleInvoice(
  world: DocumentWorld,
  i: number,
  orders: readonly Order[],
): { invoice: Invoice; payments: LedgerEntry[] } {
  const { prng } = world
  const time = clock(world, prng.int(0, 365))
  const id = `inv-${i + 1}`
  const target = { id, number: nextNumber(world, 'invoice'), dueDate: time.date(30) }
  const source = prng.chance(0.33) ? orders[prng.int(0, Math.max(0, orders.length - 1))] : undefined
  let invoice: Invoice
  if (source && (source.state === 'submitted' || source.state === 'fulfilled')) {
    invoice = unwrap(createInvoiceFromOrder(source, target, time.ctx()), 'invoice from order')
  } else {
    const customer = prng.pick(world.customers)
    const input = { ...target, name: `Invoice ${i + 1}`, customer, settings: world.settings }
    invoice = unwrap(createInvoice(input, time.ctx()), 'invoice')
    invoice = addLines(world, invoice, id, (d, cmd) =>
      applyInvoiceCommand(d, cmd, { ...time.ctx(), payments: [] }),
    )
  }
  const payments: LedgerEntry[] = []
  const run = (cmd: InvoiceCommand) => {
    const result = applyInvoiceCommand(invoice, cmd, { ...time.ctx(), payments })
    invoice = unwrap(result, cmd.type)
    if (result.ok && result.payment) payments.push(result.payment)
  }
  const pay = (amount: string) =>
    run({
      type: 'recordPayment',
      payment: {
        id: `${id}-P${payments.length + 1}`,
        date: time.date(prng.int(1, 40)),
        amount,
        method: prng.pick(['check', 'bankTransfer', 'card', 'cash'] as const),
      },
    })
  const r = prng.next()
  if (r < 0.4) {
    const status = prng.pick(['new', 'partiallyShipped', 'billed', 'booked', 'installed'] as const)
    if (status !== 'new') run({ type: 'setStatusReason', status })
    if (prng.chance(0.3)) pay(part(invoice, prng.int(2, 6)))
  } else if (r < 0.75) {
    pay(balanceDue(invoice, payments))
  } else if (r < 0.88) {
    pay(part(invoice, prng.int(3, 8)))
    run({ type: 'invoicePaid' })
  } else run({ type: 'cancelInvoice' })
  return { invoice, payments }
}
