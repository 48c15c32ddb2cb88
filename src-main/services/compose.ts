/**
 * Builds every desktop service over the data and backup folders and returns their IPC handlers. `index.ts`
 * calls this with the Electron adapters; the tests call it with fakes for those and real everything else, so
 * the wiring itself is tested too.
 */
import { join } from 'node:path'
import type { Handlers } from '../ipc-router'
import { createBackupScheduler } from './backup-scheduler'
import { createBackupService } from './backups'
import type { BackoffPolicy } from './backoff'
import {
  createDesktopHandlers,
  type Dialogs,
  type PdfRenderer,
  type Printing,
} from './desktop-handlers'
import { createFileService } from './files'
import { createOutbox } from './outbox'
import { createPdfFiles } from './pdf-files'
import { createSecretStore, type SecretCipher } from './secrets'
import { createSettingsStore } from './settings'
import { smtpTransport } from './smtp-transport'
import { createSyncSession } from './sync-session'

export interface ComposeOptions {
  /** Main's folder inside the app's user data: settings, secrets, outbox, PDFs for email, drafts. */
  dataFolder: string
  /** Outside the Chromium profile, so a lost profile does not take the backups with it. */
  backupFolder: string
  appVersion: string
  cipher: SecretCipher
  dialogs: Dialogs
  pdf: PdfRenderer
  printing: Printing
  openPath: (path: string) => Promise<void>
  /** Forwards a payload-free event to the renderer. */
  notify: (event: 'mail:outbox-changed' | 'backup:due') => void
  /** Told the sync server's origin whenever a session is kept (its origin) or forgotten (null). */
  onSyncServerChange?: (origin: string | null) => void
  backoff?: Partial<BackoffPolicy>
  log?: (message: string, detail?: unknown) => void
}

export interface DesktopServices {
  handlers: Handlers
  /** The origin of the kept sync session's server, or null: what the page may connect to besides itself. */
  syncServerOrigin(): Promise<string | null>
  /** Loads the outbox (and starts sending) and the backup schedule. */
  start(): Promise<void>
  /** Call when the network may be back: waiting mail is tried now. */
  wake(): void
  close(): Promise<void>
}

export function composeDesktopServices(options: ComposeOptions): DesktopServices {
  const { dataFolder } = options
  const files = createFileService({ roots: [dataFolder, options.backupFolder] })
  const settings = createSettingsStore({ dataFolder, files })
  const secrets = createSecretStore({ dataFolder, files, cipher: options.cipher })
  const syncSession = createSyncSession({
    secrets,
    ...(options.onSyncServerChange ? { onServerChange: options.onSyncServerChange } : {}),
  })
  const outbox = createOutbox({
    folder: join(dataFolder, 'outbox'),
    files,
    transport: smtpTransport(async () => {
      const smtp = (await settings.read()).smtp
      const password = smtp ? await secrets.get('smtp-password') : null
      return smtp && password !== null ? { settings: smtp, password } : null
    }),
    fromAddress: async () => (await settings.read()).smtp?.fromAddress,
    onChange: () => options.notify('mail:outbox-changed'),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  const backups = createBackupService({ folder: options.backupFolder, files })
  const scheduler = createBackupScheduler({
    backups,
    settings,
    appVersion: options.appVersion,
    notify: () => options.notify('backup:due'),
    ...(options.log ? { log: options.log } : {}),
  })
  const handlers = createDesktopHandlers({
    dataFolder,
    files,
    settings,
    secrets,
    syncSession,
    outbox,
    pdfFiles: createPdfFiles({ dataFolder, files }),
    backups,
    scheduler,
    dialogs: options.dialogs,
    pdf: options.pdf,
    printing: options.printing,
    openPath: options.openPath,
  })
  return {
    handlers,
    syncServerOrigin: () => syncSession.serverOrigin(),
    async start() {
      await outbox.start()
      await scheduler.start()
    },
    wake: () => outbox.wake(),
    async close() {
      scheduler.stop()
      await outbox.close()
    },
  }
}
