/** Sample customers: accounts with one to three contacts, US customers on USD prices, a few in Europe on EUR. */
import type { Address, Contact, Customer } from '@core/documents'
import { EUR_LIST, USD_LIST } from './catalog-data'
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_WORDS,
  EU_CITIES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  STREETS,
} from './names'
import type { Prng } from './prng'

/** The sample rep who owns every sample customer. */
export const SAMPLE_REP = 'local-rep'

function address(prng: Prng, europe: boolean, name?: string): Address {
  const [city, state, country] = prng.pick(europe ? EU_CITIES : CITIES)
  const out: Address = {
    line1: `${prng.int(1, 9999)} ${prng.pick(STREETS)}`,
    city,
    stateOrProvince: state,
    postalCode: String(prng.int(10000, 99999)),
    country,
  }
  if (name) out.name = name
  return out
}

function contacts(prng: Prng, customerId: string, domain: string): Contact[] {
  return Array.from({ length: prng.int(1, 3) }, (_, k) => {
    const firstName = prng.pick(FIRST_NAMES)
    const lastName = prng.pick(LAST_NAMES)
    return {
      id: `${customerId}-k${k + 1}`,
      firstName,
      lastName,
      email: `${firstName}.${lastName}@${domain}`.toLowerCase(),
      phone: `+1 555 ${String(prng.int(0, 9999)).padStart(4, '0')}`,
      jobTitle: prng.pick(JOB_TITLES),
    }
  })
}

export function sampleCustomers(prng: Prng, count: number, at: string): Customer[] {
  return Array.from({ length: count }, (_, i): Customer => {
    const id = `cust-${i + 1}`
    const europe = i % 5 === 4
    const word = COMPANY_WORDS[i % COMPANY_WORDS.length] ?? 'Acme'
    const kind = COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length] ?? ''
    const name = `${word} ${kind}${i >= COMPANY_WORDS.length * COMPANY_KINDS.length ? ` ${i}` : ''}`
    const domain = `${word}${i}.example`.toLowerCase()
    const people = contacts(prng, id, domain)
    const billTo = address(prng, europe, name)
    const customer: Customer = {
      id,
      updatedAt: at,
      name,
      accountNumber: `ACC-${String(i + 1).padStart(4, '0')}`,
      ownerId: SAMPLE_REP,
      email: `orders@${domain}`,
      contacts: people,
      billTo,
      shipTo: prng.chance(0.6) ? billTo : address(prng, europe, name),
      priceListId: europe ? EUR_LIST : USD_LIST,
      currencyCode: europe ? 'EUR' : 'USD',
    }
    if (people[0]) customer.primaryContactId = people[0].id
    return customer
  })
}
