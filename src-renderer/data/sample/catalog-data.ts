/**
 * The sample company's settings and catalog: unit groups, products, two price lists in two currencies and their
 * items, and discount lists. Plain src-core records, deterministic for a seed.
 */
import type {
  CompanySettings,
  DiscountList,
  PriceList,
  PriceListItem,
  Product,
  UnitGroup,
} from '@core/documents'
import { PRODUCT_ADJECTIVES, PRODUCT_NOUNS, SERVICE_LEVELS } from './names'
import type { Prng } from './prng'

export const USD_LIST = 'pl-retail-usd'
export const EUR_LIST = 'pl-europe-eur'

export function sampleSettings(at: string): CompanySettings {
  return {
    id: 'company',
    updatedAt: at,
    profile: {
      name: 'Cascade Field Supply',
      address: {
        line1: '400 Industrial Way',
        city: 'Portland',
        postalCode: '97210',
        country: 'US',
      },
      email: 'billing@cascade.example',
      phone: '+1 503 555 0100',
      taxId: 'US-93-0000000',
    },
    baseCurrencyCode: 'USD',
    currencies: [
      { code: 'USD', name: 'US Dollar', symbol: '$', exchangeRate: '1', precision: 2 },
      { code: 'EUR', name: 'Euro', symbol: '€', exchangeRate: '0.92', precision: 2 },
    ],
    pricingPrecision: 2,
    discountMethod: 'lineItem',
    rounding: 'halfEven',
    numbering: {
      invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
      order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
    },
  }
}

/** [group name, primary unit, bigger unit, how many primary units it holds] */
const GROUPS = [
  ['Each and box', 'Each', 'Box of 12', '12'],
  ['Each and case', 'Each', 'Case of 24', '24'],
  ['Meter and roll', 'Meter', 'Roll of 50 m', '50'],
  ['Kilogram and sack', 'Kilogram', 'Sack of 25 kg', '25'],
  ['Hour and day', 'Hour', 'Day (8 h)', '8'],
] as const

export function sampleUnitGroups(at: string): UnitGroup[] {
  return GROUPS.map(([name, primary, bigger, quantity], g) => ({
    id: `ug-${g + 1}`,
    updatedAt: at,
    name,
    primaryUnitId: `u-${g + 1}-1`,
    units: [
      { id: `u-${g + 1}-1`, name: primary, quantity: '1' },
      { id: `u-${g + 1}-2`, name: bigger, quantity, baseUnitId: `u-${g + 1}-1` },
    ],
  }))
}

export function sampleProducts(prng: Prng, count: number, at: string): Product[] {
  return Array.from({ length: count }, (_, i): Product => {
    const g = (i % GROUPS.length) + 1
    const listPrice = prng.money(2, 400, 2)
    const noun = PRODUCT_NOUNS[i % PRODUCT_NOUNS.length] ?? 'Part'
    const words = g === GROUPS.length ? SERVICE_LEVELS : PRODUCT_ADJECTIVES
    const adjective = words[Math.floor(i / PRODUCT_NOUNS.length) % 10] ?? ''
    return {
      id: `prod-${i + 1}`,
      updatedAt: at,
      productNumber: `P-${String(i + 1).padStart(5, '0')}`,
      name: `${adjective} ${noun} ${Math.floor(i / 200) + 1}`.replace(/ 1$/, ''),
      unitGroupId: `ug-${g}`,
      defaultUnitId: `u-${g}-1`,
      listPrice,
      standardCost: prng.money(1, 200, 2),
      currentCost: prng.money(1, 200, 2),
      // A few retired products: they stay on old documents but cannot be added to new lines.
      retired: i % 50 === 49,
    }
  })
}

export function samplePriceLists(at: string): PriceList[] {
  return [
    { id: USD_LIST, updatedAt: at, name: 'Retail (USD)', currencyCode: 'USD' },
    { id: EUR_LIST, updatedAt: at, name: 'Europe (EUR)', currencyCode: 'EUR' },
  ]
}

export function sampleDiscountLists(at: string): DiscountList[] {
  return [
    {
      id: 'dl-volume',
      updatedAt: at,
      name: 'Volume (percent)',
      type: 'percentage',
      bands: [
        { from: '10', to: '49', value: '5' },
        { from: '50', to: '999999', value: '10' },
      ],
    },
    {
      id: 'dl-bulk',
      updatedAt: at,
      name: 'Bulk (amount off per unit)',
      type: 'amount',
      bands: [{ from: '20', to: '999999', value: '0.50' }],
    },
  ]
}

/**
 * Every product in both price lists in its primary unit, and in its bigger unit for about half of them; US
 * prices are mostly fixed amounts with some percent-of-list, European ones fixed amounts in euros.
 */
export function samplePriceListItems(prng: Prng, products: Product[], at: string): PriceListItem[] {
  const items: PriceListItem[] = []
  for (const p of products) {
    const bigger = p.defaultUnitId.replace(/-1$/, '-2')
    const group = GROUPS[Number(p.unitGroupId.slice(3)) - 1]
    const perBig = group ? Number(group[3]) : 12
    const base = Number(p.listPrice)
    for (const list of [USD_LIST, EUR_LIST]) {
      const eur = list === EUR_LIST
      const item: PriceListItem = {
        id: `pli-${list}-${p.id}`,
        updatedAt: at,
        priceListId: list,
        productId: p.id,
        unitId: p.defaultUnitId,
        pricingMethod: 'currencyAmount',
        amount: eur ? prng.money(base * 0.85, base * 0.95 + 1, 2) : (p.listPrice ?? '1.00'),
      }
      if (!eur && prng.chance(0.2)) {
        item.pricingMethod = 'percentOfList'
        item.percentage = String(prng.int(85, 100))
        delete item.amount
      }
      if (prng.chance(0.3)) item.discountListId = prng.chance(0.7) ? 'dl-volume' : 'dl-bulk'
      items.push(item)
      if (prng.chance(0.5))
        items.push({
          id: `pli-${list}-${p.id}-big`,
          updatedAt: at,
          priceListId: list,
          productId: p.id,
          unitId: bigger,
          pricingMethod: 'currencyAmount',
          amount: prng.money(base * perBig * 0.8, base * perBig * 0.9 + 1, 2),
        })
    }
  }
  return items
}
