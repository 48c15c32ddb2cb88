/**
 * Back up the whole database to one file, and restore from one. The file format and every check on it live in
 * src-core/io/backup.ts; this module reads and replaces the collections.
 *
 * A restore decodes and checks the whole file before it touches anything. It then snapshots every stored
 * document and replaces each collection's contents; if any write fails, it writes the snapshot back, so the
 * database ends either fully restored or exactly as it was. Local documents (this device's numbering counters
 * and unfinished-write journal) are not part of a backup and are left alone.
 */
import type { RxCollection } from 'rxdb'
import { decodeBackup, encodeBackup } from '@core/io/backup'
import { COLLECTION_NAMES, type CollectionName, type Database } from '../collections'
import {
  readBackupData,
  snapshotStored,
  storedFromBackup,
  type StoredSnapshot,
} from './storage-map'

export interface BackupOptions {
  appVersion: string
  now?: () => string
}

/**
 * The backup file's text for everything in the database.
 *
 * @example
 * const text = await createBackup(db, { appVersion: '0.1.0' })
 */
export async function createBackup(db: Database, options: BackupOptions): Promise<string> {
  const data = await readBackupData(db)
  return encodeBackup(data, {
    createdAt: (options.now ?? (() => new Date().toISOString()))(),
    appVersion: options.appVersion,
  })
}

/** Writes one collection's documents; replaceable in tests to inject a failure part-way through. */
export type CollectionWriter = (
  collection: RxCollection<object>,
  name: CollectionName,
  docs: readonly object[],
) => Promise<void>

export type RestoreResult =
  | { ok: true; counts: Record<string, number>; createdAt: string }
  /** `unchanged`: the database is exactly as before (refused file, or a failed restore rolled back). */
  | { ok: false; reason: string; unchanged: boolean }

/**
 * Makes a collection hold exactly `docs`: removes the documents not among them, upserts the rest. Throws on the
 * first document RxDB reports as not written.
 */
export const replaceCollection: CollectionWriter = async (collection, _name, docs) => {
  const keep = new Set(docs.map((d) => (d as { id: string }).id))
  const existing = await collection.find().exec()
  const gone = existing.filter((d) => !keep.has(d.primary)).map((d) => d.primary)
  if (gone.length > 0) {
    const removed = await collection.bulkRemove(gone)
    if (removed.error.length > 0) throw writeError(collection.name, removed.error)
  }
  if (docs.length === 0) return
  const written = await collection.bulkUpsert(docs.map((d) => ({ ...d })))
  if (written.error.length > 0) throw writeError(collection.name, written.error)
}

function writeError(name: string, errors: readonly { documentId: string; status: number }[]) {
  const first = errors[0]
  return new Error(
    `${errors.length} ${name} could not be written (first: ${first?.documentId ?? '?'}, status ${first?.status ?? '?'}).`,
  )
}

async function writeAll(db: Database, stored: StoredSnapshot, write: CollectionWriter) {
  for (const name of COLLECTION_NAMES)
    await write(db[name] as RxCollection<object>, name, stored[name])
}

/**
 * Restores a backup file, replacing everything in the database, or changes nothing and says why.
 *
 * @param text - the file's text
 * @param options - `write` replaces the collection writer, for the restore and its rollback (tests inject
 *   failures with it)
 */
export async function restoreBackup(
  db: Database,
  text: string,
  options: { write?: CollectionWriter } = {},
): Promise<RestoreResult> {
  const decoded = await decodeBackup(text)
  if (!decoded.ok) return { ok: false, reason: decoded.reason, unchanged: true }
  const target = storedFromBackup(decoded.backup.data)
  const before = await snapshotStored(db)
  const write = options.write ?? replaceCollection
  try {
    await writeAll(db, target, write)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    try {
      await writeAll(db, before, write)
    } catch (again) {
      const how = again instanceof Error ? again.message : String(again)
      return {
        ok: false,
        unchanged: false,
        reason: `The restore failed (${why}) and the previous data could not be put back (${how}). Restore this backup again, or another one.`,
      }
    }
    return {
      ok: false,
      unchanged: true,
      reason: `The restore failed and nothing was changed: ${why}`,
    }
  }
  return { ok: true, counts: decoded.backup.counts, createdAt: decoded.backup.createdAt }
}
