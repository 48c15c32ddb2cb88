/**
 * The desktop's composition root: what the app wires once at start beside the Vue app itself. It is the one
 * place that joins the platform bridge, the data layer and the background stores, so nothing that only shows
 * what the app knows about itself (the About dialog) pulls in the data layer.
 */
import { watch } from 'vue'
import { setMigrationBackupWriter } from '@renderer/data'
import { getPlatform } from '@renderer/platform'
import { useDataIoStore } from '@renderer/stores/data-io-store'
import { useOutboxStore } from '@renderer/stores/outbox-store'
import { useSyncStore } from '@renderer/stores/sync-store'
import { migrationBackupToMain } from './migration-backup-writer'

/**
 * Desktop: the backup taken before a schema migration also goes to main's backup folder. Call before the
 * database is first opened (App's setup runs before any page's).
 */
export function installMigrationBackup(): void {
  const platform = getPlatform()
  if (platform.kind === 'desktop') setMigrationBackupWriter(migrationBackupToMain(platform))
}

let started = false
/**
 * The desktop's background work, for the main window only (a hidden print window runs the same page and
 * must not write backups or invoices): answers `backup:due`, records each mail's state on its invoice, and
 * keeps main told how many changes wait to be sent, so it asks before the window closes.
 */
export function startBackgroundServices(): void {
  const platform = getPlatform()
  if (started || platform.kind !== 'desktop') return
  started = true
  useDataIoStore().startAutoBackup()
  useOutboxStore().startRecording()
  const sync = useSyncStore()
  void sync.init()
  watch(
    () => sync.pendingCount,
    (count) => void platform.reportUnsentChanges(count).catch(() => undefined),
    { immediate: true },
  )
}
