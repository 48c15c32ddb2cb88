/**
 * The catalog as the document rules see it: one lookup of (price list, product, unit) that answers with what
 * `priceDocument` needs. Built from the stored records by `catalogFromRecords`; tests build small ones the same way.
 * Also the checks of catalog records a rep creates (unit groups, price lists, discount lists).
 */
import { compare, isNegative, MoneyError, parseDecimal, ZERO, type Decimal } from '@core/money'
import type {
  DecimalString,
  DiscountList,
  DiscountListSnapshot,
  Id,
  PriceList,
  PriceListItem,
  PriceRounding,
  PricingMethod,
  Product,
  UnitGroup,
} from './types'

const ONE = parseDecimal('1')
const HUNDRED = parseDecimal('100')

/** The pricing inputs of one price list item, in the shape of the pricing contract's `catalog` field. */
export interface CatalogPriceInfo {
  pricingMethod: PricingMethod
  amount?: DecimalString
  percentage?: DecimalString
  listPrice?: DecimalString
  currentCost?: DecimalString
  standardCost?: DecimalString
  rounding?: PriceRounding
}

export interface CatalogEntry {
  productName: string
  retired: boolean
  price: CatalogPriceInfo
  discountList?: DiscountListSnapshot
}

export interface Catalog {
  /** The price of a product in a unit on a price list, or undefined when the price list has no such item. */
  find(priceListId: Id, productId: Id, unitId: Id): CatalogEntry | undefined
}

/** A catalog with no prices: for callers that never price from the catalog (e.g. a locked document). */
export const EMPTY_CATALOG: Catalog = { find: () => undefined }

export interface CatalogRecords {
  products: readonly Product[]
  priceListItems: readonly PriceListItem[]
  discountLists: readonly DiscountList[]
}

function key(priceListId: Id, productId: Id, unitId: Id): string {
  // JSON keeps ids containing any separator character from colliding.
  return JSON.stringify([priceListId, productId, unitId])
}

function priceInfo(product: Product, item: PriceListItem): CatalogPriceInfo {
  const info: CatalogPriceInfo = { pricingMethod: item.pricingMethod }
  const copy = {
    amount: item.amount,
    percentage: item.percentage,
    listPrice: product.listPrice,
    currentCost: product.currentCost,
    standardCost: product.standardCost,
    rounding: item.rounding,
  }
  for (const [name, value] of Object.entries(copy)) {
    if (value !== undefined) Object.assign(info, { [name]: value })
  }
  return info
}

/**
 * Indexes stored catalog records for lookups. An item whose product is unknown is skipped: it cannot be priced.
 *
 * @example
 * const catalog = catalogFromRecords({ products, priceListItems, discountLists })
 * catalog.find('retail', 'widget', 'each')?.price // { pricingMethod: 'currencyAmount', amount: '10.00' }
 */
