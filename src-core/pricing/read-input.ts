/**
 * Turns `priceDocument`'s unknown input into checked, parsed values, with money inputs already rounded to
 * their precision (rounded when entered, docs/money.md), so the arithmetic after this never validates.
 */
import { compare, isZero, roundDecimal, ZERO, type Decimal, type RoundingMode } from '@core/money'
import type { DiscountMethod, TaxMode } from './types'
import { readVat, type VatSpec } from './read-vat'
import { readCatalog, type CatalogSpec } from './read-catalog'
import {
  fail,
  field,
  inside,
  nonNegative,
  percent,
  readChoice,
  readDecimal,
  readObject,
  readOptionalDecimal,
  readOptionalObject,
  readPrecision,
  type Fields,
  type Where,
} from './read-values'

export interface SettingsSpec {
  pricingPrecision: number
  currencyPrecision: number
  discountMethod: DiscountMethod
  rounding: RoundingMode
  taxMode: TaxMode
}

export interface HeaderSpec {
  discountPercent: Decimal
  discountAmount: Decimal
  freightAmount: Decimal
  exchangeRate: Decimal
  /** VAT mode with freight only. */
  freightVat?: VatSpec
}

export interface BandSpec {
  from: Decimal
  to: Decimal
  value: Decimal
}

export interface DiscountListSpec {
  type: 'percentage' | 'amount'
  bands: BandSpec[]
}

/** A line's price source: a given price (override, write-in, locked) or a price list item. */
export type PriceSource = { pricePerUnit: Decimal } | { catalog: CatalogSpec }

export interface LineSpec {
  quantity: Decimal
  manualDiscount: Decimal
  tax: Decimal
  source: PriceSource
  discountList?: DiscountListSpec
  /** VAT mode only (then always present). */
  vat?: VatSpec
}

export interface DocumentSpec {
  settings: SettingsSpec
  header: HeaderSpec
  lines: LineSpec[]
}

const TOP: Where = { prefix: '' }
const ONE: Decimal = { units: 1n, scale: 0 }

/** Checks and parses the whole input; throws PricingError on the first problem found. */
export function readDocument(input: unknown): DocumentSpec {
  const doc = readObject(input, TOP, 'input')
  const settings = readSettings(readOptionalObject(doc, 'settings', TOP) ?? {})
  const header = readHeader(readOptionalObject(doc, 'header', TOP) ?? {}, settings)
  const rawLines = field(doc, 'lines')
  if (!Array.isArray(rawLines)) fail(TOP, 'lines', 'must be an array')
  const lines = rawLines.map((raw: unknown, index) =>
    readLine(raw, { line: index + 1, prefix: '' }, settings),
  )
  return { settings, header, lines }
}

function readSettings(fields: Fields): SettingsSpec {
  return {
    pricingPrecision: readPrecision(fields, 'pricingPrecision', TOP),
    currencyPrecision: readPrecision(fields, 'currencyPrecision', TOP),
    discountMethod: readChoice(fields, 'discountMethod', TOP, ['lineItem', 'perUnit'], 'lineItem'),
    rounding: readChoice(fields, 'rounding', TOP, ['halfEven', 'halfUp'], 'halfEven'),
    taxMode: readChoice(fields, 'taxMode', TOP, ['typed', 'vat'], 'typed'),
  }
}

function readHeader(fields: Fields, settings: SettingsSpec): HeaderSpec {
  const money = (key: string): Decimal => readMoney(fields, key, TOP, settings, true)
  const exchangeRate = readOptionalDecimal(fields, 'exchangeRate', TOP) ?? ONE
  if (compare(exchangeRate, ZERO) <= 0) fail(TOP, 'exchangeRate', 'must be greater than 0')
  const discountPercent = readOptionalDecimal(fields, 'discountPercent', TOP) ?? ZERO
  const header: HeaderSpec = {
    discountPercent: percent(discountPercent, TOP, 'discountPercent'),
    discountAmount: money('discountAmount'),
    freightAmount: money('freightAmount'),
    exchangeRate,
  }
  // VAT mode: freight is a charge in a VAT group, so it needs its own category and rate (vat.md, Inputs).
  if (settings.taxMode === 'vat' && compare(header.freightAmount, ZERO) > 0) {
    header.freightVat = readVat(fields, 'freightVat', TOP)
  }
  return header
}

