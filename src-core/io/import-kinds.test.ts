import { describe, expect, it } from 'vitest'
import type { PriceList, Product } from '@core/documents/types'
import { parseCsv } from './csv'
import { importRows, type ImportContext, type ImportKind } from './import-kinds'
import { importLookup, type ImportLookupRecords } from './import-lookup'
import { formatImportError } from './import-rows'
import { eachGroup } from './test-support/sample-backup'

const now = '2026-02-01T10:00:00.000Z'
const each = eachGroup
const widget: Product = {
  id: 'P1',
  updatedAt: now,
  productNumber: 'W-1',
  name: 'Widget',
  unitGroupId: 'UG',
  defaultUnitId: 'each',
  listPrice: '10.00',
  retired: false,
}
const retail: PriceList = { id: 'L1', updatedAt: now, name: 'Retail', currencyCode: 'EUR' }

function run<K extends ImportKind>(kind: K, text: string, records: ImportLookupRecords = {}) {
  let next = 0
  const context: ImportContext = {
    now,
    newId: () => `new-${++next}`,
    ownerId: 'rep-1',
    lookup: importLookup({
      unitGroups: [each],
      products: [widget],
      priceLists: [retail],
      ...records,
    }),
  }
  const parsed = parseCsv(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return importRows(kind, parsed.rows, context)
}

const messages = (r: { errors: Parameters<typeof formatImportError>[0][] }) =>
  r.errors.map(formatImportError)

describe('product import', () => {
  it('imports good rows and reports every bad one with line, column and reason', () => {
    const text = [
      'productNumber,name,unit group,listPrice,retired',
      'B-1,Bolt,Each,0.25,no',
      'B-2,Nut,Each,"12,5O",maybe',
      'B-3,Screw,Crate,1.00,',
      'B-1,Bolt again,each,1,',
      '',
      ',,,,',
      'B-4,Washer,Each,"1,234.50",',
      'B-5,,Each,-3,',
      'B-6,Rivet,Each,1e3,',
      'W-1,Widget Pro,UG,12.00,true',
    ].join('\n')
    const result = run('products', text)
    expect(result.good.map((p) => p.productNumber)).toEqual(['B-1', 'W-1'])
    expect(result.updates).toBe(1)
    expect(result.good[1]).toMatchObject({
      id: 'P1',
      name: 'Widget Pro',
      listPrice: '12.00',
      retired: true,
    })
    expect(result.good[0]).toEqual({
      id: 'new-1',
      updatedAt: now,
      productNumber: 'B-1',
      name: 'Bolt',
      unitGroupId: 'UG',
      defaultUnitId: 'each',
      listPrice: '0.25',
      retired: false,
    })
    expect(messages(result)).toEqual([
      `Row 3, listPrice: "12,5O" is not a number`,
      'Row 3, retired: "maybe" is not true or false',
      'Row 4, unit group: no unit group is called "Crate"',
      'Row 5, productNumber: repeats the productNumber of row 2',
      `Row 8, listPrice: "1,234.50" has a thousands separator or decimal comma: write the number with a '.' decimal point and no separators, e.g. 1234.50`,
      'Row 9, name: is required',
      'Row 9, listPrice: "-3" must not be negative',
      'Row 10, listPrice: "1e3" is not a number',
    ])
  })

  it('refuses the whole file with one error for a missing, unknown or repeated column', () => {
    expect(messages(run('products', 'productNumber,name\nA,B'))).toEqual([
      'Row 1: The file has no "Unit Group" column (required: Product ID, Name, Unit Group).',
    ])
    expect(messages(run('products', 'productNumber,name,unitGroup,lisPrice\n'))[0]).toMatch(
      /^Row 1: The column "lisPrice" is not known\. The columns are: Product ID, Name, Unit Group/,
    )
    expect(messages(run('products', 'name,Name,productNumber,unitGroup\n'))).toEqual([
      'Row 1: The column "Name" appears twice.',
    ])
    expect(messages(run('products', ''))).toEqual(['Row 1: The file is empty.'])
  })

  it('reports rows with too many or too few values and tolerates trailing empty cells', () => {
    const result = run(
      'products',
      'productNumber,name,unitGroup\nA,Apple\nB,Bee,Each,extra\nC,Cee,Each,,\n',
    )
    expect(messages(result)).toEqual([
      'Row 2: has 2 values but the header has 3 columns',
      'Row 3: has 4 values but the header has 3 columns',
    ])
    expect(result.good.map((p) => p.productNumber)).toEqual(['C'])
  })

  it('resolves the default unit by name in the group and reports an unknown one', () => {
    const result = run(
      'products',
      'productNumber,name,unitGroup,defaultUnit\nA,A,Each,box\nB,B,Each,Crate',
    )
    expect(result.good[0]?.defaultUnitId).toBe('box')
    expect(messages(result)).toEqual([
      'Row 3, defaultUnit: the unit group "Each" has no unit "Crate"',
    ])
  })
})

describe('customer import', () => {
  it('maps addresses, copies bill-to to ship-to and updates by account number', () => {
    const existing = {
      id: 'C9',
      updatedAt: '2025-01-01T00:00:00.000Z',
      name: 'Old name',
      accountNumber: 'A-9',
      ownerId: 'rep-2',
      email: 'keep@example.com',
      contacts: [{ id: 'K1', firstName: 'Ana', lastName: 'Lopez' }],
      billTo: { line1: 'Old', city: 'Old' },
      shipTo: { line1: 'Dock', city: 'Port' },
    }
    const text = [
      'name;accountNumber;billToLine1;billToCity;billToPostalCode;currencyCode',
      'Contoso;A-1;1 Main St;Lyon;69001;eur',
      'New name;A-9;2 High St;Paris;;',
      ';A-3;x;y;;',
      '=HYPERLINK("x");A-1;x;y;;',
    ].join('\r\n')
    const result = run('customers', text, { customers: [existing] })
    expect(result.good[0]).toEqual({
      id: 'new-1',
      updatedAt: now,
      name: 'Contoso',
      accountNumber: 'A-1',
      ownerId: 'rep-1',
      currencyCode: 'EUR',
      contacts: [],
      billTo: { line1: '1 Main St', city: 'Lyon', postalCode: '69001' },
      shipTo: { line1: '1 Main St', city: 'Lyon', postalCode: '69001' },
    })
    expect(result.good[1]).toEqual({
      ...existing,
      updatedAt: now,
      name: 'New name',
      billTo: { line1: '2 High St', city: 'Paris' },
    })
    expect(result.updates).toBe(1)
    expect(messages(result)).toEqual([
      'Row 4, name: is required',
      'Row 5, accountNumber: repeats the accountNumber of row 2',
    ])
  })

  it('reports a value the src-core schema refuses against its column', () => {
    const result = run('customers', 'name,currencyCode,billToCity\nAcme,EURO,Lyon\n')
    expect(messages(result)).toHaveLength(1)
    expect(messages(result)[0]).toMatch(/^Row 2, currencyCode: /)
  })

  it('refuses a cell with a NUL or half a character, naming its line and column', () => {
    const text =
      'name,currencyCode,billToCity\nAc\u0000me,EUR,Lyon\nGood,EUR,Lyon\nBeta,EUR,Ly\ud800on\n'
    const result = run('customers', text)
    expect(result.good.map((c) => c.name)).toEqual(['Good'])
    expect(messages(result)).toEqual([
      'Row 2, name: contains a NUL character, which cannot be stored',
      'Row 4, billToCity: contains half of a character (an unpaired surrogate), which cannot be stored',
    ])
  })
})

describe('price list item import', () => {
  const header =
    'priceList,productNumber,unit,pricingMethod,amount,percentage,roundingPolicy,roundingOption,roundingAmount,discountList'
  const volume = {
    id: 'D1',
    updatedAt: now,
    name: 'Volume',
    type: 'percentage' as const,
    bands: [{ from: '10', to: '99', value: '5' }],
  }

  it('resolves price list, product, unit and discount list, and checks the method', () => {
    const text = [
      header,
      'Retail,W-1,,,9.99,,,,,',
      'retail,W-1,Box,percent of list,,90,up,endsIn,0.99,volume',
      'Retail,W-1,Box,currencyAmount,100,,,,,',
      'Wholesale,W-9,Pallet,markupCurrentCost,,,sideways,,,Nope',
      'Retail,W-1,Box,percentOfList,,80,up,,,',
    ].join('\n')
    const result = run('priceListItems', text, { discountLists: [volume] })
    expect(result.good).toEqual([
      {
        id: 'new-1',
        updatedAt: now,
        priceListId: 'L1',
        productId: 'P1',
        unitId: 'each',
        pricingMethod: 'currencyAmount',
        amount: '9.99',
      },
      {
        id: 'new-2',
        updatedAt: now,
        priceListId: 'L1',
        productId: 'P1',
        unitId: 'box',
        pricingMethod: 'percentOfList',
        percentage: '90',
        rounding: { policy: 'up', option: 'endsIn', amount: '0.99' },
        discountListId: 'D1',
      },
    ])
    expect(messages(result)).toEqual([
      'Row 4, priceList + productNumber + unit: repeats the priceList + productNumber + unit of row 3',
      'Row 5, priceList: no price list is called "Wholesale"',
      'Row 5, productNumber: no product has the number "W-9"',
      'Row 5, percentage: is required when Pricing Method is Markup % Current Cost',
      'Row 5, roundingPolicy: "sideways" is not one of None, Up, Down, Nearest',
      'Row 5, discountList: no discount list is called "Nope"',
      'Row 6, roundingOption: is required when Rounding Policy is Up',
      'Row 6, roundingAmount: is required when Rounding Policy is Up',
    ])
  })

  it('updates the existing item of the same price list, product and unit', () => {
    const item = {
      id: 'I7',
      updatedAt: now,
      priceListId: 'L1',
      productId: 'P1',
      unitId: 'each',
      pricingMethod: 'currencyAmount' as const,
      amount: '1',
    }
    const result = run('priceListItems', 'priceList,productNumber,amount\nL1,W-1,2.50', {
      priceListItems: [item],
    })
    expect(result.good).toEqual([{ ...item, amount: '2.50' }])
    expect(result.updates).toBe(1)
  })
})
