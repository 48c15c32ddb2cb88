/**
 * Reads a collection's stored records in the order of their last write, a slice at a time, straight from the
 * Dexie table under RxDB (through the `[_meta.lwt+id]` index RxDB's Dexie storage keeps for this): each slice is
 * one key range read, so a whole store is read in linear time. RxDB's `getChangedDocumentsSince` asks the same
 * with an `$or` selector that the Dexie storage answers by walking the index from its start on every call, so
 * reading 50,000 records that way takes minutes. Any other storage (the memory storage of some tests) is read
 * through `getChangedDocumentsSince`.
 */
import type { RxCollection, RxDocumentData, RxStorageDefaultCheckpoint } from 'rxdb'
import { getChangedDocumentsSince } from 'rxdb'

export type Checkpoint = RxStorageDefaultCheckpoint

/** What a scan needs of a Dexie table (the Dexie storage's `docs` table). */
interface DexieTable {
  orderBy(index: string): { limit(n: number): { toArray(): Promise<unknown[]> } }
  where(index: string): {
    above(key: unknown): { limit(n: number): { toArray(): Promise<unknown[]> } }
  }
}

interface DexieState {
  dexieTable: DexieTable
  booleanIndexes: string[]
}

const LWT_INDEX = '[_meta.lwt+id]'

/**
 * The Dexie state of a collection's storage instance, or undefined when it is not the Dexie storage. RxDB wraps
 * the storage instance of a collection (`originalStorageInstance`); the Dexie one holds its tables in
 * `internals`.
 */
async function dexieState(collection: RxCollection): Promise<DexieState | undefined> {
  const wrapped = collection.storageInstance as unknown as {
    originalStorageInstance?: { internals?: Promise<DexieState> }
    internals?: Promise<DexieState>
  }
  const internals = (wrapped.originalStorageInstance ?? wrapped).internals
  if (!internals || typeof (internals as { then?: unknown }).then !== 'function') return undefined
  const state = await internals
  return state && typeof state.dexieTable?.where === 'function' ? state : undefined
}

type Row = Record<string, unknown> & { id: string; _meta: { lwt: number } }

/** One slice of a scan: the records and the checkpoint after the last of them. */
export interface ScanSlice {
  documents: Array<RxDocumentData<unknown>>
  checkpoint: Checkpoint | null
}

export interface StoreScan {
  /** Whether the scan reads the Dexie table directly (else through RxDB's storage query). */
  readonly direct: boolean
  /** The next `limit` records written after `checkpoint` (all of them from null), oldest write first. */
  next(checkpoint: Checkpoint | null, limit: number): Promise<ScanSlice>
}

/** A scanner over the collection's store. */
export async function storeScan(collection: RxCollection): Promise<StoreScan> {
  const state = await dexieState(collection).catch(() => undefined)
  if (!state) {
    return {
      direct: false,
      async next(checkpoint, limit) {
        const { documents, checkpoint: cp } = await getChangedDocumentsSince<unknown, Checkpoint>(
          collection.storageInstance,
          limit,
          checkpoint ?? undefined,
        )
        return { documents, checkpoint: cp ?? checkpoint }
      },
    }
  }
  const { dexieTable, booleanIndexes } = state
  return {
    direct: true,
    async next(checkpoint, limit) {
      const rows = (await (
        checkpoint
          ? dexieTable.where(LWT_INDEX).above([checkpoint.lwt, checkpoint.id])
          : dexieTable.orderBy(LWT_INDEX)
      )
        .limit(limit)
        .toArray()) as Row[]
      // IndexedDB cannot index booleans: the Dexie storage keeps boolean index fields (`_deleted`) as '1' / '0'.
      for (const row of rows)
        for (const field of booleanIndexes) {
          if (!field.includes('.')) row[field] = row[field] === '1' || row[field] === true
        }
      const last = rows.at(-1)
      return {
        documents: rows as unknown as Array<RxDocumentData<unknown>>,
        checkpoint: last ? { id: last.id, lwt: last._meta.lwt } : checkpoint,
      }
    },
  }
}
