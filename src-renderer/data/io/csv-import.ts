/**
 * CSV import in two steps: `importCsv` reads and checks a file against the database and writes nothing (the
 * preview); `commitImport` writes the good records of a preview in one bulk operation. If RxDB reports any
 * record of that bulk write as failed, the records it did write are put back as they were (updated ones) or
 * removed (new ones): an import is all of its good rows or none.
 */
import type { RxCollection } from 'rxdb'
import type { Customer, PriceListItem, Product } from '@core/documents'
import { parseCsv } from '@core/io/csv'
import {
  importRows,
  type ImportContext,
  type ImportKind,
  type ImportRecord,
} from '@core/io/import-kinds'
import { importLookup, type ImportLookupRecords } from '@core/io/import-lookup'
import type { ImportError } from '@core/io/import-rows'
import type { Database } from '../collections'
import type { PriceChangeHandler } from '../repositories/catalog'
import type { RepositoryEnv } from '../repositories/env'
import { toCustomerDoc, toProductDoc, without } from '../stored'
import { readBackupData } from './storage-map'

/** What a file would import: nothing has been written yet. */
export interface ImportPreview<K extends ImportKind = ImportKind> {
  kind: K
  /** Data rows in the file (the header and blank lines not counted). */
  rows: number
  good: ImportRecord<K>[]
  /** Of the good records, how many replace an existing record with the same key. */
  updates: number
  errors: ImportError[]
}

export type CommitResult = { ok: true; written: number } | { ok: false; reason: string }

/** Only what the kind refers to is loaded: customers for a customer import, the catalog otherwise. */
async function lookupRecords(db: Database, kind: ImportKind): Promise<ImportLookupRecords> {
  // The catalog and the customers are thousands of records at most: reading them whole is fine here.
  const data = await readBackupData(db, kind === 'customers' ? ['customers'] : CATALOG)
  return kind === 'customers' ? { customers: data.customers } : data
}
const CATALOG = ['products', 'catalogrefs', 'pricelistitems'] as const

/**
 * Reads a CSV file of one kind and checks every row, writing nothing.
 *
 * @param env - the clock, the id source and the acting rep (owner of new customers)
 * @example
 * const preview = await importCsv(db, 'products', text, env)
 * preview.errors // [{ line: 7, column: 'listPrice', reason: '"12,5O" is not a number' }]
 */
export async function importCsv<K extends ImportKind>(
  db: Database,
  kind: K,
  text: string,
  env: Pick<RepositoryEnv, 'now' | 'newId' | 'actor'>,
): Promise<ImportPreview<K>> {
  const parsed = parseCsv(text)
  if (!parsed.ok)
    return {
      kind,
      rows: 0,
      good: [],
      updates: 0,
      errors: [{ line: parsed.line, reason: `The file cannot be read: ${parsed.reason}.` }],
    }
  const context: ImportContext = {
    now: env.now(),
    newId: env.newId,
    ownerId: env.actor.userId,
    lookup: importLookup(await lookupRecords(db, kind)),
  }
  const result = importRows(kind, parsed.rows, context)
  const rows = parsed.rows.slice(1).filter((r) => r.cells.some((c) => c.trim() !== '')).length
  return { kind, rows, ...result }
}

function target(
  db: Database,
  kind: ImportKind,
): { collection: RxCollection<object>; toDoc: (r: never) => object } {
  if (kind === 'customers')
    return {
      collection: db.customers as RxCollection<object>,
      toDoc: (r: Customer) => toCustomerDoc(r),
    }
  if (kind === 'products')
    return {
      collection: db.products as RxCollection<object>,
      toDoc: (r: Product) => toProductDoc(r),
    }
  return {
    collection: db.pricelistitems as RxCollection<object>,
    toDoc: (r: PriceListItem) => ({ ...r }),
  }
}

/** Writes the documents, or throws after undoing what the bulk write did manage to write. */
export async function writeOrUndo(collection: RxCollection<object>, docs: object[]): Promise<void> {
  const ids = docs.map((d) => (d as { id: string }).id)
  const previous = new Map(
    [...(await collection.findByIds(ids).exec()).values()].map((d) => [
      d.primary,
      without<object>(d.toJSON(), []),
    ]),
  )
  const result = await collection.bulkUpsert(docs)
  if (result.error.length === 0) return
  const written = result.success.map((d) => d.primary)
  await collection.bulkUpsert(written.flatMap((id) => previous.get(id) ?? []))
  await collection.bulkRemove(written.filter((id) => !previous.has(id)))
  const first = result.error[0]
  throw new Error(
    `${result.error.length} of ${docs.length} records could not be written (first: ${first?.documentId ?? '?'}).`,
  )
}

/**
 * Writes a preview's good records in one bulk operation; nothing at all when any of them fails.
 *
 * @param options - `onPriceChange` reprices unlocked documents after products or prices changed (the catalog
 *   repository's handler); `write` replaces the bulk writer (tests inject a failure with it)
 */
export async function commitImport(
  db: Database,
  preview: ImportPreview,
  options: {
    onPriceChange?: PriceChangeHandler
    write?: (collection: RxCollection<object>, docs: object[]) => Promise<void>
  } = {},
): Promise<CommitResult> {
  if (preview.good.length === 0) return { ok: false, reason: 'There are no good rows to import.' }
  const { collection, toDoc } = target(db, preview.kind)
  const docs = preview.good.map((r) => toDoc(r as never))
  try {
    await (options.write ?? writeOrUndo)(collection, docs)
  } catch (e) {
    return {
      ok: false,
      reason: `Nothing was imported: ${e instanceof Error ? e.message : String(e)}`,
    }
  }
  if (options.onPriceChange && preview.kind !== 'customers') {
    const records = preview.good as (Product | PriceListItem)[]
    const productIds = records.map((r) => ('productId' in r ? r.productId : r.id))
    await options.onPriceChange({ productIds: [...new Set(productIds)] })
  }
  return { ok: true, written: docs.length }
}
