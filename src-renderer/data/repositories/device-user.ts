/**
 * Who this device acts as. Before the first sign-in it is the placeholder `local-rep`; signing in to the sync server
 * makes it the signed-in user, remembered in the database (so a restart with a kept session acts as them too), and
 * hands that user what was made under the placeholder: the customers (the server accepts a rep's customer only
 * when its `ownerId` is that rep, and a customer typed before the first connect must not stay on this laptop for
 * good), and the opportunities, orders, invoices and payments, so no record or history entry names `local-rep`
 * once it reaches the server and the rep's other laptops. Nothing has been synced before the first sign-in, so
 * these are all new records to the server.
 */
import type { RxCollection } from 'rxdb'
import type { Actor, Customer, HistoryEntry } from '@core/documents'
import type { Database } from '../collections'
import { readLocal, writeLocal } from '../local-docs'
import { fromCustomerDoc, toCustomerDoc } from '../stored'
import type { RepositoryEnv } from './env'

/** The user id of a device that has never signed in. */
export const PLACEHOLDER_USER_ID = 'local-rep'

const DEVICE_USER_DOC = 'device-user'

/** Makes the repositories act as the user last signed in on this device, if any. */
export async function restoreDeviceUser(db: Database, env: RepositoryEnv): Promise<void> {
  const saved = await readLocal<Actor>(db, DEVICE_USER_DOC)
  if (saved) env.actor = saved
}

/**
 * After a sign-in: act as `user` from now on, remember it, and give them the customers still owned by the
 * placeholder (each written anew, so sync pushes it).
 *
 * @returns how many customers were handed over
 * @example
 * await signInDeviceUser(db, env, { userId: 'ann', role: 'rep' }) // 2
 */
export async function signInDeviceUser(
  db: Database,
  env: RepositoryEnv,
  user: Actor,
): Promise<number> {
  env.actor = { userId: user.userId, role: user.role }
  await writeLocal(db, DEVICE_USER_DOC, env.actor)
  const orphans = await db.customers.find({ selector: { ownerId: PLACEHOLDER_USER_ID } }).exec()
  for (const doc of orphans) {
    await doc.incrementalModify((stored) => {
      if (stored.ownerId !== PLACEHOLDER_USER_ID) return stored
      const customer: Customer = { ...fromCustomerDoc(stored), ownerId: user.userId }
      return toCustomerDoc({ ...customer, updatedAt: env.now() })
    })
  }
  for (const name of ['opportunities', 'orders', 'invoices', 'payments'] as const)
    await handOver(db, name, user.userId)
  return orphans.length
}

const WHO = ['ownerId', 'createdBy', 'recordedBy']

/** The fields naming who made or owns a record, and who made each history entry and what it recorded of them. */
function reowned(stored: Record<string, unknown>, userId: string): Record<string, unknown> {
  const mine = (id: unknown) => (id === PLACEHOLDER_USER_ID ? userId : id)
  const out = { ...stored }
  for (const field of WHO) if (field in out) out[field] = mine(out[field])
  if (Array.isArray(out.history))
    out.history = (out.history as HistoryEntry[]).map((e) => ({
      ...e,
      by: mine(e.by),
      changes: e.changes.map((c) => (WHO.includes(c.field) ? { ...c, to: mine(c.to) } : c)),
    }))
  return out
}

async function handOver(
  db: Database,
  name: 'opportunities' | 'orders' | 'invoices' | 'payments',
  userId: string,
): Promise<void> {
  const field =
    name === 'payments' ? 'recordedBy' : name === 'opportunities' ? 'ownerId' : 'createdBy'
  const collection = db[name] as unknown as RxCollection<Record<string, unknown>>
  const docs = await collection.find({ selector: { [field]: PLACEHOLDER_USER_ID } }).exec()
  for (const doc of docs) await doc.incrementalModify((stored) => reowned(stored, userId))
}
