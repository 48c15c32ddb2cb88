/**
 * The VAT part of Settings > Company as the rep fills it in: the tax mode, the seller's e-invoice details
 * (legal name, VAT ID, country code, electronic address, bank account) and the VAT categories. Turned into
 * settings fields only when every one is valid; each error is keyed by its field's id, as in settings-form.ts.
 */
import {
  defaultVatCategories,
  ibanIsValid,
  normalizeIban,
  REASON_REQUIRED,
  VAT_CATEGORY_NAMES,
  VAT_ID_PATTERN,
  vatRateProblem,
  type CompanyProfile,
  type CompanySettings,
  type TaxMode,
  type VatCategoryCode,
  type VatCategorySetting,
} from '../../src-core/documents'
import { formatLocaleDecimal, parseLocaleDecimal } from '../format'

export interface VatCategoryDraft {
  id: string
  name: string
  category: VatCategoryCode
  rate: string
  exemptionReason: string
}

export interface VatDraft {
  taxMode: TaxMode
  legalName: string
  countryCode: string
  vatId: string
  electronicScheme: string
  electronicAddress: string
  iban: string
  bic: string
  accountName: string
  categories: VatCategoryDraft[]
}

const categoryDraft = (c: VatCategorySetting, locale: string): VatCategoryDraft => ({
  id: c.id,
  name: c.name,
  category: c.category,
  rate: formatLocaleDecimal(c.rate, locale, { grouping: false }),
  exemptionReason: c.exemptionReason ?? '',
})

export function vatDraftFromSettings(
  s: Pick<CompanySettings, 'profile' | 'taxMode' | 'vatCategories'>,
  locale: string,
): VatDraft {
  const p = s.profile
  return {
    taxMode: s.taxMode ?? 'typed',
    legalName: p.legalName ?? '',
    countryCode: p.address.countryCode ?? '',
    vatId: p.vatId ?? '',
    electronicScheme: p.electronicAddress?.scheme ?? 'EM',
    electronicAddress: p.electronicAddress?.value ?? '',
    iban: p.bankAccount?.iban ?? '',
    bic: p.bankAccount?.bic ?? '',
    accountName: p.bankAccount?.accountName ?? '',
    categories: (s.vatCategories ?? []).map((c) => categoryDraft(c, locale)),
  }
}

/** The categories a company of this country starts with, as the form shows them. */
export function defaultCategoryDrafts(countryCode: string, locale: string): VatCategoryDraft[] {
  return defaultVatCategories(countryCode.trim().toUpperCase()).map((c) => categoryDraft(c, locale))
}

/** A new, empty category row with an id no other row has. */
export function newCategoryDraft(existing: readonly VatCategoryDraft[]): VatCategoryDraft {
  let n = existing.length + 1
  while (existing.some((c) => c.id === `category-${n}`)) n++
  return { id: `category-${n}`, name: '', category: 'S', rate: '', exemptionReason: '' }
}

type Fail = (key: string, message: string) => void

function categoryFrom(
  d: VatCategoryDraft,
  key: string,
  locale: string,
  fail: Fail,
): VatCategorySetting {
  const name = d.name.trim() || `${VAT_CATEGORY_NAMES[d.category]}`
  if (name.length > 100) fail(`${key}.name`, 'Category Name: at most 100 characters')
  let rate = d.rate
  const parsed = parseLocaleDecimal(d.rate, locale, { field: 'Rate', empty: '0' })
  if (!parsed.ok) fail(`${key}.rate`, parsed.error)
  else {
    rate = parsed.value
    const problem = vatRateProblem(d.category, rate)
    if (problem) fail(`${key}.rate`, problem)
  }
  const exemptionReason = d.exemptionReason.trim()
  if (REASON_REQUIRED.includes(d.category) && !exemptionReason)
    fail(
      `${key}.exemptionReason`,
      `Exemption Reason: ${VAT_CATEGORY_NAMES[d.category]} needs the reason printed on the invoice`,
    )
  return {
    id: d.id,
    name,
    category: d.category,
    rate,
    ...(exemptionReason ? { exemptionReason } : {}),
  }
}

/**
 * The settings fields the VAT draft stands for, reporting each wrong field through `fail` (keys start with
 * `vat.`). `profile` is the rest of the profile, which this adds to.
 */
export function vatFromDraft(
  d: VatDraft,
  profile: CompanyProfile,
  locale: string,
  fail: Fail,
): Pick<CompanySettings, 'profile' | 'taxMode' | 'vatCategories'> {
  const countryCode = d.countryCode.trim().toUpperCase()
  if (countryCode && !/^[A-Z]{2}$/.test(countryCode))
    fail('vat.countryCode', 'Country Code: two letters, e.g. DE or FR (ISO 3166)')
  const vatId = d.vatId.replace(/\s+/g, '').toUpperCase()
  if (vatId && !VAT_ID_PATTERN.test(vatId))
    fail('vat.vatId', 'VAT ID: the country prefix and number, e.g. DE123456789')
  const legalName = d.legalName.trim()
  if (legalName.length > 200) fail('vat.legalName', 'Legal Name: at most 200 characters')
  const scheme = d.electronicScheme.trim().toUpperCase()
  const electronic = d.electronicAddress.trim()
  if (electronic && !/^(EM|[0-9]{4})$/.test(scheme))
    fail('vat.electronicScheme', 'Address Scheme: EM for an email address, or a 4-digit EAS code')
  const iban = normalizeIban(d.iban)
  if (iban && !ibanIsValid(iban))
    fail('vat.iban', 'IBAN: not a valid IBAN (check the letters and digits)')
  const bic = d.bic.replace(/\s+/g, '').toUpperCase()
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
    fail('vat.bic', 'BIC: 8 or 11 letters and digits, e.g. COBADEFFXXX')
  if (!iban && (bic || d.accountName.trim())) fail('vat.iban', 'IBAN: needed with a BIC or holder')
  const categories = d.categories.map((c, i) =>
    categoryFrom(c, `vat.categories.${i}`, locale, fail),
  )
  if (d.taxMode === 'vat' && categories.length === 0)
    fail('vat.categories', 'VAT Categories: VAT rates need at least one category')
  const accountName = d.accountName.trim()
  return {
    profile: {
      ...profile,
      address: { ...profile.address, ...(countryCode ? { countryCode } : {}) },
      ...(legalName ? { legalName } : {}),
      ...(vatId ? { vatId } : {}),
      ...(electronic ? { electronicAddress: { scheme, value: electronic } } : {}),
      ...(iban
        ? {
            bankAccount: {
              iban,
              ...(bic ? { bic } : {}),
              ...(accountName ? { accountName } : {}),
            },
          }
        : {}),
    },
    // Absent means typed: a typed company's record stays as it was stored before VAT mode existed.
    ...(d.taxMode === 'vat' ? { taxMode: 'vat' as const } : {}),
    ...(categories.length > 0 ? { vatCategories: categories } : {}),
  }
}
