import 'fake-indexeddb/auto'
import { afterEach, expect, test } from 'vitest'
import { addRxPlugin, createRxDatabase, type RxCollectionCreator, type RxDatabase } from 'rxdb'
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema'
import { customer } from '@core/documents/test-support/fixtures'
import { COLLECTION_NAMES, collectionCreators, type CollectionName } from '../collections'
import { closeDatabase, dexieStorage, openDatabase } from '../database'
import { uniqueName } from '../test-support/test-db'
import { conflictHandlerFor } from '@renderer/sync/conflict-handler'
import { STORED_SCHEMAS } from './stored/stored-schemas'

// Collections of a version above 0 need the migration plugin, which openDatabase adds on its first call.
addRxPlugin(RxDBMigrationSchemaPlugin)

const opened: Array<Pick<RxDatabase, 'close' | 'closed'>> = []
afterEach(async () => {
  for (const db of opened.splice(0)) if (!db.closed) await db.close()
})

/** A database as this release's stored schemas created it, holding one customer. */
async function storedDatabase(name: string, schemas = STORED_SCHEMAS) {
  const creators = collectionCreators(conflictHandlerFor)
  const defs: Partial<Record<CollectionName, RxCollectionCreator>> = {}
  for (const n of COLLECTION_NAMES)
    defs[n] = { schema: schemas[n], migrationStrategies: creators[n].migrationStrategies }
  const db = await createRxDatabase({ name, storage: dexieStorage(), multiInstance: false })
  opened.push(db)
  await db.addCollections(defs)
  await db.collections.customers!.insert({ ...customer, nameKey: 'acme' })
  await db.close()
}

test('a database created with the stored schemas opens with the schemas made from src-core', async () => {
  const name = uniqueName('stored')
  await storedDatabase(name)
  const db = await openDatabase({ name, conflictHandlerFor })
  opened.push(db)
  expect((await db.customers.findOne(customer.id).exec())?.name).toBe(customer.name)
  await closeDatabase(db)
})

test('one with a schema other than the made one under the same version does not open (DB6)', async () => {
  const name = uniqueName('other')
  const customers = STORED_SCHEMAS.customers
  const reordered = { ...customers, required: [...(customers.required ?? [])].reverse() }
  await storedDatabase(name, { ...STORED_SCHEMAS, customers: reordered })
  await expect(openDatabase({ name, conflictHandlerFor })).rejects.toThrow(/DB6/)
})
