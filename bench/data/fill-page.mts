/**
 * Fills the app's own database (`APP_DATABASE_NAME`, on the origin the built app is served from) with the
 * data bench's company, for the Invoices list benchmark (bench/ui-list.bench-run.ts). Exposed as
 * `window.fill`.
 */
import { closeDatabase, insertDataset, openDatabase } from '../../src-renderer/data'
import { APP_DATABASE_NAME } from '../../src-renderer/app/database-provider'
import { BENCH_SIZES, benchDataset } from './bench-dataset.mjs'
import { conflictHandlerFor } from '../../src-renderer/sync/conflict-handler'
import { INVOICE_INDEX } from '../../src-renderer/data/repositories/document-list-index'
import {
  keptListIndex,
  type StartStats,
} from '../../src-renderer/data/repositories/list-index-keeper'

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

/** Every long task (over 50 ms) of this page while `during` runs, longest first. */
async function longTasks<T>(during: () => Promise<T>): Promise<{ value: T; longTasks: number[] }> {
  const seen: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.push(entry.duration)
  })
  observer.observe({ type: 'longtask' })
  const value = await during()
  // Entries are delivered after the task: one more turn of the event loop lets the last ones in.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  return { value, longTasks: seen.sort((a, b) => b - a) }
}

/**
 * The Invoices list's kept index at start, as the app builds it: `rebuild` drops its stored copy first (a store
 * filled while no list was open, or an update of the app), else it is restored from that copy. Answers the
 * keeper's figures and the page's long tasks meanwhile; the copy is stored before closing.
 */
async function buildIndex(
  rebuild: boolean,
): Promise<StartStats & { longTasks: number[]; persistMs: number }> {
  const db = await openDatabase({
    name: APP_DATABASE_NAME,
    multiInstance: true,
    conflictHandlerFor,
  })
  try {
    if (rebuild) await (await db.getLocal('list-index-invoices'))?.remove()
    const { value: stats, longTasks: tasks } = await longTasks(async () => {
      const kept = keptListIndex(db, INVOICE_INDEX)
      return kept.startStats
    })
    const at = performance.now()
    await keptListIndex(db, INVOICE_INDEX).persist()
    return { ...stats, longTasks: tasks, persistMs: performance.now() - at }
  } finally {
    await closeDatabase(db)
  }
}

const fill = { count, seed, buildIndex }

declare global {
  interface Window {
    fill: typeof fill
  }
}

window.fill = fill
