import { describe, expect, it } from 'vitest'
import type { PriceList, Product } from '@core/documents/types'
import { parseCsv } from './csv'
import {
  IMPORT_COLUMNS,
  importTemplate,
  normaliseHeader,
  templateFileName,
  type ImportKind,
} from './import-columns'
import { importRows, type ImportContext } from './import-kinds'
import { importLookup } from './import-lookup'
import { formatImportError } from './import-rows'
import { eachGroup } from './test-support/sample-backup'

const now = '2026-02-01T10:00:00.000Z'
const widget: Product = {
  id: 'P1',
  updatedAt: now,
  productNumber: 'W-1',
  name: 'Widget',
  unitGroupId: 'UG',
  defaultUnitId: 'each',
  retired: false,
}
const retail: PriceList = { id: 'L1', updatedAt: now, name: 'Retail', currencyCode: 'EUR' }
const KINDS: ImportKind[] = ['customers', 'products', 'priceListItems']

function run<K extends ImportKind>(kind: K, text: string) {
  let next = 0
  const context: ImportContext = {
    now,
    newId: () => `new-${++next}`,
    ownerId: 'rep-1',
    lookup: importLookup({ unitGroups: [eachGroup], products: [widget], priceLists: [retail] }),
  }
  const parsed = parseCsv(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return importRows(kind, parsed.rows, context)
}

describe('import columns', () => {
  it.each(KINDS)('gives each %s column a label and field name no other column shares', (kind) => {
    const keys = IMPORT_COLUMNS[kind].flatMap((c) => [
      normaliseHeader(c.name),
      normaliseHeader(c.label),
    ])
    const owners = new Map<string, string>()
    for (const c of IMPORT_COLUMNS[kind])
      for (const key of new Set([normaliseHeader(c.name), normaliseHeader(c.label)])) {
        expect(owners.get(key), `${c.name} and ${owners.get(key)} read alike`).toBeUndefined()
        owners.set(key, c.name)
      }
    expect(keys.every((k) => k.length > 0)).toBe(true)
  })

  it('reads the form labels as headers, and the field names still', () => {
    const byLabel = run(
      'customers',
      [
        'Account Name,Account Number,Bill To Street,Bill To City,Bill To State/Province,Bill To ZIP/Postal Code',
        'Contoso,A-1,1 Main St,Portland,OR,97201',
      ].join('\r\n'),
    )
    const byName = run(
      'customers',
      [
        'name,accountNumber,billToLine1,billToCity,billToStateOrProvince,billToPostalCode',
        'Contoso,A-1,1 Main St,Portland,OR,97201',
      ].join('\r\n'),
    )
    expect(byLabel.errors).toEqual([])
    expect(byLabel.good[0]?.billTo).toEqual({
      line1: '1 Main St',
      city: 'Portland',
      stateOrProvince: 'OR',
      postalCode: '97201',
    })
    expect(byName.good).toEqual(byLabel.good)
  })

  it('reads pricing methods and rounding by their Dynamics names', () => {
    const result = run(
      'priceListItems',
      [
        'Price List,Product ID,Unit,Pricing Method,Percentage,Rounding Policy,Rounding Option,Rounding Amount',
        'Retail,W-1,Box,Markup % Current Cost,25,Nearest,Multiple of,0.05',
      ].join('\n'),
    )
    expect(result.errors).toEqual([])
    expect(result.good[0]).toMatchObject({
      pricingMethod: 'markupCurrentCost',
      percentage: '25',
      rounding: { policy: 'nearest', option: 'multipleOf', amount: '0.05' },
    })
  })

  it('names the row and the column as the file heads it in every error of a broken row', () => {
    const result = run(
      'products',
      ['Product ID,Name,Unit Group,List Price', 'B-1,Bolt,Each,0.25', 'B-2,,Each,"12,5O"'].join(
        '\n',
      ),
    )
    expect(result.good.map((p) => p.productNumber)).toEqual(['B-1'])
    expect(result.errors.map(formatImportError)).toEqual([
      'Row 3, Name: is required',
      'Row 3, List Price: "12,5O" is not a number',
    ])
  })

  it.each(KINDS)(
    'has a %s template whose header is the labels, read back with no error',
    (kind) => {
      const template = importTemplate(kind)
      const parsed = parseCsv(template)
      if (!parsed.ok) throw new Error(parsed.reason)
      expect(parsed.rows.map((r) => r.cells)).toEqual([IMPORT_COLUMNS[kind].map((c) => c.label)])
      expect(run(kind, template)).toEqual({ good: [], errors: [], updates: 0 })
    },
  )

  it('names each template after its kind', () => {
    expect(KINDS.map(templateFileName)).toEqual([
      'fieldbill-customers-template.csv',
      'fieldbill-products-template.csv',
      'fieldbill-price-list-items-template.csv',
    ])
  })

  it('heads the customer template with the form labels', () => {
    expect(importTemplate('customers')).toMatch(
      /^Account Name,Account Number,Email,Main Phone,Currency,Bill To Name,Bill To Street,.*Bill To State\/Province,Bill To ZIP\/Postal Code,Bill To Country\/Region,Ship To Name,/,
    )
  })
})
