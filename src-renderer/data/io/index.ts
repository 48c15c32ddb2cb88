/**
 * Import, export, backup and restore over an open database. Stores use this module; pages never do.
 *
 * @example
 * const preview = await importCsv(db, 'products', text, env) // nothing written
 * if (preview.good.length > 0) await commitImport(db, preview) // all good rows, or none
 * const file = await createBackup(db, { appVersion })
 * const restored = await restoreBackup(db, file) // checked whole before anything is replaced
 */
export {
  createBackup,
  restoreBackup,
  type BackupOptions,
  type CollectionWriter,
  type RestoreResult,
} from './backup'
export { collectCsv, exportInvoicesCsv, exportPaymentsCsv } from './csv-export'
export { commitImport, importCsv, type CommitResult, type ImportPreview } from './csv-import'
export { countStored, pagesOf, readBackupData } from './storage-map'
