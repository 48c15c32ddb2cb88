/**
 * Small per-device records kept as RxDB local documents: they never replicate (a device's numbering counter or
 * its unfinished writes mean nothing on another device) and do not count against the collection limit.
 */
import type { Database } from './collections'

/** The data of a local document, or undefined when there is none. */
export async function readLocal<T>(db: Database, id: string): Promise<T | undefined> {
  const doc = await db.getLocal<T>(id)
  if (!doc) return undefined
  return (doc.toJSON() as { data: T }).data
}

/** Replaces a local document's data in one atomic write. */
export async function writeLocal<T>(db: Database, id: string, data: T): Promise<void> {
  await db.upsertLocal<T>(id, data)
}

/**
 * Runs `task` after every task queued before it on the same key has finished: read-modify-write sequences on
 * one local document (a counter, a journal) never interleave within this page.
 */
export function serialized(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
