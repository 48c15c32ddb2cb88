/**
 * The columns of each CSV import, and a template file per import. A column is headed by the label of its field
 * on the form ("Bill To State/Province", "List Price"), so a rep who knows the form knows the file; the record's
 * field name ("billToStateOrProvince") is accepted too, as files written for earlier versions use it. Either is
 * matched ignoring case, spaces and punctuation.
 */
import { formatCsvRows } from './csv'

export type ImportKind = 'customers' | 'products' | 'priceListItems'

export interface ColumnSpec {
  /** The record's field name, as the mappers read it. */
  name: string
  /** The label of the field on the form: the header of a template, and the column's name in every error. */
  label: string
  /** The column must be in the header (its cells may still be optional, see the row rules). */
  required?: boolean
}

/** The parts of an address a file may give, with the label of each after "Bill To " or "Ship To ". */
export const ADDRESS_FIELDS = [
  ['name', 'Name'],
  ['line1', 'Street'],
  ['line2', 'Street 2'],
  ['line3', 'Street 3'],
  ['city', 'City'],
  ['stateOrProvince', 'State/Province'],
  ['postalCode', 'ZIP/Postal Code'],
  ['country', 'Country/Region'],
] as const

/** The field name of an address column: `addressColumn('billTo', 'city')` is 'billToCity'. */
export const addressColumn = (prefix: string, field: string): string =>
  `${prefix}${field[0]!.toUpperCase()}${field.slice(1)}`

const addressColumns = (prefix: 'billTo' | 'shipTo', title: string): ColumnSpec[] =>
  ADDRESS_FIELDS.map(([field, label]) => ({
    name: addressColumn(prefix, field),
    label: `${title} ${label}`,
  }))

/** The columns of each import, in the order a template lists them. */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly ColumnSpec[]>> = {
  customers: [
    { name: 'name', label: 'Account Name', required: true },
    { name: 'accountNumber', label: 'Account Number' },
    { name: 'email', label: 'Email' },
    { name: 'phone', label: 'Main Phone' },
    { name: 'currencyCode', label: 'Currency' },
    ...addressColumns('billTo', 'Bill To'),
    ...addressColumns('shipTo', 'Ship To'),
  ],
  products: [
    { name: 'productNumber', label: 'Product ID', required: true },
    { name: 'name', label: 'Name', required: true },
    { name: 'unitGroup', label: 'Unit Group', required: true },
    { name: 'defaultUnit', label: 'Default Unit' },
    { name: 'description', label: 'Description' },
    { name: 'listPrice', label: 'List Price' },
    { name: 'standardCost', label: 'Standard Cost' },
    { name: 'currentCost', label: 'Current Cost' },
    { name: 'retired', label: 'Retired' },
  ],
  priceListItems: [
    { name: 'priceList', label: 'Price List', required: true },
    { name: 'productNumber', label: 'Product ID', required: true },
    { name: 'unit', label: 'Unit' },
    { name: 'pricingMethod', label: 'Pricing Method' },
    { name: 'amount', label: 'Amount' },
    { name: 'percentage', label: 'Percentage' },
    { name: 'roundingPolicy', label: 'Rounding Policy' },
    { name: 'roundingOption', label: 'Rounding Option' },
    { name: 'roundingAmount', label: 'Rounding Amount' },
    { name: 'discountList', label: 'Discount List' },
  ],
}

/** The label of a column of a kind, or the name itself for a name the kind does not know. */
export function columnLabel(kind: ImportKind, name: string): string {
  return IMPORT_COLUMNS[kind].find((c) => c.name === name)?.label ?? name
}

/**
 * A header or a choice as compared: lower case, letters and digits only, so "Bill To State/Province",
 * "bill_to_state_province" and "BillToStateProvince" are one column, and "Markup % Current Cost" is
 * "markupCurrentCost".
 */
export const normaliseHeader = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** What a template file of a kind is called when it is downloaded. */
export const templateFileName = (kind: ImportKind): string =>
  `fieldbill-${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-template.csv`

/**
 * A template file of a kind: one header row of the form's labels, required columns first as the form lists them.
 * It has no example row, as an example left in by mistake would be imported as a record.
 *
 * @example
 * importTemplate('products') // 'Product ID,Name,Unit Group,Default Unit,Description,List Price,…\r\n'
 */
export function importTemplate(kind: ImportKind): string {
  return formatCsvRows([IMPORT_COLUMNS[kind].map((c) => c.label)])
}