export function catalogFromRecords(records: CatalogRecords): Catalog {
  const products = new Map(records.products.map((p) => [p.id, p]))
  const discountLists = new Map(records.discountLists.map((d) => [d.id, d]))
  const entries = new Map<string, CatalogEntry>()
  for (const item of records.priceListItems) {
    const product = products.get(item.productId)
    if (!product) continue
    const entry: CatalogEntry = {
      productName: product.name,
      retired: product.retired,
      price: priceInfo(product, item),
    }
    const list = item.discountListId ? discountLists.get(item.discountListId) : undefined
    if (list) entry.discountList = { type: list.type, bands: list.bands.map((b) => ({ ...b })) }
    entries.set(key(item.priceListId, item.productId, item.unitId), entry)
  }
  return {
    find: (priceListId, productId, unitId) => entries.get(key(priceListId, productId, unitId)),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checks of catalog records beyond their shape (record-schemas.ts): what a rep typed that makes no sense as a
// catalog. Each answers the fields at fault with a reason, keyed by the field's path ('units[1].quantity'), so a
// form shows each reason next to its field; an empty answer means the record may be saved.

/** Reasons by field path; empty when nothing is wrong. */
export type FieldErrors = Record<string, string>

function decimalOrNull(text: string | undefined): Decimal | null {
  if (text === undefined || text.trim() === '') return null
  try {
    return parseDecimal(text)
  } catch (e) {
    if (e instanceof MoneyError) return null
    throw e
  }
}

function required(errors: FieldErrors, field: string, value: string | undefined, label: string) {
  if (!value?.trim()) errors[field] = `${label}: a value is required`
}

/**
 * A unit group: a name, units with unique names, each holding a quantity (more than 0) of the base unit, and
 * the base unit itself holding exactly 1.
 *
 * @example
 * checkUnitGroup({ ...group, units: [{ id: 'box', name: 'Box', quantity: '0' }] })
 * // { 'units[0].quantity': 'Quantity: must be more than 0' , ... }
 */
export function checkUnitGroup(group: UnitGroup): FieldErrors {
  const errors: FieldErrors = {}
  required(errors, 'name', group.name, 'Name')
  if (group.units.length === 0) errors.units = 'Units: add the base unit first'
  const seen = new Set<string>()
  group.units.forEach((unit, i) => {
    required(errors, `units[${i}].name`, unit.name, 'Unit Name')
    const key = unit.name.trim().toLowerCase()
    if (key && seen.has(key))
      errors[`units[${i}].name`] = `Unit Name: “${unit.name}” is already used`
    seen.add(key)
    const quantity = decimalOrNull(unit.quantity)
    if (!quantity) errors[`units[${i}].quantity`] = 'Quantity: a number is required'
    else if (unit.id === group.primaryUnitId && compare(quantity, ONE) !== 0)
      errors[`units[${i}].quantity`] = 'Quantity: the base unit holds exactly 1'
    else if (compare(quantity, ZERO) <= 0)
      errors[`units[${i}].quantity`] = 'Quantity: must be more than 0'
  })
  if (!group.units.some((u) => u.id === group.primaryUnitId))
    errors.primaryUnitId = 'Base Unit: choose one of the units'
  return errors
}

/**
 * A price list: a name, a currency, and an end date that is not before its start date.
 *
 * @example
 * checkPriceList({ ...list, validFrom: '2025-02-01', validTo: '2025-01-01' })
 * // { validTo: 'End Date: must not be before the Start Date' }
 */
export function checkPriceList(list: PriceList): FieldErrors {
  const errors: FieldErrors = {}
  required(errors, 'name', list.name, 'Name')
  required(errors, 'currencyCode', list.currencyCode, 'Currency')
  if (list.validFrom && list.validTo && list.validTo < list.validFrom)
    errors.validTo = 'End Date: must not be before the Start Date'
  return errors
}

/**
 * A discount list: a name and bands whose Begin Quantity is not above their End Quantity, that do not overlap
 * (a quantity must find one band at most) and whose discount is not negative, at most 100 for a percentage.
 *
 * @example
 * checkDiscountList({ ...list, type: 'percentage', bands: [{ from: '1', to: '9', value: '120' }] })
 * // { 'bands[0].value': 'Discount: a percentage is at most 100' }
 */
export function checkDiscountList(list: DiscountList): FieldErrors {
  const errors: FieldErrors = {}
  required(errors, 'name', list.name, 'Name')
  const ranges: { from: Decimal; to: Decimal; i: number }[] = []
  list.bands.forEach((band, i) => {
    const from = decimalOrNull(band.from)
    const to = decimalOrNull(band.to)
    const value = decimalOrNull(band.value)
    if (!from) errors[`bands[${i}].from`] = 'Begin Quantity: a number is required'
    else if (isNegative(from)) errors[`bands[${i}].from`] = 'Begin Quantity: cannot be negative'
    if (!to) errors[`bands[${i}].to`] = 'End Quantity: a number is required'
    else if (from && compare(to, from) < 0)
      errors[`bands[${i}].to`] = 'End Quantity: must not be less than the Begin Quantity'
    if (!value) errors[`bands[${i}].value`] = 'Discount: a number is required'
    else if (isNegative(value)) errors[`bands[${i}].value`] = 'Discount: cannot be negative'
    else if (list.type === 'percentage' && compare(value, HUNDRED) > 0)
      errors[`bands[${i}].value`] = 'Discount: a percentage is at most 100'
    if (from && to && compare(to, from) >= 0) ranges.push({ from, to, i })
  })
  for (const a of ranges)
    for (const b of ranges)
      if (a.i < b.i && compare(a.from, b.to) <= 0 && compare(b.from, a.to) <= 0)
        errors[`bands[${b.i}].from`] ??= `Begin Quantity: overlaps band ${a.i + 1}`
  return errors
}

/** The first reason of a check, for a one-line refusal (the repository's answer). */
export function firstError(errors: FieldErrors): string | undefined {
  return Object.values(errors)[0]
}
