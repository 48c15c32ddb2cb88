/**
 * The three CSV imports: customers, products and price list items. Each row is read into a src-core record,
 * references (unit group, product number, price list, discount list) are resolved through the lookup the caller
 * passes in, and the record is checked with its src-core schema, so an imported record is exactly as valid as
 * one typed in the app.
 *
 * A row whose key (a customer's Account Number, a product's Product ID, a price list item's Price List + Product
 * ID + Unit) matches an existing record updates it, keeping its id and every field whose column the file does
 * not have (a price list item is replaced whole: its row says everything about the price). Columns are listed,
 * with their labels, in `IMPORT_COLUMNS`.
 */
import {
  customerRecordSchema,
  priceListItemRecordSchema,
  productRecordSchema,
} from '@core/documents/record-schemas'
import type {
  Address,
  Customer,
  Id,
  IsoDateTime,
  PriceListItem,
  PriceRounding,
  Product,
} from '@core/documents/types'
import {
  PRICING_METHOD_LABELS,
  ROUNDING_OPTION_LABELS,
  ROUNDING_POLICY_LABELS,
} from '@core/pricing/method-labels'
import type { Schema } from '@core/schema'
import type { CsvRow } from './csv'
import type { ImportLookup } from './import-lookup'
import {
  ADDRESS_FIELDS,
  IMPORT_COLUMNS,
  addressColumn,
  columnLabel,
  type ImportKind,
} from './import-columns'
import { mapRows, type ImportResult, type RowReader } from './import-rows'

export { IMPORT_COLUMNS, type ImportKind }

/** The record type each import produces. */
export interface ImportRecords {
  customers: Customer
  products: Product
  priceListItems: PriceListItem
}
export type ImportRecord<K extends ImportKind> = ImportRecords[K]

/** What a mapper needs besides the row: the clock, new ids, the rep who owns new customers, and lookups. */
export interface ImportContext {
  now: IsoDateTime
  newId: () => Id
  ownerId: Id
  lookup: ImportLookup
}

/**
 * Maps parsed CSV rows (header first) to records of one kind. Nothing is written.
 *
 * @example
 * const parsed = parseCsv(text)
 * if (parsed.ok) importRows('products', parsed.rows, context) // { good, errors, updates }
 */
export function importRows<K extends ImportKind>(
  kind: K,
  rows: readonly CsvRow[],
  context: ImportContext,
): ImportResult<ImportRecord<K>> {
  const columns = IMPORT_COLUMNS[kind]
  const mappers: { [Kind in ImportKind]: () => ImportResult<ImportRecord<Kind>> } = {
    customers: () => mapRows(rows, columns, (r) => customerRow(r, context), ['accountNumber']),
    products: () => mapRows(rows, columns, (r) => productRow(r, context), ['productNumber']),
    priceListItems: () =>
      mapRows(rows, columns, (r) => priceListItemRow(r, context), [
        'priceList',
        'productNumber',
        'unit',
      ]),
  }
  return mappers[kind]()
}

/** Sets `record[field]` from a column when the file has it: an empty cell clears an optional field. */
function assignIfPresent<T extends object>(
  row: RowReader,
  record: T,
  field: keyof T,
  column: string,
  value: unknown,
): void {
  if (!row.has(column)) return
  if (value === undefined) delete record[field]
  else Object.assign(record, { [field]: value })
}

/** Runs the src-core schema over a mapped record, reporting a failure against the column it came from. */
function checked<T>(
  row: RowReader,
  schema: Schema<T>,
  record: T,
  columnOf: (path: string) => string | undefined,
): T | undefined {
  const result = schema.safeParse(record)
  if (result.ok) return result.value
  const [path = '', ...rest] = result.error.split(': ')
  // A refinement of the whole record has no path: its message is the reason as it stands.
  const column = rest.length > 0 && /^[\w.[\]]+$/.test(path) ? columnOf(path) : undefined
  return row.fail(column, column ? rest.join(': ') : result.error)
}

function address(row: RowReader, prefix: string, base: Address | undefined): Address {
  const out: Address = { ...(base ?? { line1: '', city: '' }) }
  for (const [field] of ADDRESS_FIELDS) {
    const column = addressColumn(prefix, field)
    const value = row.text(column, { max: 250 })
    if (field === 'line1' || field === 'city') {
      if (row.has(column)) out[field] = value ?? ''
    } else assignIfPresent(row, out, field, column, value)
  }
  return out
}

function customerRow(row: RowReader, context: ImportContext) {
  const accountNumber = row.text('accountNumber', { max: 20 })
  const existing = accountNumber ? context.lookup.customerByAccountNumber(accountNumber) : undefined
  const record: Customer = existing
    ? { ...existing, updatedAt: context.now }
    : {
        id: context.newId(),
        updatedAt: context.now,
        name: '',
        ownerId: context.ownerId,
        contacts: [],
        billTo: { line1: '', city: '' },
        shipTo: { line1: '', city: '' },
      }
  record.name = row.text('name', { required: true, max: 160 }) ?? ''
  assignIfPresent(row, record, 'accountNumber', 'accountNumber', accountNumber)
  assignIfPresent(row, record, 'email', 'email', row.text('email', { max: 320 }))
  assignIfPresent(row, record, 'phone', 'phone', row.text('phone', { max: 50 }))
  assignIfPresent(
    row,
    record,
    'currencyCode',
    'currencyCode',
    row.text('currencyCode')?.toUpperCase(),
  )
  record.billTo = address(row, 'billTo', existing?.billTo)
  const hasShipTo = ADDRESS_FIELDS.some(([f]) => row.text(addressColumn('shipTo', f)) !== undefined)
  // A file with one address is the usual case: the bill-to address is where goods go too.
  record.shipTo =
    hasShipTo || existing ? address(row, 'shipTo', existing?.shipTo) : { ...record.billTo }
  if (row.errors.length > 0) return undefined
  const valid = checked(row, customerRecordSchema, record, (path) => {
    const [head, field] = path.split('.')
    return head === 'billTo' || head === 'shipTo' ? addressColumn(head, field ?? '') : head
  })
  return valid && { record: valid, key: accountNumber ?? `row ${row.line}`, isUpdate: !!existing }
}

