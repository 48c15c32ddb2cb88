import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RxDocumentData, RxStorage, RxStorageInstanceCreationParams } from 'rxdb'
import { now } from 'rxdb/plugins/utils'
import { customer } from '@core/documents/test-support/fixtures'
import { closeDatabase, openDatabase, type Database } from '@renderer/data/database'
import { toCustomerDoc } from '@renderer/data/stored'
import { conflictHandlerFor } from './conflict-handler'
import { guardedDexieStorage, replicationMetaInOneWindow } from './downstream-guard'

type Doc = RxDocumentData<Record<string, unknown>> & {
  _meta: { lwt: number; o?: { _rev: number } }
}

let db: Database
let n = 0
const DOWNSTREAM = 'replication-downstream-test'

beforeEach(async () => {
  db = await openDatabase({
    name: `downstream-guard-${++n}-${Date.now()}`,
    conflictHandlerFor,
    storage: guardedDexieStorage(),
  })
  await db.customers.insert(toCustomerDoc(customer))
})
afterEach(async () => {
  await closeDatabase(db)
})

const instance = () =>
  db.customers.storageInstance as unknown as {
    bulkWrite(
      rows: Array<{ previous?: Doc; document: Doc }>,
      context: string,
    ): Promise<{ error: Array<{ status: number }> }>
    findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc[]>
  }

async function stored(): Promise<Doc> {
  const [doc] = await instance().findDocumentsById([customer.id], true)
  return doc!
}

/** A local write on top of `previous` (the way a repository's save lands in the storage). */
async function localWrite(previous: Doc, changes: Record<string, unknown>): Promise<void> {
  const height = Number(previous._rev.split('-')[0]) + 1
  const document = { ...previous, ...changes, _rev: `${height}-local`, _meta: { lwt: now() } }
  const result = await instance().bulkWrite([{ previous, document }], 'rx-document-save-data')
  expect(result.error).toEqual([])
}

/** The row RxDB's downstream prepares from the record it read: the server's state, marked as pulled. */
function pulled(read: Doc, name: string): { previous: Doc; document: Doc } {
  const height = Number(read._rev.split('-')[0]) + 1
  return {
    previous: read,
    document: {
      ...read,
      name,
      _rev: `${height}-hash`,
      _meta: { lwt: now(), o: { _rev: height, hash: 'hash' } },
    },
  }
}

describe('a pulled state meeting a local write', () => {
  it('is written on top of a local write that changed nothing on the wire', async () => {
    const read = await stored()
    await localWrite(read, {}) // saved unchanged between the downstream's read and its write
    const result = await instance().bulkWrite([pulled(read, 'Name on the server')], DOWNSTREAM)
    expect(result.error).toEqual([])
    const after = await stored()
    expect(after.name).toBe('Name on the server')
    // The next revision, still marked as written by the replication (else later pulls would skip it).
    expect(after._rev).toMatch(/^3-/)
    expect(after._meta.o?._rev).toBe(3)
  })

  it('keeps the 409 when the local write changed the record: the local change is pushed and merged', async () => {
    const read = await stored()
    await localWrite(read, { name: 'Typed offline' })
    const result = await instance().bulkWrite([pulled(read, 'Name on the server')], DOWNSTREAM)
    expect(result.error.map((e) => e.status)).toEqual([409])
    expect((await stored()).name).toBe('Typed offline')
  })

  it('leaves writes other than the downstream alone', async () => {
    const read = await stored()
    await localWrite(read, {})
    const result = await instance().bulkWrite(
      [pulled(read, 'Another write')],
      'rx-document-save-data',
    )
    expect(result.error.map((e) => e.status)).toEqual([409])
    expect((await stored()).name).toBe(customer.name)
  })
})

describe("the replications' bookkeeping", () => {
  it('is kept to the window that writes it; the records are still shared with other windows', async () => {
    const asked: Array<{ collectionName: string; multiInstance: boolean }> = []
    const storage = {
      name: 'recording',
      rxdbVersion: '0',
      createStorageInstance: (params: RxStorageInstanceCreationParams<unknown, unknown>) => {
        asked.push({ collectionName: params.collectionName, multiInstance: params.multiInstance })
        return Promise.resolve({} as never)
      },
    } as unknown as RxStorage<unknown, unknown>
    const wrapped = replicationMetaInOneWindow(storage)
    const params = (collectionName: string) =>
      ({ collectionName, multiInstance: true }) as RxStorageInstanceCreationParams<unknown, unknown>
    await wrapped.createStorageInstance(params('invoices'))
    await wrapped.createStorageInstance(params('rx-replication-meta-4f2a'))
    expect(asked).toEqual([
      { collectionName: 'invoices', multiInstance: true },
      { collectionName: 'rx-replication-meta-4f2a', multiInstance: false },
    ])
  })
})
