/**
 * The German sample company (Settings › Load sample company › Germany): its records from germany-data.ts and
 * its invoices built through the src-core commands a rep would use, in VAT mode, in every state. Pure: no DOM,
 * no database, so a Node test can price, export and validate every invoice.
 */
import {
  applyInvoiceCommand,
  applyOrderCommand,
  balanceDue,
  catalogFromRecords,
  createInvoice,
  createOrder,
  vatCategoryOf,
  type Actor,
  type CommandContext,
  type CommandResult,
  type Invoice,
  type InvoiceCommand,
  type LedgerEntry,
  type Order,
  type VatCategorySetting,
} from '../../../../src-core/documents'
import { createNumberingState, nextDocumentNumber } from '../../../../src-core/numbering'
import { decimal, divide, formatDecimal, mul, parseDecimal } from '../../../../src-core/money'
import { SAMPLE_REP } from '../customers-data'
import type { Dataset } from '../dataset'
import { createPrng } from '../prng'
import {
  GERMAN_INVOICES,
  germanCustomers,
  germanPriceListItems,
  germanPriceLists,
  germanProducts,
  germanSettings,
  germanUnitGroups,
  type InvoicePlan,
} from './germany-data'

const REP: Actor = { userId: SAMPLE_REP, role: 'rep' }
const DAY = 86_400_000

function unwrap<D>(result: CommandResult<D>, what: string): D {
  if (!result.ok) throw new Error(`German sample ${what} refused: ${result.refusal.reason}`)
  return result.document
}

const vatOf = (c: VatCategorySetting | undefined) => {
  if (!c) throw new Error('German sample: a VAT category is missing')
  return { category: c.category, rate: c.rate }
}

/** Half of an amount at the currency's precision (a partial payment). */
function half(invoice: Invoice): string {
  const { currencyPrecision: places, rounding } = invoice.pricing
  const total = parseDecimal(invoice.totals.totalAmount)
  return formatDecimal(divide(mul(total, decimal(1n, 0)), decimal(2n, 0), places, rounding), places)
}

/** Builds the German company. The same `asOf` gives the same records. */
export function generateGermanDataset(options: { asOf?: string; seed?: number } = {}): Dataset {
  const asOf = Date.parse(options.asOf ?? '2025-06-30T12:00:00.000Z')
  const prng = createPrng(options.seed ?? 49)
  const at = new Date(asOf - 400 * DAY).toISOString()
  const settings = germanSettings(at)
  const categories = settings.vatCategories ?? []
  const customers = germanCustomers(at)
  const products = germanProducts(at)
  const priceListItems = germanPriceListItems(at)
  const catalog = catalogFromRecords({ products, priceListItems, discountLists: [] })
  const numbering = {
    invoice: createNumberingState((n) => prng.bytes(n), 1),
    order: createNumberingState((n) => prng.bytes(n), 1),
  }
  const nextNumber = (kind: 'invoice' | 'order') => {
    const next = nextDocumentNumber(settings.numbering[kind], numbering[kind])
    numbering[kind] = next.state
    return next.number
  }

  function clock(daysAgo: number) {
    let t = asOf - daysAgo * DAY + 9 * 3_600_000
    return {
      ctx(): CommandContext {
        t += 7 * 60_000
        let n = 0
        const stamp = new Date(t).toISOString()
        return { actor: REP, at: stamp, catalog, newId: () => `${stamp}-${++n}` }
      },
      date: (offset = 0) => new Date(t + offset * DAY).toISOString().slice(0, 10),
    }
  }

  /** The lines, discounts and freight of a plan as commands (the same for an order and an invoice). */
  function contentCommands(plan: InvoicePlan, id: string): Array<InvoiceCommand> {
    const cmds: InvoiceCommand[] = plan.lines.map((l, k) => {
      const product = products.find((p) => p.id === l.productId)
      if (!product) throw new Error(`German sample: no product ${l.productId}`)
      const category = vatCategoryOf(categories, l.vatCategoryId ?? product.vatCategoryId)
      return {
        type: 'addLine',
        lineId: `${id}-L${k + 1}`,
        productId: product.id,
        unitId: product.defaultUnitId,
        quantity: l.quantity,
        vat: vatOf(category),
      }
    })
    const changes: Record<string, unknown> = {}
    if (plan.discountPercent) changes.discountPercent = plan.discountPercent
    if (plan.discountAmount) changes.discountAmount = plan.discountAmount
    if (plan.freightAmount) {
      changes.freightAmount = plan.freightAmount
      changes.freightVat = vatOf(vatCategoryOf(categories, plan.freightVatCategoryId ?? 's-19'))
    }
    if (Object.keys(changes).length > 0) cmds.push({ type: 'editHeader', changes })
    return cmds
  }

  const invoices: Invoice[] = []
  const payments: LedgerEntry[] = []
  GERMAN_INVOICES.forEach((plan, i) => {
    const time = clock(plan.daysAgo)
    const id = `de-inv-${i + 1}`
    const customer = customers.find((c) => c.id === plan.customerId)
    if (!customer) throw new Error(`German sample: no customer ${plan.customerId}`)
    const input = {
      id,
      number: nextNumber('invoice'),
      name: `Rechnung ${i + 1}`,
      customer,
      settings,
      dueDate: time.date(14),
    }
    let invoice = unwrap(createInvoice(input, time.ctx()), 'invoice')
    const own: LedgerEntry[] = []
    const run = (cmd: InvoiceCommand) => {
      const result = applyInvoiceCommand(invoice, cmd, { ...time.ctx(), payments: own })
      invoice = unwrap(result, cmd.type)
      if (result.ok && result.payment) own.push(result.payment)
    }
    for (const cmd of contentCommands(plan, id)) run(cmd)
    // The day the goods left: an intra-community supply's e-invoice must carry it (BR-IC-11).
    run({ type: 'editHeader', changes: { dateDelivered: time.date(-2) } })
    const pay = (amount: string) =>
      run({
        type: 'recordPayment',
        payment: {
          id: `${id}-P${own.length + 1}`,
          date: time.date(7),
          amount,
          method: 'bankTransfer',
        },
      })
    if (plan.fate === 'billed') run({ type: 'setStatusReason', status: 'billed' })
    if (plan.fate === 'partlyPaid') pay(half(invoice))
    if (plan.fate === 'paid') pay(balanceDue(invoice, own))
    if (plan.fate === 'paidPartially') {
      pay(half(invoice))
      run({ type: 'invoicePaid' })
    }
    if (plan.fate === 'canceled') run({ type: 'cancelInvoice' })
    invoices.push(invoice)
    payments.push(...own)
  })

  // Two open orders, so Create Invoice from an order can be tried in VAT mode too.
  const orders: Order[] = [GERMAN_INVOICES[0], GERMAN_INVOICES[4]].map((plan, i) => {
    if (!plan) throw new Error('German sample: an order plan is missing')
    const time = clock(3 + i)
    const id = `de-ord-${i + 1}`
    const customer = customers.find((c) => c.id === plan.customerId)!
    const input = { id, number: nextNumber('order'), name: `Auftrag ${i + 1}`, customer, settings }
    let order = unwrap(createOrder(input, time.ctx()), 'order')
    for (const cmd of contentCommands(plan, id))
      order = unwrap(applyOrderCommand(order, cmd as never, time.ctx()), cmd.type)
    return order
  })

  return {
    settings,
    customers,
    unitGroups: germanUnitGroups(at),
    products,
    priceLists: germanPriceLists(at),
    discountLists: [],
    priceListItems,
    opportunities: [],
    orders,
    invoices,
    payments,
    numbering,
  }
}
