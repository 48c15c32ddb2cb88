/**
 * The lines of a postal address in the order its country's post expects: the United States and Canada write
 * "Portland, OR 97201", most of Europe "10115 Berlin", the United Kingdom puts the postcode on its own line.
 * The country is free text on the address, so it is recognised by its ISO code or its usual names; an address
 * with no country, or one not recognised, is written the North American way.
 */
import type { Address } from '@core/documents/types'

type CityLineStyle = 'cityStateZip' | 'zipCity' | 'cityThenZip' | 'cityStateZipNoComma'

/** ISO 3166 code and the names a rep is likely to type, by how the city line is written. */
const STYLES: ReadonlyArray<[CityLineStyle, readonly string[]]> = [
  ['cityStateZip', ['us', 'usa', 'united states', 'united states of america', 'ca', 'canada']],
  ['cityStateZipNoComma', ['au', 'australia']],
  ['cityThenZip', ['gb', 'uk', 'united kingdom', 'great britain', 'england', 'scotland', 'wales']],
  [
    'zipCity',
    [
      'de',
      'germany',
      'deutschland',
      'at',
      'austria',
      'österreich',
      'ch',
      'switzerland',
      'schweiz',
      'suisse',
      'fr',
      'france',
      'be',
      'belgium',
      'belgique',
      'belgië',
      'nl',
      'netherlands',
      'nederland',
      'lu',
      'luxembourg',
      'it',
      'italy',
      'italia',
      'es',
      'spain',
      'españa',
      'pt',
      'portugal',
      'dk',
      'denmark',
      'danmark',
      'se',
      'sweden',
      'sverige',
      'no',
      'norway',
      'norge',
      'fi',
      'finland',
      'suomi',
      'pl',
      'poland',
      'polska',
      'cz',
      'czechia',
      'czech republic',
      'sk',
      'slovakia',
      'hu',
      'hungary',
      'si',
      'slovenia',
      'hr',
      'croatia',
      'gr',
      'greece',
      'ro',
      'romania',
      'bg',
      'bulgaria',
      'ee',
      'estonia',
      'lv',
      'latvia',
      'lt',
      'lithuania',
      'is',
      'iceland',
      'li',
      'liechtenstein',
      'mx',
      'mexico',
    ],
  ],
]

function styleOf(country: string | undefined): CityLineStyle {
  const key = (country ?? '').trim().toLowerCase()
  for (const [style, names] of STYLES) if (names.includes(key)) return style
  return 'cityStateZip'
}

const joined = (parts: Array<string | undefined>, separator = ' ') =>
  parts.filter((p): p is string => !!p && p.trim().length > 0).join(separator)

/** The city, state or province and postal code as one or two lines, in the country's order. */
export function cityLines(address: Address): string[] {
  const { city, stateOrProvince: state, postalCode: zip } = address
  switch (styleOf(address.country)) {
    case 'zipCity':
      return [joined([zip, city, state])]
    case 'cityThenZip':
      return [joined([city, state]), joined([zip])]
    case 'cityStateZipNoComma':
      return [joined([city, state, zip])]
    case 'cityStateZip':
      return [state ? joined([city, joined([state, zip])], ', ') : joined([city, zip])]
  }
}

/**
 * Every printed line of an address, empty ones left out.
 *
 * @example
 * addressLines({ line1: '1 Main St', city: 'Portland', stateOrProvince: 'OR', postalCode: '97201', country: 'US' })
 * // ['1 Main St', 'Portland, OR 97201', 'US']
 */
export function addressLines(address: Address | undefined): string[] {
  if (!address) return []
  return [
    address.name,
    address.line1,
    address.line2,
    address.line3,
    ...cityLines(address),
    address.country,
  ].filter((line): line is string => !!line && line.trim().length > 0)
}
