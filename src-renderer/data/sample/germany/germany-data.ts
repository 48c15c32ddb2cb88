/**
 * The German sample company as plain data: a Hamburg tool wholesaler in VAT mode with its VAT ID, bank
 * account and electronic address; products at 19 % and 7 % and an exempt training; buyers in Germany, Austria,
 * France and Switzerland with their VAT IDs, a subcontractor billed under reverse charge, and a public buyer
 * with its Leitweg-ID. Every invoice the builder makes from it (germany-dataset.ts) is listed here as a plan.
 */
import {
  defaultVatCategories,
  type CompanySettings,
  type Customer,
  type PriceList,
  type PriceListItem,
  type Product,
  type UnitGroup,
} from '../../../../src-core/documents'
import { SAMPLE_REP } from '../customers-data'

export const DE_PRICE_LIST = 'pl-de-eur'

export function germanSettings(at: string): CompanySettings {
  return {
    id: 'company',
    updatedAt: at,
    profile: {
      name: 'Nordlicht Werkzeuge',
      legalName: 'Nordlicht Werkzeuge GmbH',
      address: {
        line1: 'Hafenstraße 12',
        city: 'Hamburg',
        postalCode: '20457',
        country: 'Deutschland',
        countryCode: 'DE',
      },
      email: 'rechnung@nordlicht.example',
      phone: '+49 40 555 0100',
      taxId: '27/123/45678',
      vatId: 'DE123456789',
      electronicAddress: { scheme: 'EM', value: 'rechnung@nordlicht.example' },
      bankAccount: {
        iban: 'DE89370400440532013000',
        bic: 'COBADEFFXXX',
        accountName: 'Nordlicht Werkzeuge GmbH',
      },
    },
    baseCurrencyCode: 'EUR',
    currencies: [{ code: 'EUR', name: 'Euro', symbol: '€', exchangeRate: '1', precision: 2 }],
    pricingPrecision: 2,
    discountMethod: 'lineItem',
    rounding: 'halfUp',
    numbering: {
      invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
      order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
    },
    taxMode: 'vat',
    vatCategories: defaultVatCategories('DE').map((c) =>
      c.category === 'E'
        ? { ...c, exemptionReason: 'Steuerfrei nach § 4 Nr. 21 UStG (berufliche Bildung)' }
        : c.category === 'AE'
          ? { ...c, exemptionReason: 'Steuerschuldnerschaft des Leistungsempfängers (§ 13b UStG)' }
          : c.category === 'K'
            ? {
                ...c,
                exemptionReason: 'Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b UStG)',
              }
            : c.category === 'G'
              ? { ...c, exemptionReason: 'Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a UStG)' }
              : c,
    ),
  }
}

export function germanUnitGroups(at: string): UnitGroup[] {
  return [
    {
      id: 'de-ug-piece',
      updatedAt: at,
      name: 'Stück und Karton',
      primaryUnitId: 'de-u-piece',
      units: [
        { id: 'de-u-piece', name: 'Stück', quantity: '1' },
        { id: 'de-u-carton', name: 'Karton (10 Stück)', quantity: '10', baseUnitId: 'de-u-piece' },
      ],
    },
    {
      id: 'de-ug-hour',
      updatedAt: at,
      name: 'Stunde und Tag',
      primaryUnitId: 'de-u-hour',
      units: [
        { id: 'de-u-hour', name: 'Stunde', quantity: '1' },
        { id: 'de-u-day', name: 'Tag (8 Stunden)', quantity: '8', baseUnitId: 'de-u-hour' },
      ],
    },
  ]
}

/** [id, number, name, unit group, price in EUR, VAT category id] */
const PRODUCTS = [
  ['de-p-drill', 'NW-1001', 'Akku-Bohrschrauber 18 V', 'piece', '189.00', 's-19'],
  ['de-p-bits', 'NW-1002', 'Bit-Satz 32-teilig', 'piece', '24.90', 's-19'],
  ['de-p-saw', 'NW-1003', 'Handkreissäge 1400 W', 'piece', '249.00', 's-19'],
  ['de-p-gloves', 'NW-1004', 'Arbeitshandschuhe (Paar)', 'piece', '6.45', 's-19'],
  ['de-p-helmet', 'NW-1005', 'Schutzhelm', 'piece', '19.80', 's-19'],
  ['de-p-manual', 'NW-2001', 'Fachbuch Holzbau', 'piece', '39.90', 's-7'],
  ['de-p-norms', 'NW-2002', 'Tabellenbuch Metall', 'piece', '32.50', 's-7'],
  ['de-p-coffee', 'NW-2003', 'Kaffee für die Baustelle (1 kg)', 'piece', '14.99', 's-7'],
  ['de-p-install', 'NW-3001', 'Montage vor Ort', 'hour', '68.00', 's-19'],
  ['de-p-repair', 'NW-3002', 'Reparatur und Wartung', 'hour', '72.50', 's-19'],
  ['de-p-training', 'NW-4001', 'Schulung Arbeitssicherheit', 'hour', '95.00', 'e-0'],
] as const

