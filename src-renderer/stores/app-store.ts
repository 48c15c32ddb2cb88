import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { AppInfo } from '../../src-core/ipc/contract'
import { setMigrationBackupWriter } from '../data'
import { getPlatform } from '../platform'
import { useDataIoStore } from './data-io-store'
import { migrationBackupToMain } from './migration-backup-writer'
import { useOutboxStore } from './outbox-store'
import { useSyncStore } from './sync-store'

/** What the app knows about itself (About dialog) and the platform it runs on. */
export const useAppStore = defineStore('app', () => {
  const platform = getPlatform()
  const info = shallowRef<AppInfo | null>(null)
  const error = ref<string | null>(null)
  const aboutOpen = ref(false)

  async function loadInfo(): Promise<void> {
    try {
      info.value = await platform.appInfo()
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  async function openAbout(): Promise<void> {
    aboutOpen.value = true
    if (!info.value) await loadInfo()
  }

  platform.on('menu:about', () => void openAbout())

  /**
   * Desktop: the backup taken before a schema migration also goes to main's backup folder. Call before the
   * database is first opened (App's setup runs before any page's).
   */
  function installMigrationBackup(): void {
    if (platform.kind === 'desktop') setMigrationBackupWriter(migrationBackupToMain(platform))
  }

  let started = false
  /**
   * The desktop's background work, for the main window only (a hidden print window runs the same page and
   * must not write backups or invoices): answers `backup:due`, records each mail's state on its invoice, and
   * keeps main told how many changes wait to be sent, so it asks before the window closes.
   */
  function startBackgroundServices(): void {
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

  return {
    platformKind: platform.kind,
    info,
    error,
    aboutOpen,
    loadInfo,
    openAbout,
    installMigrationBackup,
    startBackgroundServices,
  }
})
