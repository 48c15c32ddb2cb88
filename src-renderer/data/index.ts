/**
 * The local store: open a database, get its repositories. Everything outside data/ (stores, the sync client,
 * import/export, benchmarks) uses this module, never RxDB directly.
 *
 * @example
 * const db = await openDatabase({ name: 'fieldbill' })
 * const repos = createRepositories(db)
 * const page = await repos.invoices.page({ page: 0, pageSize: 50, filter: { state: 'active' }, sort: 'due' })
 * await closeDatabase(db)
 */
export {
  closeDatabase,
  COLLECTION_NAMES,
  dexieStorage,
  openDatabase,
  type CollectionName,
  type Collections,
  type ConflictHandlerFor,
  type Database,
  type OpenDatabaseOptions,
} from './database'
export {
  MIGRATION_BACKUP_DOC,
  migrationBackupBlob,
  setMigrationBackupWriter,
  type MigrationBackup,
  type MigrationBackupWriter,
} from './migration-backup'
export * from './repositories'
export type * from './stored-types'
export { decimalSortKey, nameKey } from './sort-keys'
export {
  generateDataset,
  SAMPLE_COMPANY_SIZES,
  type Dataset,
  type DatasetOptions,
  type DatasetSizes,
} from './sample/dataset'
export {
  DatabaseNotEmptyError,
  insertDataset,
  loadSampleCompany,
  sampleLoadInterrupted,
  sampleStatus,
  type InsertOptions,
  type LoadProgress,
} from './sample/load'
