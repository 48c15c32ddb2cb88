/**
 * When to ask the renderer for a backup: at start and every hour, main checks whether one is due (a day since
 * the last, or the first start of a new app version) and sends `backup:due`; the renderer, which owns the
 * database, answers with `backup:write`. The pre-migration backup needs no prompt: the renderer writes it itself
 * before it migrates.
 */
import type { BackupEntry, BackupStatus } from '@core/ipc/desktop-services'
import type { BackupService } from './backups'
import type { SettingsStore } from './settings'

export interface BackupScheduler {
  start(): Promise<void>
  status(): Promise<BackupStatus>
  /** Records a written backup; a pre-update backup settles the update. */
  written(entry: BackupEntry): Promise<void>
  stop(): void
}

export function createBackupScheduler(options: {
  backups: BackupService
  settings: SettingsStore
  appVersion: string
  /** Tells the renderer a backup is due (`backup:due`). */
  notify: () => void
  intervalMs?: number
  log?: (message: string, detail?: unknown) => void
}): BackupScheduler {
  const { backups, settings, appVersion } = options
  const log = options.log ?? ((message, detail) => console.error(message, detail))
  let timer: ReturnType<typeof setInterval> | undefined

  async function status(): Promise<BackupStatus> {
    return backups.status(appVersion, (await settings.read()).lastAppVersion)
  }

  async function check(): Promise<void> {
    try {
      if ((await status()).due) options.notify()
    } catch (e) {
      log('backup: could not check whether a backup is due', e)
    }
  }

  return {
    async start() {
      // The very first start has nothing to protect from an update yet.
      await settings.update((s) => (s.lastAppVersion ? s : { ...s, lastAppVersion: appVersion }))
      await check()
      timer = setInterval(() => void check(), options.intervalMs ?? 60 * 60 * 1000)
      timer.unref?.()
    },
    status,
    async written(entry) {
      if (entry.reason === 'pre-update')
        await settings.update((s) => ({ ...s, lastAppVersion: appVersion }))
    },
    stop() {
      clearInterval(timer)
    },
  }
}
