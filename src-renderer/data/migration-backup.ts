/**
 * The backup taken before any schema migration runs. A migration rewrites every stored document; if a strategy
 * had a bug, this copy of the documents exactly as they were stored is what a rep (or support) restores from.
 *
 * The writer is replaceable: `setMigrationBackupWriter` plugs in the real backup file (the backup/restore
 * feature owns the file format). The default keeps the copy in a local document of the same database, which
 * survives a failed migration because RxDB migrates collections, never local documents.
 */
import { getChangedDocumentsSince, type RxCollection, type RxStorageInstance } from 'rxdb'
import { getOldCollectionMeta } from 'rxdb/plugins/migration-schema'
import { COLLECTION_NAMES, type CollectionName, type Database } from './collections'

/** Every collection's raw documents, as stored, and the schema version they were stored with. */
export interface MigrationBackup {
  format: 'fieldbill-migration-backup'
  databaseName: string
  createdAt: string
  collections: Partial<Record<CollectionName, { schemaVersion: number; documents: unknown[] }>>
}

/** Receives the backup before a migration starts; the migration waits for it and is abandoned if it throws. */
export type MigrationBackupWriter = (backup: MigrationBackup, db: Database) => Promise<void>

/** The local document id the default writer keeps the last pre-migration backup under. */
export const MIGRATION_BACKUP_DOC = 'migration-backup'

const keepInLocalDocument: MigrationBackupWriter = async (backup, db) => {
  await db.upsertLocal(MIGRATION_BACKUP_DOC, { json: JSON.stringify(backup) })
}

let writer: MigrationBackupWriter = keepInLocalDocument

/**
 * Replaces the function that writes the pre-migration backup (e.g. to a file through the desktop bridge).
 *
 * @returns a function that puts the previous writer back (tests)
 */
export function setMigrationBackupWriter(next: MigrationBackupWriter): () => void {
  const previous = writer
  writer = next
  return () => {
    writer = previous
  }
}

/** The JSON blob of a backup, for writers that save or download a file. */
export function migrationBackupBlob(backup: MigrationBackup): Blob {
  return new Blob([JSON.stringify(backup)], { type: 'application/json' })
}

const PAGE = 1000

async function readAll(instance: RxStorageInstance<object, unknown, unknown>): Promise<unknown[]> {
  const out: unknown[] = []
  let checkpoint: unknown
  for (;;) {
    const page = await getChangedDocumentsSince(instance, PAGE, checkpoint)
    out.push(...page.documents.filter((d) => !(d as { _deleted?: boolean })._deleted))
    if (page.documents.length < PAGE) return out
    checkpoint = page.checkpoint
  }
}

/** The documents of a collection still stored under its previous schema version. */
async function readOldVersion(
  db: Database,
  collection: RxCollection,
): Promise<{ schemaVersion: number; documents: unknown[] }> {
  const meta = await getOldCollectionMeta(collection.getMigrationState())
  if (!meta) throw new Error(`${collection.name} has no older version to back up.`)
  const instance = await db.storage.createStorageInstance({
    databaseName: db.name,
    collectionName: collection.name,
    databaseInstanceToken: db.token,
    multiInstance: false,
    options: {},
    schema: meta.data.schema,
    devMode: false,
  })
  try {
    const documents = await readAll(instance as RxStorageInstance<object, unknown, unknown>)
    return { schemaVersion: meta.data.schema.version, documents }
  } finally {
    await instance.close()
  }
}

async function readCurrent(collection: RxCollection<object>) {
  const docs = await collection.find().exec()
  return {
    schemaVersion: collection.schema.version,
    documents: docs.map((d) => d.toJSON(true) as unknown),
  }
}

/**
 * Runs pending migrations: when any collection has documents of an older schema, backs up every collection
 * first (through the writer), then migrates. Nothing is migrated, and the database is left as it was, if the
 * backup cannot be written.
 *
 * @returns the names of the collections that were migrated (empty when nothing was needed)
 */
export async function migrateWithBackup(db: Database): Promise<CollectionName[]> {
  const entries = COLLECTION_NAMES.map((name): [CollectionName, RxCollection<object>] => [
    name,
    db[name] as RxCollection<object>,
  ])
  // Asked of every collection at once: this runs on every open, and each answer is a read of RxDB's own store.
  const answers = await Promise.all(entries.map(([, collection]) => collection.migrationNeeded()))
  const needed = entries.filter((_, i) => answers[i]).map(([name]) => name)
  if (needed.length === 0) return needed
  const backup: MigrationBackup = {
    format: 'fieldbill-migration-backup',
    databaseName: db.name,
    createdAt: new Date().toISOString(),
    collections: {},
  }
  for (const [name, collection] of entries) {
    backup.collections[name] = needed.includes(name)
      ? await readOldVersion(db, collection)
      : await readCurrent(collection)
  }
  await writer(backup, db)
  // In creation order: a strategy may read collections migrated (or never needing it) before its own.
  for (const [name, collection] of entries) {
    if (needed.includes(name)) await collection.migratePromise()
  }
  return needed
}
