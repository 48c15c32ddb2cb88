/**
 * The Settings > Company form as the rep fills it in: every field as the text typed (numbers in the rep's
 * locale), turned into a `CompanySettings` record only when every field is valid. Each error is keyed by the
 * field's id, so the page shows it next to that field; nothing is saved while any field is wrong.
 */
import type { CompanyLogo, CompanySettings, CurrencySetting, NumberFormat } from '@core/documents'
import { compare, parseDecimal } from '@core/money'
import { formatLocaleDecimal, parseLocaleDecimal } from '@renderer/format'
import { vatDraftFromSettings, vatFromDraft, type VatDraft } from './vat-settings-form'

export interface CurrencyDraft {
  code: string
  name: string
  symbol: string
  exchangeRate: string
  precision: string
}

export interface NumberFormatDraft {
  prefix: string
  separator: string
  padding: string
  suffixLength: string
}

export interface CompanyDraft {
  name: string
  street: string
  city: string
  stateOrProvince: string
  postalCode: string
  country: string
  email: string
  phone: string
  taxId: string
  logo: CompanyLogo | null
  baseCurrencyCode: string
  currencies: CurrencyDraft[]
  pricingPrecision: string
  discountMethod: CompanySettings['discountMethod']
  rounding: CompanySettings['rounding']
  invoiceNumbering: NumberFormatDraft
  orderNumbering: NumberFormatDraft
  /** Tax mode, the seller's e-invoice details and the VAT categories (vat-settings-form.ts). */
  vat: VatDraft
}

/** Field id → the reason it is refused, e.g. `{ 'currencies.1.exchangeRate': 'Exchange Rate: …' }`. */
export type FormErrors = Record<string, string>

export type DraftResult =
  { ok: true; settings: CompanySettings } | { ok: false; errors: FormErrors }

/** What a company starts with before anything is saved (the pricing spec's defaults). */
export const STARTING_SETTINGS: Omit<CompanySettings, 'id' | 'updatedAt'> = {
  profile: { name: '', address: { line1: '', city: '' } },
  baseCurrencyCode: 'USD',
  currencies: [{ code: 'USD', name: 'US Dollar', symbol: '$', exchangeRate: '1', precision: 2 }],
  pricingPrecision: 2,
  discountMethod: 'lineItem',
  rounding: 'halfEven',
  numbering: {
    invoice: { prefix: 'INV', separator: '-', padding: 5, suffixLength: 6 },
    order: { prefix: 'ORD', separator: '-', padding: 5, suffixLength: 6 },
  },
}

const formatDraft = (f: NumberFormat): NumberFormatDraft => ({
  prefix: f.prefix,
  separator: f.separator,
  padding: String(f.padding),
  suffixLength: String(f.suffixLength),
})

/** The form's starting values: the stored settings, or the starting ones for a new company. */
export function draftFromSettings(
  stored: CompanySettings | undefined,
  locale: string,
): CompanyDraft {
  const s = stored ?? STARTING_SETTINGS
  const { profile } = s
  return {
    name: profile.name,
    street: profile.address.line1,
    city: profile.address.city,
    stateOrProvince: profile.address.stateOrProvince ?? '',
    postalCode: profile.address.postalCode ?? '',
    country: profile.address.country ?? '',
    email: profile.email ?? '',
    phone: profile.phone ?? '',
    taxId: profile.taxId ?? '',
    logo: profile.logo ?? null,
    baseCurrencyCode: s.baseCurrencyCode,
    currencies: s.currencies.map((c) => ({
      code: c.code,
      name: c.name,
      symbol: c.symbol,
      exchangeRate: formatLocaleDecimal(c.exchangeRate, locale, { grouping: false }),
      precision: String(c.precision),
    })),
    pricingPrecision: String(s.pricingPrecision),
    discountMethod: s.discountMethod,
    rounding: s.rounding,
    invoiceNumbering: formatDraft(s.numbering.invoice),
    orderNumbering: formatDraft(s.numbering.order),
    vat: vatDraftFromSettings(s, locale),
  }
}

/** A whole number typed into a field, within bounds; the error starts with the field's label. */
function wholeNumber(text: string, label: string, min: number, max: number): number | string {
  const t = text.trim()
  if (!/^\d{1,3}$/.test(t)) return `${label}: enter a whole number from ${min} to ${max}`
  const n = Number(t)
  return n < min || n > max ? `${label}: must be from ${min} to ${max}` : n
}

const ONE = parseDecimal('1')
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Collects field errors while the settings are built; `take` records a string result as an error. */
function collector() {
  const errors: FormErrors = {}
  return {
    errors,
    take<T>(key: string, value: T | string, isError: (v: T | string) => v is string): T {
      if (isError(value)) errors[key] = value
      return value as T
    },
    fail(key: string, message: string) {
      errors[key] ??= message
    },
  }
}
const isString = (v: unknown): v is string => typeof v === 'string'

