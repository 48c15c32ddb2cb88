/**
 * Test helpers: a fresh database per test (fake-indexeddb through Dexie, the same storage code as the app),
 * a deterministic environment, and a small company seeded through the repositories.
 */
import 'fake-indexeddb/auto'
import {
  customer,
  priceListItems,
  products,
  settings,
  volume,
} from '@core/documents/test-support/fixtures'
import { closeDatabase, openDatabase, type Database } from '../database'
import { createRepositories, type Repositories, type RepositoryEnv } from '../repositories'
import { conflictHandlerFor } from '@renderer/sync/conflict-handler'
import { guardedDexieStorage } from '@renderer/sync/downstream-guard'

let dbCounter = 0

/** A unique database name per call, so tests never see each other's data. */
export function uniqueName(prefix = 'test'): string {
  dbCounter += 1
  return `${prefix}-${Date.now().toString(36)}-${dbCounter}`
}

/** A clock that ticks one second per call from 2025-03-01, and ids N1, N2, … */
export function testEnv(): RepositoryEnv {
  let tick = 0
  let id = 0
  return {
    actor: { userId: 'rep1', role: 'rep' },
    now: () => new Date(Date.UTC(2025, 2, 1, 9, 0, tick++)).toISOString(),
    newId: () => `N${++id}`,
    random: (n) => new Uint8Array(n).map((_, i) => (i * 37 + 11) % 256),
  }
}

export async function openTestDatabase(name = uniqueName()): Promise<Database> {
  return openDatabase({ name, conflictHandlerFor, storage: guardedDexieStorage() })
}

/** Opens a database and seeds the src-core fixture company: settings, one customer, a small catalog. */
export async function seededRepositories(): Promise<Repositories> {
  const db = await openTestDatabase()
  const repos = createRepositories(db, testEnv())
  const must = <T>(r: { ok: true; value: T } | { ok: false; refusal: { reason: string } }): T => {
    if (!r.ok) throw new Error(r.refusal.reason)
    return r.value
  }
  must(await repos.settings.save(settings))
  must(await repos.customers.save(customer))
  must(
    await repos.catalog.saveUnitGroup({
      id: 'UG',
      updatedAt: settings.updatedAt,
      name: 'Each and box',
      primaryUnitId: 'each',
      units: [
        { id: 'each', name: 'Each', quantity: '1' },
        { id: 'box', name: 'Box', quantity: '12', baseUnitId: 'each' },
      ],
    }),
  )
  must(
    await repos.catalog.savePriceList({
      id: 'retail',
      updatedAt: settings.updatedAt,
      name: 'Retail',
      currencyCode: 'USD',
    }),
  )
  must(await repos.catalog.saveDiscountList(volume))
  for (const p of products) must(await repos.catalog.saveProduct(p))
  for (const i of priceListItems) must(await repos.catalog.savePriceListItem(i))
  return repos
}

export { closeDatabase }

/** Unwraps a WriteResult in tests, failing with the refusal's reason. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; refusal: { reason: string } }): T {
  if (!r.ok) throw new Error(r.refusal.reason)
  return r.value
}

/** A new invoice for the fixture customer with one line of widgets (10.00 each). */
export async function invoiceWithWidgets(repos: Repositories, quantity = '2') {
  const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'March' }))
  const line = { type: 'addLine', lineId: 'L1', productId: 'widget', unitId: 'each' } as const
  return ok(await repos.invoices.apply(invoice.id, { ...line, quantity }))
}