function productRow(row: RowReader, context: ImportContext) {
  const productNumber = row.text('productNumber', { required: true, max: 100 })
  const existing = productNumber ? context.lookup.productByNumber(productNumber) : undefined
  const name = row.text('name', { required: true, max: 200 }) ?? ''
  const groupRef = row.text('unitGroup', { required: true })
  const group = groupRef ? context.lookup.unitGroup(groupRef) : undefined
  if (groupRef && !group) row.fail('unitGroup', `no unit group is called "${groupRef}"`)
  const unitRef = row.text('defaultUnit')
  const unit = unitRef
    ? group?.units.find((u) => u.id === unitRef || u.name.toLowerCase() === unitRef.toLowerCase())
    : group?.units.find((u) => u.id === group.primaryUnitId)
  if (group && !unit)
    row.fail(
      'defaultUnit',
      `the unit group "${group.name}" has no unit "${unitRef ?? group.primaryUnitId}"`,
    )
  const record: Product = {
    ...(existing ?? { id: context.newId(), retired: false }),
    updatedAt: context.now,
    productNumber: productNumber ?? '',
    name,
    unitGroupId: group?.id ?? '',
    defaultUnitId: unit?.id ?? '',
  }
  for (const field of ['listPrice', 'standardCost', 'currentCost'] as const)
    assignIfPresent(row, record, field, field, row.decimal(field, { nonNegative: true }))
  assignIfPresent(row, record, 'description', 'description', row.text('description', { max: 2000 }))
  if (row.has('retired')) record.retired = row.boolean('retired', false)
  if (row.errors.length > 0) return undefined
  const valid = checked(row, productRecordSchema, record, (path) => path.split('.')[0])
  return valid && { record: valid, key: record.productNumber, isUpdate: !!existing }
}

const label = (name: string) => columnLabel('priceListItems', name)

function rounding(row: RowReader): PriceRounding | undefined {
  const policy = row.choice('roundingPolicy', ROUNDING_POLICY_LABELS)
  const option = row.choice('roundingOption', ROUNDING_OPTION_LABELS)
  const amount = row.decimal('roundingAmount', { nonNegative: true })
  if (policy === undefined || policy === 'none') return undefined
  const because = `is required when ${label('roundingPolicy')} is ${ROUNDING_POLICY_LABELS[policy]}`
  if (option === undefined) row.fail('roundingOption', because)
  if (amount === undefined) row.fail('roundingAmount', because)
  return option && amount ? { policy, option, amount } : undefined
}

function priceListItemRow(row: RowReader, context: ImportContext) {
  const { lookup } = context
  const listRef = row.text('priceList', { required: true })
  const list = listRef ? lookup.priceList(listRef) : undefined
  if (listRef && !list) row.fail('priceList', `no price list is called "${listRef}"`)
  const productNumber = row.text('productNumber', { required: true })
  const product = productNumber ? lookup.productByNumber(productNumber) : undefined
  if (productNumber && !product)
    row.fail('productNumber', `no product has the number "${productNumber}"`)
  const unitRef = row.text('unit')
  const group = product ? lookup.unitGroup(product.unitGroupId) : undefined
  const unitId = unitRef
    ? group?.units.find((u) => u.id === unitRef || u.name.toLowerCase() === unitRef.toLowerCase())
        ?.id
    : product?.defaultUnitId
  if (product && !unitId)
    row.fail('unit', `the product's unit group has no unit "${unitRef ?? ''}"`)
  const method = row.choice('pricingMethod', PRICING_METHOD_LABELS) ?? 'currencyAmount'
  const amount = row.decimal('amount', { nonNegative: true })
  const percentage = row.decimal('percentage', { nonNegative: true })
  const because = `is required when ${label('pricingMethod')} is ${PRICING_METHOD_LABELS[method]}`
  if (method === 'currencyAmount' && amount === undefined) row.fail('amount', because)
  if (method !== 'currencyAmount' && percentage === undefined) row.fail('percentage', because)
  const round = rounding(row)
  const discountRef = row.text('discountList')
  const discounts = discountRef ? lookup.discountList(discountRef) : undefined
  if (discountRef && !discounts)
    row.fail('discountList', `no discount list is called "${discountRef}"`)
  if (!list || !product || !unitId || row.errors.length > 0) return undefined
  const existing = lookup.priceListItem(list.id, product.id, unitId)
  const record: PriceListItem = {
    id: existing?.id ?? context.newId(),
    updatedAt: context.now,
    priceListId: list.id,
    productId: product.id,
    unitId,
    pricingMethod: method,
    ...(method === 'currencyAmount' ? { amount } : { percentage }),
    ...(round ? { rounding: round } : {}),
    ...(discounts ? { discountListId: discounts.id } : {}),
  }
  const valid = checked(row, priceListItemRecordSchema, record, (path) => path.split('.')[0])
  return (
    valid && {
      record: valid,
      key: JSON.stringify([list.id, product.id, unitId]),
      isUpdate: !!existing,
    }
  )
}
