/**
 * Wires the desktop services (plain Node, `services/compose.ts`) to Electron: folders from `app.getPath`, the
 * safeStorage cipher, the system dialogs, the hidden print window, `shell.openPath`, events to the windows, and
 * the network coming back. Only the Electron binary runs this file; it makes no decisions of its own.
 */
import { app, BrowserWindow, net, powerMonitor, shell } from 'electron'
import { join } from 'node:path'
import { UserFacingError } from '../services/errors'
import { APP_ORIGIN } from '../security/policy'
import { composeDesktopServices, type DesktopServices } from '../services/compose'
import { electronDialogs } from './dialogs'
import { printWindowAdapters } from './print-window'
import { safeStorageCipher } from './safe-storage'

const ONLINE_POLL_MS = 30_000

export function electronDesktopServices(options: {
  preloadPath: string
  devServerUrl?: string
  onSyncServerChange?: (origin: string | null) => void
}): DesktopServices {
  const page = options.devServerUrl ?? `${APP_ORIGIN}/index.html`
  const { pdf, printing } = printWindowAdapters({
    preloadPath: options.preloadPath,
    ...(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {}),
    pageUrl: (hash) => `${page}${hash}`,
    anyContents: () => BrowserWindow.getAllWindows()[0]?.webContents,
  })
  const services = composeDesktopServices({
    // A folder of our own inside userData, apart from Chromium's files there.
    dataFolder: join(app.getPath('userData'), 'fieldbill'),
    // Outside the Chromium profile (userData): a reset or lost profile leaves the backups.
    backupFolder: join(app.getPath('documents'), 'Fieldbill Backups'),
    appVersion: app.getVersion(),
    cipher: safeStorageCipher(),
    dialogs: electronDialogs(),
    pdf,
    printing,
    async openPath(path) {
      const error = await shell.openPath(path)
      if (error) throw new UserFacingError(`The draft was saved but could not be opened: ${error}`)
    },
    notify(event) {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(event)
    },
    ...(options.onSyncServerChange ? { onSyncServerChange: options.onSyncServerChange } : {}),
  })

  // Mail waits with backoff while offline; the moment the network is back, try at once.
  let online = net.isOnline()
  const poll = setInterval(() => {
    const now = net.isOnline()
    if (now && !online) services.wake()
    online = now
  }, ONLINE_POLL_MS)
  powerMonitor.on('resume', () => services.wake())

  return {
    ...services,
    async close() {
      clearInterval(poll)
      await services.close()
    },
  }
}
