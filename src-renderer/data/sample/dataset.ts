/**
 * A whole company as plain src-core records, from a seed: the sample company of Settings (default sizes) and
 * the large datasets of the benchmarks (up to 100,000 invoices). Pure: writes nothing (see load.ts).
 */
import {
  catalogFromRecords,
  type CompanySettings,
  type Customer,
  type DiscountList,
  type Invoice,
  type Opportunity,
  type Order,
  type LedgerEntry,
  type PriceList,
  type PriceListItem,
  type Product,
  type UnitGroup,
} from '@core/documents'
import { createNumberingState, type NumberingState } from '@core/numbering'
import {
  sampleDiscountLists,
  samplePriceListItems,
  samplePriceLists,
  sampleProducts,
  sampleSettings,
  sampleUnitGroups,
} from './catalog-data'
import { sampleCustomers } from './customers-data'
import { cloneDocument, clonePayments, compatibleCustomer, type CloneTarget } from './clone'
import {
  nextNumber,
  sampleInvoice,
  sampleOpportunity,
  sampleOrder,
  type DocumentWorld,
} from './documents-data'
import { createPrng } from './prng'

export interface DatasetSizes {
  customers: number
  products: number
  opportunities: number
  orders: number
  invoices: number
}

/** The sample company of Settings → Load sample company. */
export const SAMPLE_COMPANY_SIZES: DatasetSizes = {
  customers: 50,
  products: 200,
  opportunities: 20,
  orders: 100,
  invoices: 300,
}

export interface Dataset {
  settings: CompanySettings
  customers: Customer[]
  unitGroups: UnitGroup[]
  products: Product[]
  priceLists: PriceList[]
  discountLists: DiscountList[]
  priceListItems: PriceListItem[]
  opportunities: Opportunity[]
  orders: Order[]
  invoices: Invoice[]
  payments: LedgerEntry[]
  /** This device's numbering after the dataset's numbers, so the next new document never repeats one. */
  numbering: { invoice: NumberingState; order: NumberingState }
}

export interface DatasetOptions {
  /** Documents are dated within the year before this instant. Default 2025-06-30 (fixed, so seeds repeat). */
  asOf?: string
}

/** Orders and invoices built through the commands; any beyond these are clones of them (clone.ts). */
export const TEMPLATE_POOL = 500

function cloneTarget(world: DocumentWorld, template: Order | Invoice, i: number): CloneTarget {
  const kind = template.kind
  return {
    id: `${kind === 'order' ? 'ord' : 'inv'}-${i + 1}`,
    number: nextNumber(world, kind),
    name: `${kind === 'order' ? 'Order' : 'Invoice'} ${i + 1}`,
    customer: compatibleCustomer(world.prng, world.customers, template),
    shiftDays: -world.prng.int(0, 60),
  }
}

/**
 * Generates a company. The same seed, sizes and asOf give the same records, byte for byte.
 *
 * @example
 * const data = generateDataset(42, { ...SAMPLE_COMPANY_SIZES, invoices: 100_000 })
 * await insertDataset(db, data)
 */
export function generateDataset(
  seed: number,
  sizes: Partial<DatasetSizes> = {},
  options: DatasetOptions = {},
): Dataset {
  const size = { ...SAMPLE_COMPANY_SIZES, ...sizes }
  const prng = createPrng(seed)
  const asOf = Date.parse(options.asOf ?? '2025-06-30T12:00:00.000Z')
  const at = new Date(asOf - 400 * 86_400_000).toISOString()
  const settings = sampleSettings(at)
  const products = sampleProducts(prng, size.products, at)
  const priceLists = samplePriceLists(at)
  const discountLists = sampleDiscountLists(at)
  const priceListItems = samplePriceListItems(prng, products, at)
  const customers = sampleCustomers(prng, size.customers, at)
  const sellable = new Map(
    priceLists.map((list) => {
      const listed = new Set(
        priceListItems.filter((i) => i.priceListId === list.id).map((i) => i.productId),
      )
      return [list.id, products.filter((p) => !p.retired && listed.has(p.id))] as const
    }),
  )
  const world: DocumentWorld = {
    prng,
    settings,
    customers,
    products: sellable,
    catalog: catalogFromRecords({ products, priceListItems, discountLists }),
    numbering: {
      invoice: createNumberingState((n) => prng.bytes(n), 1),
      order: createNumberingState((n) => prng.bytes(n), 1),
    },
    asOf,
  }
  const opportunities = Array.from({ length: size.opportunities }, (_, i) =>
    sampleOpportunity(world, i),
  )
  const orders: Order[] = []
  for (let i = 0; i < size.orders; i++) {
    const template = i < TEMPLATE_POOL ? undefined : orders[prng.int(0, TEMPLATE_POOL - 1)]
    orders.push(
      template ? cloneDocument(template, cloneTarget(world, template, i)) : sampleOrder(world, i),
    )
  }
  const invoices: Invoice[] = []
  const payments: LedgerEntry[] = []
  const paymentsOf = new Map<string, LedgerEntry[]>()
  for (let i = 0; i < size.invoices; i++) {
    if (i < TEMPLATE_POOL) {
      const made = sampleInvoice(world, i, orders)
      invoices.push(made.invoice)
      payments.push(...made.payments)
      paymentsOf.set(made.invoice.id, made.payments)
      continue
    }
    const template = invoices[prng.int(0, TEMPLATE_POOL - 1)] as Invoice
    const target = cloneTarget(world, template, i)
    const clone = cloneDocument(template, target)
    invoices.push(clone)
    payments.push(...clonePayments(paymentsOf.get(template.id) ?? [], clone, target.shiftDays))
  }
  return {
    settings,
    customers,
    unitGroups: sampleUnitGroups(at),
    products,
    priceLists,
    discountLists,
    priceListItems,
    opportunities,
    orders,
    invoices,
    payments,
    numbering: world.numbering,
  }
}
