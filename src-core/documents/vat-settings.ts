/**
 * What a company in VAT mode keeps beside its documents: its tax mode, the VAT categories it invoices with (a
 * UNCL 5305 code and a rate, as EN 16931 names them), and the party details an e-invoice carries (VAT IDs,
 * electronic addresses, the bank account, the buyer reference). The rules of one category's rate are the
 * pricing contract's (docs/pricing.md, VAT mode): S, L and M above 0; every other code exactly 0.
 */
import { compare, parseDecimal } from '@core/money'
import type { TaxMode, VatCategory } from '@core/pricing'
import { object, oneOf, optional, refine, string, type Schema } from '@core/schema'

export const TAX_MODES = ['typed', 'vat'] as const satisfies readonly TaxMode[]

/** UNCL 5305 duty or tax category codes that EN 16931 allows. */
export const VAT_CATEGORY_CODES = [
  'S',
  'Z',
  'E',
  'AE',
  'K',
  'G',
  'O',
  'L',
  'M',
] as const satisfies readonly VatCategory[]
export type VatCategoryCode = VatCategory

/** What each code means, in the rep's words. */
export const VAT_CATEGORY_NAMES: Record<VatCategoryCode, string> = {
  S: 'Standard rate',
  Z: 'Zero rated',
  E: 'Exempt',
  AE: 'Reverse charge',
  K: 'Intra-community supply',
  G: 'Export outside the EU',
  O: 'Not subject to VAT',
  L: 'Canary Islands',
  M: 'Ceuta and Melilla',
}

/** Codes whose invoices must say why no VAT is charged (EN 16931 BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
export const REASON_REQUIRED: readonly VatCategoryCode[] = ['E', 'AE', 'K', 'G', 'O']

/** A rate must be above 0 for these codes and exactly 0 for every other. */
export const RATED_CODES: readonly VatCategoryCode[] = ['S', 'L', 'M']

/** One VAT category of the company: what a line or a product chooses. */
export interface VatCategorySetting {
  id: string
  /** The rep's name of it, e.g. "Reduced rate 7 %". */
  name: string
  category: VatCategoryCode
  /** Percent, a decimal string 0–100 with at most 2 decimals. */
  rate: string
  /** Why no VAT is charged, printed and put in the e-invoice (needed for E, AE, K, G, O). */
  exemptionReason?: string
}

/** An electronic address (EN 16931 BT-34 / BT-49): a scheme from the EAS code list and the address in it. */
export interface ElectronicAddress {
  /** EAS code, e.g. "EM" for an email address, "9930" for a German VAT ID, "0204" for a Leitweg-ID. */
  scheme: string
  value: string
}

/** Where the buyer pays (EN 16931 BG-17, credit transfer). */
export interface BankAccount {
  iban: string
  bic?: string
  accountName?: string
}

const RATE_PATTERN = /^\d{1,3}(\.\d{1,2})?$/

/** Why a rate does not fit its category, or undefined when it does. */
export function vatRateProblem(category: VatCategoryCode, rate: string): string | undefined {
  if (!RATE_PATTERN.test(rate)) return 'Rate: a percent from 0 to 100 with at most 2 decimals'
  const value = parseDecimal(rate)
  if (compare(value, parseDecimal('100')) > 0) return 'Rate: at most 100 %'
  const zero = compare(value, parseDecimal('0')) === 0
  if (RATED_CODES.includes(category) && zero)
    return `Rate: ${VAT_CATEGORY_NAMES[category]} needs a rate above 0`
  if (!RATED_CODES.includes(category) && !zero)
    return `Rate: ${VAT_CATEGORY_NAMES[category]} is always 0 %`
  return undefined
}

/** ISO 3166-1 alpha-2, as EN 16931 wants every country (BT-40, BT-55). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/
/** A VAT identifier with its country prefix (BT-31, BT-48): "DE123456789", "FRXX999999999". */
export const VAT_ID_PATTERN = /^[A-Z]{2}[A-Z0-9+*.]{2,13}$/
const EAS_PATTERN = /^(EM|[0-9]{4})$/
const IBAN_PATTERN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/
const BIC_PATTERN = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/** An IBAN without spaces, in capitals, whose check digits hold (ISO 13616, mod 97). */
export function ibanIsValid(iban: string): boolean {
  if (!IBAN_PATTERN.test(iban)) return false
  const moved = iban.slice(4) + iban.slice(0, 4)
  let rest = 0
  for (const ch of moved) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97
  }
  return rest === 1
}

/** The text a rep types as an IBAN, as stored: capitals, no spaces. */
export const normalizeIban = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

