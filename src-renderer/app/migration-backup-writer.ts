/**
 * The desktop's pre-migration backup: before a schema migration rewrites the stored documents, their copy is
 * kept in the database's local document (as in the browser) and also handed to main as a `pre-migration` file
 * in the backup folder, outside the Chromium profile. The file is best effort: the local copy already protects
 * the migration, so a full disk must not stop the app from opening.
 */
import {
  MIGRATION_BACKUP_DOC,
  type Database,
  type MigrationBackup,
  type MigrationBackupWriter,
} from '@renderer/data'
import type { DesktopServicesPlatform } from '@renderer/platform/desktop-services'

export function migrationBackupToMain(
  platform: Pick<DesktopServicesPlatform, 'writeBackup'>,
  log: (message: string, detail?: unknown) => void = (m, d) => console.error(m, d),
): MigrationBackupWriter {
  return async (backup: MigrationBackup, db: Database) => {
    const json = JSON.stringify(backup)
    await db.upsertLocal(MIGRATION_BACKUP_DOC, { json })
    try {
      await platform.writeBackup('pre-migration', new TextEncoder().encode(json))
    } catch (e) {
      log(
        'The pre-migration backup file could not be written; the copy in the database is kept.',
        e,
      )
    }
  }
}
