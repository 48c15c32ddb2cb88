/**
 * Opening and closing the local database: RxDB on Dexie (IndexedDB) in the renderer, any RxDB storage in tests
 * (fake-indexeddb through Dexie, or the memory storage).
 *
 * No RxDB dev-mode and no RxDB schema validator are ever added: dev-mode calls out to the network, and the
 * repositories validate every document with src-core's schemas, which are the rules the server applies too.
 */
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb'
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents'
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema'
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie'
import {
  collectionCreators,
  type Collections,
  type ConflictHandlerFor,
  type Database,
} from './collections'
import { migrateWithBackup } from './migration-backup'

export {
  COLLECTION_NAMES,
  type CollectionName,
  type Collections,
  type ConflictHandlerFor,
  type Database,
} from './collections'

let pluginsAdded = false

function addPlugins(): void {
  if (pluginsAdded) return
  addRxPlugin(RxDBMigrationSchemaPlugin)
  addRxPlugin(RxDBLocalDocumentsPlugin)
  pluginsAdded = true
}

export interface OpenDatabaseOptions {
  /** The IndexedDB database name; the app uses 'fieldbill', each test its own. */
  name: string
  /**
   * Defaults to Dexie on the global `indexedDB` (the browser's, or fake-indexeddb/auto in Node). The app passes
   * sync's guarded Dexie (sync/downstream-guard.ts `guardedDexieStorage`), so that a pulled state is never lost.
   */
  storage?: RxStorage<unknown, unknown>
  /**
   * Several tabs or windows on one database: the app turns it on (tabs of the web build; in the desktop app the
   * hidden print window opens the same database beside the main window). Off by default for tests, whose
   * databases have no BroadcastChannel peers.
   */
  multiInstance?: boolean
  /**
   * The sync conflict handler of every collection: the app and every test that replicates passes sync's
   * (`conflictHandlerFor` of sync/conflict-handler.ts). Required, so that no caller gets RxDB's default handler,
   * which drops the local edit, by forgetting it.
   */
  conflictHandlerFor: ConflictHandlerFor
}

/**
 * Dexie on IndexedDB, the storage of the real app. The globals are read at call time, not when Dexie's module
 * loads, so a test that installs fake-indexeddb after importing this module still gets it.
 */
export function dexieStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange })
}

/**
 * Opens (creating if needed) a Fieldbill database with all its collections, and runs pending schema migrations
 * after writing a backup (migration-backup.ts).
 *
 * @example
 * const db = await openDatabase({ name: 'fieldbill' })
 * const count = await db.invoices.count().exec()
 * await closeDatabase(db)
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  addPlugins()
  const db = await createRxDatabase<Collections>({
    name: options.name,
    storage: options.storage ?? dexieStorage(),
    multiInstance: options.multiInstance ?? false,
    eventReduce: true,
    localDocuments: true,
    // Paged lists show a total; counts with a filter the index cannot answer alone are still wanted.
    allowSlowCount: true,
    // Tests and hot reload may reopen a name before the previous instance finished closing.
    closeDuplicates: true,
  })
  try {
    await db.addCollections(collectionCreators(options.conflictHandlerFor))
    await migrateWithBackup(db)
    return db
  } catch (e) {
    await db.close()
    throw e
  }
}

/** Closes the database and its collections (they count against the open-collection limit until closed). */
export async function closeDatabase(db: Database): Promise<void> {
  if (!db.closed) await db.close()
}