export const taxModeSchema: Schema<TaxMode> = oneOf(TAX_MODES)

export const countryCodeSchema = (): Schema<string> =>
  string({ pattern: COUNTRY_CODE_PATTERN, patternName: 'a two-letter country code such as DE' })

export const vatIdSchema = (): Schema<string> =>
  string({
    pattern: VAT_ID_PATTERN,
    patternName: 'a VAT ID with its country prefix, such as DE123456789',
    longest: 15,
  })

export const electronicAddressSchema: Schema<ElectronicAddress> = object({
  scheme: string({
    pattern: EAS_PATTERN,
    patternName: 'an EAS scheme code such as EM (email) or 9930 (German VAT ID)',
  }),
  value: string({ min: 1, max: 320 }),
})

export const bankAccountSchema: Schema<BankAccount> = object({
  iban: refine(string({ max: 34 }), ibanIsValid, 'an IBAN whose check digits hold, no spaces'),
  bic: optional(string({ pattern: BIC_PATTERN, patternName: 'a BIC of 8 or 11 characters' })),
  accountName: optional(string({ max: 200 })),
})

export const vatCategorySettingSchema: Schema<VatCategorySetting> = refine(
  refine(
    object({
      id: string({ min: 1, max: 200 }),
      name: string({ min: 1, max: 100 }),
      category: oneOf(VAT_CATEGORY_CODES),
      rate: string({ max: 6 }),
      exemptionReason: optional(string({ min: 1, max: 300 })),
    }),
    (c) => vatRateProblem(c.category, c.rate) === undefined,
    'rate: S, L and M need a rate above 0 (at most 100, 2 decimals); every other category 0',
  ),
  (c) => !REASON_REQUIRED.includes(c.category) || c.exemptionReason !== undefined,
  'exemptionReason: exempt, reverse-charge, intra-community, export and not-subject categories need one',
)

type Rated = Pick<VatCategorySetting, 'name' | 'category' | 'rate'>

const zeroRated: Array<Rated & { exemptionReason?: string }> = [
  { name: 'Exempt', category: 'E', rate: '0', exemptionReason: 'Exempt from VAT' },
  {
    name: 'Reverse charge',
    category: 'AE',
    rate: '0',
    exemptionReason: 'Reverse charge: VAT is due by the buyer',
  },
  {
    name: 'Intra-community supply',
    category: 'K',
    rate: '0',
    exemptionReason: 'Intra-community supply, exempt from VAT',
  },
  {
    name: 'Export outside the EU',
    category: 'G',
    rate: '0',
    exemptionReason: 'Export outside the EU, exempt from VAT',
  },
]

/** The standard and reduced rates in force by country (percent). */
const RATES_BY_COUNTRY: Record<string, readonly string[]> = {
  DE: ['19', '7'],
  FR: ['20', '10', '5.5', '2.1'],
  AT: ['20', '13', '10'],
  BE: ['21', '12', '6'],
  NL: ['21', '9'],
  IT: ['22', '10', '5', '4'],
  ES: ['21', '10', '4'],
  LU: ['17', '14', '8', '3'],
}

/** The categories a company of this country starts with in VAT mode: its rates, then the 0 % categories. */
export function defaultVatCategories(countryCode: string | undefined): VatCategorySetting[] {
  const rates = RATES_BY_COUNTRY[countryCode ?? ''] ?? ['20']
  const rated: Rated[] = rates.map((rate, i) => ({
    name: `${i === 0 ? 'Standard rate' : 'Reduced rate'} ${rate} %`,
    category: 'S',
    rate,
  }))
  return [...rated, ...zeroRated].map((c) => ({
    id: `${c.category}-${c.rate}`.toLowerCase().replace('.', '_'),
    ...c,
  }))
}

/** The category of `id` among the company's, else its first standard one (what a new line takes). */
export function vatCategoryOf(
  categories: readonly VatCategorySetting[],
  id: string | undefined,
): VatCategorySetting | undefined {
  return (
    categories.find((c) => c.id === id) ??
    categories.find((c) => c.category === 'S') ??
    categories[0]
  )
}

/** The company's category that a line's `{ category, rate }` stands for, if any (for its name and reason). */
export function vatCategoryMatching(
  categories: readonly VatCategorySetting[],
  vat: { category: string; rate: string },
): VatCategorySetting | undefined {
  const same = (a: string, b: string) => compare(parseDecimal(a), parseDecimal(b)) === 0
  return categories.find((c) => c.category === vat.category && same(c.rate, vat.rate))
}
