/**
 * Fills the app's own database (`APP_DATABASE_NAME`, on the origin the built app is served from) with the
 * data bench's company, for the Invoices list benchmark (bench/ui-list.bench-run.ts). Exposed as
 * `window.fill`.
 */
import { closeDatabase, insertDataset, openDatabase } from '../../src-renderer/data'
import { APP_DATABASE_NAME } from '../../src-renderer/app/database-provider'
import { BENCH_SIZES, benchDataset } from './bench-dataset.mjs'
import { conflictHandlerFor } from '../../src-renderer/sync/conflict-handler'

/** How many invoices the app's database holds (0 when it is new). */
async function count(): Promise<number> {
  const db = await openDatabase({
    name: APP_DATABASE_NAME,
    multiInstance: true,
    conflictHandlerFor,
  })
  try {
    return await db.invoices.count().exec()
  } finally {
    await closeDatabase(db)
  }
}

/** Writes the dataset with `invoices` invoices into the app's (empty) database. */
async function seed(invoices: number): Promise<Record<string, number>> {
  const { data, stats } = benchDataset(20_251_127, { ...BENCH_SIZES, invoices })
  const db = await openDatabase({
    name: APP_DATABASE_NAME,
    multiInstance: true,
    conflictHandlerFor,
  })
  const start = performance.now()
  try {
    await insertDataset(db, data, { validate: false, chunkSize: 2000 })
  } finally {
    await closeDatabase(db)
  }
  return { ...stats, insertMs: Math.round(performance.now() - start) }
}

const fill = { count, seed }

declare global {
  interface Window {
    fill: typeof fill
  }
}

window.fill = fill
