/**
 * Settings → Data: CSV import (preview, then all good rows or none), CSV export of invoices and payments,
 * backup to one file and restore from one. Files leave the app as browser downloads (a Blob link): in Electron
 * the download asks where to save, in the web build it goes to the downloads folder.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { importTemplate, templateFileName, type ImportKind } from '@core/io/import-columns'
import { formatImportError } from '@core/io/import-rows'
import { countOf } from '@renderer/format/plural'
import type { Repositories } from '@renderer/data'
import {
  commitImport,
  countStored,
  createBackup,
  exportInvoicesCsv,
  exportPaymentsCsv,
  importCsv,
  restoreBackup,
  type ImportPreview,
} from '@renderer/data/io'
import type { BackupEntry } from '@core/ipc/desktop-services'
import { getPlatform } from '@renderer/platform'
import { autoBackup } from '@renderer/app/auto-backup'
import { getRepositories } from '@renderer/app/database-provider'

export type { ImportKind }

/** A message for the rep after an action: what happened, and whether it went well. */
export interface ActionMessage {
  ok: boolean
  text: string
}

/** Each import's record, in the singular and the plural, for what the rep reads after an import. */
const KIND_NOUNS: Record<ImportKind, [string, string]> = {
  customers: ['customer', 'customers'],
  products: ['product', 'products'],
  priceListItems: ['price list item', 'price list items'],
}

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** Hands a Blob to the browser as a file download. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Chunks into one Blob, appended one at a time so the text never sits whole in the JS heap. */
async function blobOf(chunks: AsyncIterable<string>, type: string): Promise<Blob> {
  let blob = new Blob([], { type })
  for await (const chunk of chunks) blob = new Blob([blob, chunk], { type })
  return blob
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useDataIoStore = defineStore('data-io', () => {
  const preview = shallowRef<ImportPreview | null>(null)
  const importOutcome = ref<ActionMessage | null>(null)
  const exportOutcome = ref<ActionMessage | null>(null)
  const backupOutcome = ref<ActionMessage | null>(null)
  const restoreOutcome = ref<ActionMessage | null>(null)
  const counts = shallowRef<Record<string, number> | null>(null)
  const busy = ref(false)
  const platform = getPlatform()
  /** The newest automatic backup (daily or before an update) and main's backup folder; desktop only. */
  const lastAutoBackup = shallowRef<BackupEntry | null>(null)
  /** Every backup in main's folder, newest first, for a restore. */
  const automaticBackups = shallowRef<BackupEntry[]>([])
  const backupFolder = ref<string | null>(null)
  const autoBackupError = ref<string | null>(null)

  async function run<T>(task: (repos: Repositories) => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await task(await getRepositories())
    } finally {
      busy.value = false
    }
  }

  async function refreshCounts(): Promise<void> {
    counts.value = await run((repos) => countStored(repos.db))
  }

  /** Reads a CSV file and checks every row; writes nothing. */
  async function previewImport(kind: ImportKind, file: File): Promise<void> {
    importOutcome.value = null
    preview.value = null
    try {
      const text = await file.text()
      preview.value = await run((repos) => importCsv(repos.db, kind, text, repos.env))
    } catch (e) {
      importOutcome.value = { ok: false, text: `The file could not be read: ${message(e)}` }
    }
  }

  /** Writes the previewed good rows, all or none. */
  async function commitPreview(): Promise<void> {
    const current = preview.value
    if (!current) return
    const result = await run((repos) =>
      commitImport(repos.db, current, { onPriceChange: (change) => repos.reprice(change) }),
    )
    importOutcome.value = result.ok
      ? { ok: true, text: `Imported ${countOf(result.written, ...KIND_NOUNS[current.kind])}.` }
      : { ok: false, text: result.reason }
    if (result.ok) preview.value = null
    await refreshCounts()
  }

  /** Hands the rep an empty file of one import: its header row names every column the import reads. */
  function downloadTemplate(kind: ImportKind): void {
    download(
      new Blob([importTemplate(kind)], { type: 'text/csv;charset=utf-8' }),
      templateFileName(kind),
    )
  }

  function clearPreview(): void {
    preview.value = null
    importOutcome.value = null
  }

  async function exportCsv(what: 'invoices' | 'payments'): Promise<void> {
    exportOutcome.value = null
    try {
      const blob = await run((repos) =>
        blobOf(
          what === 'invoices' ? exportInvoicesCsv(repos.db) : exportPaymentsCsv(repos.db),
          'text/csv;charset=utf-8',
        ),
      )
      download(blob, `fieldbill-${what}-${today()}.csv`)
      exportOutcome.value = {
        ok: true,
        text: `Exported ${what} to fieldbill-${what}-${today()}.csv.`,
      }
    } catch (e) {
      exportOutcome.value = { ok: false, text: `The export failed: ${message(e)}` }
    }
  }

  async function backUpNow(): Promise<void> {
    backupOutcome.value = null
    try {
      const text = await run((repos) => createBackup(repos.db, { appVersion: __APP_VERSION__ }))
      const name = `fieldbill-backup-${today()}.json`
      download(new Blob([text], { type: 'application/json' }), name)
      backupOutcome.value = { ok: true, text: `Backed up to ${name}.` }
    } catch (e) {
      backupOutcome.value = { ok: false, text: `The backup failed: ${message(e)}` }
    }
  }

  /** Replaces all data with a backup file's, after checking the whole file; or changes nothing. */
  function restore(file: File): Promise<void> {
    return restoreFrom(() => file.text())
  }

  /** The same from one of main's automatic backups (desktop), by its name in the backup folder. */
  function restoreAutomatic(name: string): Promise<void> {
    return restoreFrom(async () => new TextDecoder().decode(await platform.readBackup(name)))
  }

  async function restoreFrom(read: () => Promise<string>): Promise<void> {
    restoreOutcome.value = null
    try {
      const text = await read()
      const result = await run((repos) => restoreBackup(repos.db, text))
      if (result.ok)
        restoreOutcome.value = { ok: true, text: `Restored the backup of ${result.createdAt}.` }
      else
        restoreOutcome.value = {
          ok: false,
          text: result.unchanged ? `${result.reason} Your data was not changed.` : result.reason,
        }
    } catch (e) {
      restoreOutcome.value = { ok: false, text: `The restore failed: ${message(e)}` }
    }
    await refreshCounts()
  }

  const answerBackupDue = autoBackup({
    platform,
    backupText: async () =>
      createBackup((await getRepositories()).db, { appVersion: __APP_VERSION__ }),
  })

  /** Reads the backup folder and the newest automatic backup from main (nothing in a browser). */
  async function refreshAutoBackup(): Promise<void> {
    try {
      const [status, entries] = await Promise.all([platform.backupStatus(), platform.listBackups()])
      backupFolder.value = status?.folder ?? null
      automaticBackups.value = entries
      lastAutoBackup.value =
        entries.find((e) => e.reason === 'daily' || e.reason === 'pre-update') ?? null
    } catch (e) {
      autoBackupError.value = `The backup folder could not be read: ${message(e)}`
    }
  }

  /** Writes the backup main says is due, if any; a failure is kept for the Data page, never thrown. */
  async function writeDueBackup(): Promise<void> {
    try {
      if (await answerBackupDue()) autoBackupError.value = null
    } catch (e) {
      autoBackupError.value = `The automatic backup failed: ${message(e)}`
    }
    await refreshAutoBackup()
  }

  let started = false
  /**
   * Answers every `backup:due` from now on, and checks once at once: main may have sent the event at start,
   * before this page was listening.
   */
  function startAutoBackup(): void {
    if (started || platform.kind !== 'desktop') return
    started = true
    platform.on('backup:due', () => void writeDueBackup())
    void writeDueBackup()
  }

  return {
    autoBackupAvailable: platform.kind === 'desktop',
    lastAutoBackup,
    automaticBackups,
    backupFolder,
    autoBackupError,
    refreshAutoBackup,
    writeDueBackup,
    startAutoBackup,
    preview,
    importOutcome,
    exportOutcome,
    backupOutcome,
    restoreOutcome,
    counts,
    busy,
    refreshCounts,
    previewImport,
    commitPreview,
    clearPreview,
    downloadTemplate,
    exportCsv,
    backUpNow,
    restore,
    restoreAutomatic,
    formatImportError,
  }
})
