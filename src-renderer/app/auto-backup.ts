/**
 * The renderer's answer to main's `backup:due`: main keeps the backup files (folder, names, the last N of each
 * kind) but cannot read the database, so when a backup is due it asks, and the renderer writes the whole local
 * store in the format of Settings > Data > Back up now through `backup:write`.
 */
import type { BackupEntry } from '@core/ipc/desktop-services'
import type { DesktopServicesPlatform } from '@renderer/platform/desktop-services'

export interface AutoBackupDeps {
  platform: Pick<DesktopServicesPlatform, 'backupStatus' | 'writeBackup'>
  /** The backup file's text for the whole local store (`createBackup`). */
  backupText: () => Promise<string>
}

/** The backup written, or null when none was due (or the platform keeps no backups, as in a browser). */
export type AutoBackupRun = () => Promise<BackupEntry | null>

/**
 * Returns the function that answers one `backup:due`. Asks main which backup is due first (the event carries
 * nothing, and a second window or a repeated event must not write twice): a run while one is under way joins it.
 *
 * @example
 * const run = autoBackup({ platform, backupText: () => createBackup(db, { appVersion }) })
 * platform.on('backup:due', () => void run())
 */
export function autoBackup(deps: AutoBackupDeps): AutoBackupRun {
  let running: Promise<BackupEntry | null> | null = null

  async function once(): Promise<BackupEntry | null> {
    const status = await deps.platform.backupStatus()
    if (!status?.due) return null
    const data = new TextEncoder().encode(await deps.backupText())
    return deps.platform.writeBackup(status.due, data)
  }

  return () => {
    running ??= once().finally(() => {
      running = null
    })
    return running
  }
}
