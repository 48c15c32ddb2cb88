/**
 * Small, fixed test data for the document rules: one company, one customer, a catalog with a volume discount,
 * and helpers that build documents through the real rules (so fixtures never drift from what rules produce).
 */
import { catalogFromRecords, type Catalog } from '../catalog'
import type { CommandContext, InvoiceContext } from '../commands'
import { createInvoice, createOrder } from '../create-invoice'
import type {
  ActorRole,
  CompanySettings,
  Customer,
  DiscountList,
  Invoice,
  Opportunity,
  Order,
  Payment,
  PriceListItem,
  Product,
} from '../types'

export const AT = '2025-03-01T09:00:00.000Z'

export const settings: CompanySettings = {
  id: 'company',
  updatedAt: AT,
  profile: { name: 'Acme', address: { line1: '1 Main St', city: 'Springfield' } },
  baseCurrencyCode: 'USD',
  currencies: [
    { code: 'USD', name: 'US Dollar', symbol: '$', exchangeRate: '1', precision: 2 },
    { code: 'EUR', name: 'Euro', symbol: '€', exchangeRate: '0.9', precision: 2 },
  ],
  pricingPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
  numbering: {
    invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
    order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
  },
}

export const customer: Customer = {
  id: 'C1',
  updatedAt: AT,
  name: 'Contoso',
  ownerId: 'rep1',
  contacts: [{ id: 'K1', firstName: 'Ann', lastName: 'Lee' }],
  billTo: { line1: '2 Bill St', city: 'Billings' },
  shipTo: { line1: '3 Ship Rd', city: 'Portland' },
  priceListId: 'retail',
  currencyCode: 'USD',
}

function product(id: string, name: string, extra: Partial<Product> = {}): Product {
  return {
    id,
    updatedAt: AT,
    productNumber: id.toUpperCase(),
    name,
    unitGroupId: 'UG',
    defaultUnitId: 'each',
    retired: false,
    ...extra,
  }
}

export const products: Product[] = [
  product('widget', 'Widget'),
  product('gadget', 'Gadget', { listPrice: '40.00' }),
  product('old', 'Old thing', { retired: true }),
]

export const volume: DiscountList = {
  id: 'vol',
  updatedAt: AT,
  name: 'Volume',
  type: 'percentage',
  bands: [{ from: '10', to: '99', value: '10' }],
}

function item(
  id: string,
  productId: string,
  unitId: string,
  extra: Partial<PriceListItem>,
): PriceListItem {
  return {
    id,
    updatedAt: AT,
    priceListId: 'retail',
    productId,
    unitId,
    pricingMethod: 'currencyAmount',
    ...extra,
  }
}

export const priceListItems: PriceListItem[] = [
  item('i1', 'widget', 'each', { amount: '10.00', discountListId: 'vol' }),
  item('i2', 'widget', 'box', { amount: '110.00' }),
  item('i3', 'gadget', 'each', { pricingMethod: 'percentOfList', percentage: '50' }),
  item('i4', 'old', 'each', { amount: '1.00' }),
]

export const catalog: Catalog = catalogFromRecords({
  products,
  priceListItems,
  discountLists: [volume],
})

/** The same catalog a week later: the widget costs 12.00. */
export const newCatalog: Catalog = catalogFromRecords({
  products,
  priceListItems: priceListItems.map((i) => (i.id === 'i1' ? { ...i, amount: '12.00' } : i)),
  discountLists: [volume],
})

export function context(
  role: ActorRole = 'rep',
  extra: Partial<InvoiceContext> = {},
): InvoiceContext {
  let next = 0
  return {
    actor: { userId: role === 'rep' ? 'rep1' : `${role}1`, role },
    at: AT,
    catalog,
    newId: () => `N${++next}`,
    payments: [],
    ...extra,
  }
}

function unwrap<D>(
  result: { ok: true; document: D } | { ok: false; refusal: { reason: string } },
): D {
  if (!result.ok) throw new Error(result.refusal.reason)
  return result.document
}

export function blankInvoice(ctx: CommandContext = context()): Invoice {
  return unwrap(
    createInvoice({ id: 'I1', number: 'INV-00001-ABCDEF', name: 'March', customer, settings }, ctx),
  )
}

export function blankOrder(ctx: CommandContext = context()): Order {
  return unwrap(
    createOrder(
      { id: 'O1', number: 'ORD-00001-ABCDEF', name: 'Spring order', customer, settings },
      ctx,
    ),
  )
}

export function payment(invoice: Invoice, id: string, amount: string): Payment {
  return {
    id,
    kind: 'payment',
    updatedAt: AT,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    date: '2025-03-02',
    amount,
    currencyCode: invoice.currencyCode,
    method: 'cash',
    recordedAt: AT,
    recordedBy: 'rep1',
  }
}

export function opportunity(lines: Opportunity['lines']): Opportunity {
  const invoice = blankInvoice()
  return {
    kind: 'opportunity',
    id: 'OP1',
    updatedAt: AT,
    name: 'Big deal',
    customerId: customer.id,
    ownerId: 'rep1',
    priceListId: 'retail',
    currencyCode: 'USD',
    exchangeRate: '1',
    pricing: invoice.pricing,
    lines,
    totals: invoice.totals,
    baseTotals: invoice.baseTotals,
  }
}

export { unwrap }