function currencyFrom(
  draft: CurrencyDraft,
  key: string,
  locale: string,
  c: ReturnType<typeof collector>,
): CurrencySetting {
  const code = draft.code.trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(code))
    c.fail(`${key}.code`, 'Currency Code: three letters, e.g. USD or EUR (ISO 4217)')
  if (!draft.name.trim()) c.fail(`${key}.name`, 'Currency Name: a name is required')
  if (!draft.symbol.trim() || draft.symbol.trim().length > 10)
    c.fail(`${key}.symbol`, 'Currency Symbol: 1 to 10 characters, e.g. $')
  let exchangeRate = draft.exchangeRate
  const rate = parseLocaleDecimal(draft.exchangeRate, locale, { field: 'Exchange Rate' })
  if (!rate.ok) c.fail(`${key}.exchangeRate`, rate.error)
  else if (compare(parseDecimal(rate.value), parseDecimal('0')) <= 0)
    c.fail(`${key}.exchangeRate`, 'Exchange Rate: must be more than 0')
  else if (!/^\d{1,15}(\.\d{1,10})?$/.test(rate.value))
    c.fail(`${key}.exchangeRate`, 'Exchange Rate: at most 10 decimals')
  else exchangeRate = rate.value
  const precision = c.take(
    `${key}.precision`,
    wholeNumber(draft.precision, 'Currency Precision', 0, 4),
    isString,
  )
  return { code, name: draft.name.trim(), symbol: draft.symbol.trim(), exchangeRate, precision }
}

function numberFormatFrom(
  draft: NumberFormatDraft,
  key: string,
  c: ReturnType<typeof collector>,
): NumberFormat {
  const prefix = draft.prefix.trim()
  if (!/^[A-Za-z0-9]{1,10}$/.test(prefix))
    c.fail(`${key}.prefix`, 'Prefix: 1 to 10 letters and digits, e.g. INV')
  if (!/^[-/._]$/.test(draft.separator)) c.fail(`${key}.separator`, 'Separator: one of - / . _')
  const padding = c.take(`${key}.padding`, wholeNumber(draft.padding, 'Digits', 1, 10), isString)
  const suffixLength = c.take(
    `${key}.suffixLength`,
    wholeNumber(draft.suffixLength, 'Suffix Length', 4, 6),
    isString,
  )
  return { prefix, separator: draft.separator, padding, suffixLength }
}

function profileFrom(draft: CompanyDraft, c: ReturnType<typeof collector>) {
  const name = draft.name.trim()
  if (!name) c.fail('name', 'Company Name: a name is required')
  else if (name.length > 160) c.fail('name', 'Company Name: at most 160 characters')
  const email = draft.email.trim()
  if (email && !EMAIL.test(email)) c.fail('email', `Email: "${email}" is not an email address`)
  const optional = (key: 'stateOrProvince' | 'postalCode' | 'country' | 'phone' | 'taxId') => {
    const v = draft[key].trim()
    return v ? { [key]: v } : {}
  }
  return {
    name,
    address: {
      line1: draft.street.trim(),
      city: draft.city.trim(),
      ...optional('stateOrProvince'),
      ...optional('postalCode'),
      ...optional('country'),
    },
    ...(email ? { email } : {}),
    ...optional('phone'),
    ...optional('taxId'),
    ...(draft.logo ? { logo: draft.logo } : {}),
  }
}

/**
 * The settings record the draft stands for, or every field's error. `base` keeps what the form does not show
 * (the record's id).
 */
export function settingsFromDraft(
  draft: CompanyDraft,
  base: CompanySettings | undefined,
  locale: string,
  now: string,
): DraftResult {
  const c = collector()
  const vat = vatFromDraft(draft.vat, profileFrom(draft, c), locale, (key, message) =>
    c.fail(key, message),
  )
  const currencies = draft.currencies.map((d, i) => currencyFrom(d, `currencies.${i}`, locale, c))
  if (currencies.length === 0) c.fail('currencies', 'Currencies: add at least one currency')
  currencies.forEach((cur, i) => {
    if (currencies.findIndex((other) => other.code === cur.code) !== i)
      c.fail(`currencies.${i}.code`, `Currency Code: ${cur.code} is listed twice`)
  })
  const baseIndex = currencies.findIndex((cur) => cur.code === draft.baseCurrencyCode)
  const baseRate = currencies[baseIndex]?.exchangeRate
  if (baseIndex < 0) c.fail('baseCurrencyCode', 'Base Currency: choose one of the currencies')
  else {
    // Rates are units of a currency per 1 unit of the base currency, so the base's own rate is 1.
    const key = `currencies.${baseIndex}.exchangeRate`
    if (!c.errors[key] && baseRate && compare(parseDecimal(baseRate), ONE) !== 0)
      c.fail(key, 'Exchange Rate: the base currency’s rate must be 1')
  }
  const pricingPrecision = c.take(
    'pricingPrecision',
    wholeNumber(draft.pricingPrecision, 'Pricing Decimal Precision', 0, 4),
    isString,
  )
  const numbering = {
    invoice: numberFormatFrom(draft.invoiceNumbering, 'invoiceNumbering', c),
    order: numberFormatFrom(draft.orderNumbering, 'orderNumbering', c),
  }
  if (Object.keys(c.errors).length > 0) return { ok: false, errors: c.errors }
  return {
    ok: true,
    settings: {
      id: base?.id ?? 'company',
      updatedAt: now,
      ...vat,
      baseCurrencyCode: draft.baseCurrencyCode,
      currencies,
      pricingPrecision,
      discountMethod: draft.discountMethod,
      rounding: draft.rounding,
      numbering,
    },
  }
}
