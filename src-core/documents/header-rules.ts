/**
 * The checks a document header passes before it is saved, all at once: a form shows every problem beside its
 * field after one Save, rather than the first one per Save. Each problem names its field by path ('name',
 * 'billTo.city') and by kind; the screen words it with the field's label. The limits are the schemas' (schemas.ts).
 */
import { compare, isNegative, negate, parseDecimal, type Decimal } from '@core/money'

/** Longest texts a header field takes (the same numbers as `salesShape` and `addressSchema`). */
export const HEADER_TEXT_LIMITS = {
  name: 300,
  description: 2000,
  'address.line1': 250,
  'address.city': 80,
  'address.stateOrProvince': 50,
  'address.postalCode': 20,
  'address.country': 80,
} as const

/** Largest quantity and price per unit a line takes: their product stays within the 15 digits of an amount. */
export const LINE_LIMITS = { quantity: '999999', pricePerUnit: '999999999' } as const

export type FieldProblemKind = 'required' | 'tooLong' | 'beforeInvoiceDate'

export interface FieldProblem {
  /** The field's path in the document, e.g. 'name', 'customerId', 'billTo.city'. */
  path: string
  kind: FieldProblemKind
  /** For 'tooLong': the most characters the field takes. */
  max?: number
}

interface AddressInput {
  line1?: string
  city?: string
  stateOrProvince?: string
  postalCode?: string
  country?: string
}

/** The header as typed: text as it stands, ids undefined until chosen, dates '' or YYYY-MM-DD. */
export interface HeaderInput {
  name: string
  customerId?: string
  priceListId?: string
  currencyCode?: string
  description?: string
  invoiceDate?: string
  dueDate?: string
  billTo?: AddressInput
  shipTo?: AddressInput
}

const ADDRESS_KEYS = ['line1', 'city', 'stateOrProvince', 'postalCode', 'country'] as const

/**
 * Every problem of a header, in the order of the form (name, customer, price list, currency, dates,
 * description, addresses); empty when it can be saved.
 *
 * @example
 * headerProblems({ name: '' }).map((p) => p.path) // ['name', 'customerId', 'priceListId', 'currencyCode']
 */
export function headerProblems(input: HeaderInput): FieldProblem[] {
  const problems: FieldProblem[] = []
  const tooLong = (path: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) problems.push({ path, kind: 'tooLong', max })
  }
  if (!input.name.trim()) problems.push({ path: 'name', kind: 'required' })
  tooLong('name', input.name, HEADER_TEXT_LIMITS.name)
  if (!input.customerId) problems.push({ path: 'customerId', kind: 'required' })
  if (!input.priceListId) problems.push({ path: 'priceListId', kind: 'required' })
  if (!input.currencyCode) problems.push({ path: 'currencyCode', kind: 'required' })
  if (input.invoiceDate && input.dueDate && input.dueDate < input.invoiceDate)
    problems.push({ path: 'dueDate', kind: 'beforeInvoiceDate' })
  tooLong('description', input.description, HEADER_TEXT_LIMITS.description)
  for (const side of ['billTo', 'shipTo'] as const)
    for (const key of ADDRESS_KEYS)
      tooLong(`${side}.${key}`, input[side]?.[key], HEADER_TEXT_LIMITS[`address.${key}`])
  return problems
}

/** Whether a line quantity or price is within what a line takes (its size at most the limit, either sign). */
export function withinLineLimit(field: keyof typeof LINE_LIMITS, value: Decimal): boolean {
  const size = isNegative(value) ? negate(value) : value
  return compare(size, parseDecimal(LINE_LIMITS[field])) <= 0
}