export function germanProducts(at: string): Product[] {
  return PRODUCTS.map(([id, productNumber, name, group, listPrice, vatCategoryId]) => ({
    id,
    updatedAt: at,
    productNumber,
    name,
    unitGroupId: `de-ug-${group}`,
    defaultUnitId: `de-u-${group}`,
    listPrice,
    retired: false,
    vatCategoryId,
  }))
}

export function germanPriceLists(at: string): PriceList[] {
  return [{ id: DE_PRICE_LIST, updatedAt: at, name: 'Preisliste (EUR)', currencyCode: 'EUR' }]
}

export function germanPriceListItems(at: string): PriceListItem[] {
  return PRODUCTS.map(([id, , , group, amount]) => ({
    id: `pli-de-${id}`,
    updatedAt: at,
    priceListId: DE_PRICE_LIST,
    productId: id,
    unitId: `de-u-${group}`,
    pricingMethod: 'currencyAmount' as const,
    amount,
  }))
}

interface Buyer {
  id: string
  name: string
  street: string
  postalCode: string
  city: string
  country: string
  countryCode: string
  vatId?: string
  email: string
  buyerReference?: string
  electronicAddress?: { scheme: string; value: string }
}

const BUYERS: Buyer[] = [
  {
    id: 'de-c-bau',
    name: 'Elbtal Bau GmbH',
    street: 'Am Sandtorkai 5',
    postalCode: '20457',
    city: 'Hamburg',
    country: 'Deutschland',
    countryCode: 'DE',
    vatId: 'DE811234567',
    email: 'einkauf@elbtal-bau.example',
  },
  {
    id: 'de-c-holz',
    name: 'Holzwerk Lüneburg KG',
    street: 'Am Markt 3',
    postalCode: '21335',
    city: 'Lüneburg',
    country: 'Deutschland',
    countryCode: 'DE',
    vatId: 'DE298765432',
    email: 'buchhaltung@holzwerk.example',
  },
  {
    id: 'de-c-sub',
    name: 'Dachdeckerei Petersen',
    street: 'Kieler Straße 88',
    postalCode: '24534',
    city: 'Neumünster',
    country: 'Deutschland',
    countryCode: 'DE',
    vatId: 'DE345678912',
    email: 'info@petersen-dach.example',
  },
  {
    id: 'de-c-public',
    name: 'Freie und Hansestadt Hamburg, Bezirksamt Altona',
    street: 'Platz der Republik 1',
    postalCode: '22765',
    city: 'Hamburg',
    country: 'Deutschland',
    countryCode: 'DE',
    vatId: 'DE456789123',
    email: 'rechnungseingang@altona.example',
    buyerReference: '991-33333TEST-33',
    electronicAddress: { scheme: '0204', value: '991-33333TEST-33' },
  },
  {
    id: 'de-c-wien',
    name: 'Donau Werkzeughandel GmbH',
    street: 'Mariahilfer Straße 45',
    postalCode: '1060',
    city: 'Wien',
    country: 'Österreich',
    countryCode: 'AT',
    vatId: 'ATU12345678',
    email: 'office@donau-werkzeug.example',
  },
  {
    id: 'de-c-lyon',
    name: 'Outillage Rhône SARL',
    street: '12 Rue de la République',
    postalCode: '69002',
    city: 'Lyon',
    country: 'France',
    countryCode: 'FR',
    vatId: 'FR40123456789',
    email: 'compta@outillage-rhone.example',
  },
  {
    id: 'de-c-zurich',
    name: 'Alpen Montage AG',
    street: 'Bahnhofstrasse 10',
    postalCode: '8001',
    city: 'Zürich',
    country: 'Schweiz',
    countryCode: 'CH',
    email: 'kreditoren@alpen-montage.example',
  },
]