/**
 * An optional money input (default 0) rounded to currency precision. The sign is checked on the value as
 * entered, so '-0.001' is refused rather than silently becoming 0.00.
 */
function readMoney(
  fields: Fields,
  key: string,
  at: Where,
  settings: SettingsSpec,
  mustNotBeNegative: boolean,
): Decimal {
  const value = readOptionalDecimal(fields, key, at) ?? ZERO
  if (mustNotBeNegative) nonNegative(value, at, key)
  return roundDecimal(value, settings.currencyPrecision, settings.rounding)
}

function readLine(raw: unknown, at: Where, settings: SettingsSpec): LineSpec {
  const fields = readObject(raw, at, '')
  const list = readOptionalObject(fields, 'discountList', at)
  const line: LineSpec = {
    quantity: readDecimal(fields, 'quantity', at),
    manualDiscount: readMoney(fields, 'manualDiscount', at, settings, true),
    tax: readMoney(fields, 'tax', at, settings, false),
    source: readSource(fields, at, settings),
  }
  if (list !== undefined)
    line.discountList = readDiscountList(list, inside(at, 'discountList'), settings)
  if (settings.taxMode === 'vat') {
    // Tax comes from the rate per VAT group; a typed amount would be counted nowhere, so it is refused.
    if (!isZero(line.tax))
      fail(at, 'tax', 'must be absent or 0 in VAT mode (tax comes from the VAT rate)')
    line.vat = readVat(fields, 'vat', at)
  }
  return line
}

function readSource(fields: Fields, at: Where, settings: SettingsSpec): PriceSource {
  const catalog = readOptionalObject(fields, 'catalog', at)
  const pricePerUnit = readOptionalDecimal(fields, 'pricePerUnit', at)
  if (pricePerUnit !== undefined && catalog !== undefined) {
    fail(at, 'pricePerUnit', 'give either pricePerUnit or catalog, not both')
  }
  if (pricePerUnit !== undefined) {
    return {
      pricePerUnit: roundDecimal(pricePerUnit, settings.pricingPrecision, settings.rounding),
    }
  }
  // Spec: "No price list item → the line has a pricing error, not a silent 0".
  if (catalog === undefined) fail(at, 'catalog', 'no price: give pricePerUnit or a catalog price')
  return { catalog: readCatalog(catalog, inside(at, 'catalog')) }
}

function readDiscountList(fields: Fields, at: Where, settings: SettingsSpec): DiscountListSpec {
  const type = readChoice(fields, 'type', at, ['percentage', 'amount'])
  const rawBands = field(fields, 'bands')
  if (!Array.isArray(rawBands)) fail(at, 'bands', 'must be an array')
  const bands = rawBands.map((raw: unknown, index): BandSpec => {
    const key = `bands[${index}]`
    const bandAt = inside(at, key)
    const band = readObject(raw, at, key)
    const from = readDecimal(band, 'from', bandAt)
    const to = readDecimal(band, 'to', bandAt)
    if (compare(from, to) > 0) fail(bandAt, 'to', 'must not be less than from')
    const value = readDecimal(band, 'value', bandAt)
    if (type === 'percentage') return { from, to, value: percent(value, bandAt, 'value') }
    nonNegative(value, bandAt, 'value')
    return { from, to, value: roundDecimal(value, settings.currencyPrecision, settings.rounding) }
  })
  checkNoOverlap(bands, at)
  return { type, bands }
}

/**
 * Overlapping bands would make the discount depend on band order; Dynamics refuses them too. Lists hold a
 * handful of bands, so comparing every pair beats sorting (which allocated on every line).
 */
function checkNoOverlap(bands: readonly BandSpec[], at: Where): void {
  for (let j = 1; j < bands.length; j++) {
    const later = bands[j]
    for (let i = 0; i < j && later; i++) {
      const earlier = bands[i]
      if (earlier && compare(earlier.from, later.to) <= 0 && compare(later.from, earlier.to) <= 0) {
        fail(at, `bands[${j}]`, 'overlaps another band')
      }
    }
  }
}