export function germanCustomers(at: string): Customer[] {
  return BUYERS.map((b, i): Customer => {
    // No name on the address: the print and the e-invoice take the customer's.
    const billTo = {
      line1: b.street,
      city: b.city,
      postalCode: b.postalCode,
      country: b.country,
      countryCode: b.countryCode,
    }
    return {
      id: b.id,
      updatedAt: at,
      name: b.name,
      accountNumber: `KD-${String(10001 + i)}`,
      ownerId: SAMPLE_REP,
      email: b.email,
      contacts: [],
      billTo,
      shipTo: billTo,
      priceListId: DE_PRICE_LIST,
      currencyCode: 'EUR',
      ...(b.vatId ? { vatId: b.vatId } : {}),
      ...(b.buyerReference ? { buyerReference: b.buyerReference } : {}),
      electronicAddress: b.electronicAddress ?? { scheme: 'EM', value: b.email },
    }
  })
}

/** What happens to an invoice after it is made. */
export type InvoiceFate = 'new' | 'billed' | 'partlyPaid' | 'paid' | 'paidPartially' | 'canceled'

/** One sample invoice: its buyer, lines (product, quantity, the VAT category when not the product's). */
export interface InvoicePlan {
  customerId: string
  lines: Array<{ productId: string; quantity: string; vatCategoryId?: string }>
  discountPercent?: string
  discountAmount?: string
  freightAmount?: string
  freightVatCategoryId?: string
  fate: InvoiceFate
  /** Days before the sample's date. */
  daysAgo: number
}

export const GERMAN_INVOICES: InvoicePlan[] = [
  {
    customerId: 'de-c-bau',
    lines: [
      { productId: 'de-p-drill', quantity: '4' },
      { productId: 'de-p-bits', quantity: '4' },
      { productId: 'de-p-manual', quantity: '2' },
    ],
    discountPercent: '3',
    freightAmount: '12.90',
    fate: 'paid',
    daysAgo: 120,
  },
  {
    customerId: 'de-c-holz',
    lines: [
      { productId: 'de-p-saw', quantity: '2' },
      { productId: 'de-p-norms', quantity: '5' },
      { productId: 'de-p-coffee', quantity: '3' },
      { productId: 'de-p-training', quantity: '6' },
    ],
    discountAmount: '25.00',
    freightAmount: '9.90',
    fate: 'partlyPaid',
    daysAgo: 75,
  },
  {
    customerId: 'de-c-sub',
    lines: [
      { productId: 'de-p-install', quantity: '16', vatCategoryId: 'ae-0' },
      { productId: 'de-p-repair', quantity: '4', vatCategoryId: 'ae-0' },
    ],
    fate: 'billed',
    daysAgo: 40,
  },
  {
    customerId: 'de-c-public',
    lines: [
      { productId: 'de-p-helmet', quantity: '25' },
      { productId: 'de-p-gloves', quantity: '50' },
      { productId: 'de-p-training', quantity: '8' },
    ],
    discountPercent: '5',
    freightAmount: '19.50',
    fate: 'new',
    daysAgo: 10,
  },
  {
    customerId: 'de-c-wien',
    lines: [
      { productId: 'de-p-drill', quantity: '10', vatCategoryId: 'k-0' },
      { productId: 'de-p-saw', quantity: '5', vatCategoryId: 'k-0' },
    ],
    freightAmount: '45.00',
    freightVatCategoryId: 'k-0',
    fate: 'paid',
    daysAgo: 90,
  },
  {
    customerId: 'de-c-lyon',
    lines: [
      { productId: 'de-p-bits', quantity: '40', vatCategoryId: 'k-0' },
      { productId: 'de-p-helmet', quantity: '20', vatCategoryId: 'k-0' },
    ],
    discountPercent: '2',
    freightAmount: '60.00',
    freightVatCategoryId: 'k-0',
    fate: 'paidPartially',
    daysAgo: 60,
  },
  {
    customerId: 'de-c-zurich',
    lines: [
      { productId: 'de-p-saw', quantity: '3', vatCategoryId: 'g-0' },
      { productId: 'de-p-gloves', quantity: '30', vatCategoryId: 'g-0' },
    ],
    freightAmount: '85.00',
    freightVatCategoryId: 'g-0',
    fate: 'new',
    daysAgo: 5,
  },
  {
    customerId: 'de-c-bau',
    lines: [
      { productId: 'de-p-install', quantity: '12' },
      { productId: 'de-p-coffee', quantity: '2' },
    ],
    fate: 'canceled',
    daysAgo: 30,
  },
  {
    customerId: 'de-c-holz',
    lines: [
      { productId: 'de-p-manual', quantity: '10' },
      { productId: 'de-p-norms', quantity: '10' },
    ],
    discountPercent: '10',
    fate: 'billed',
    daysAgo: 20,
  },
  {
    customerId: 'de-c-public',
    lines: [
      { productId: 'de-p-repair', quantity: '6' },
      { productId: 'de-p-bits', quantity: '3' },
    ],
    fate: 'paid',
    daysAgo: 150,
  },
]
