import 'fake-indexeddb/auto'
import { defaultConflictHandler } from 'rxdb'
import { afterEach, describe, expect, it } from 'vitest'
import {
  closeDatabase,
  COLLECTION_NAMES,
  openDatabase,
  type Database,
} from '@renderer/data/database'
import { toInvoiceDoc } from '@renderer/data/stored'
import { conflictHandlerFor } from './conflict-handler'
import { customerOf, newInvoice, run } from './test-support/documents'
import { guardedDexieStorage } from './downstream-guard'

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

describe('conflict handler wiring', () => {
  it("gives every collection of the app's database the src-core merge, never RxDB's default", async () => {
    db = await openDatabase({
      name: `conflicts-${Date.now()}`,
      conflictHandlerFor,
      storage: guardedDexieStorage(),
    })
    for (const name of COLLECTION_NAMES) {
      expect(db[name].conflictHandler).toBe(conflictHandlerFor(name))
      expect(db[name].conflictHandler).not.toBe(defaultConflictHandler)
    }
  })
})

describe('conflict handler', () => {
  const base = newInvoice('I-5', 'INV-00005-AAAAAA', customerOf('C5', 'rep1'))
  const at = (h: number) => `2025-03-02T${String(h).padStart(2, '0')}:00:00.000Z`
  const local = run(base, { type: 'editHeader', changes: { name: 'Local' } }, 'rep1', at(10))
  const remote = run(
    base,
    { type: 'editLine', lineId: 'I-5-L1', changes: { quantity: '3' } },
    'rep1',
    at(11),
  )

  it('compares the wire forms: derived fields and bookkeeping do not make a conflict', () => {
    const handler = conflictHandlerFor('invoices')
    const stored = { ...toInvoiceDoc(base, []), _deleted: false, _rev: '3-x' }
    expect(handler.isEqual(stored, { ...base, _deleted: false }, 'test')).toBe(true)
    expect(handler.isEqual(stored, { ...local.document, _deleted: false }, 'test')).toBe(false)
  })

  it('merges three ways and derives the balance from what the local invoice had been paid', async () => {
    const handler = conflictHandlerFor('invoices')
    // The local balance (36.50 total) says 6.00 had been paid on this device.
    const localDoc = toInvoiceDoc(local.document, [])
    const paidLocal = { ...localDoc, balanceDue: '30.50', _deleted: false }
    const resolved = (await handler.resolve(
      {
        assumedMasterState: { ...base, _deleted: false },
        newDocumentState: paidLocal,
        realMasterState: { ...remote.document, _deleted: false },
      },
      'test',
    )) as Record<string, unknown>
    expect(resolved.name).toBe('Local')
    expect((resolved.lines as Array<{ quantity: string }>)[0]?.quantity).toBe('3')
    // 3 × 11.50 + 2 × 12.50 = 59.50, minus the 6.00 paid.
    expect((resolved.totals as { totalAmount: string }).totalAmount).toBe('59.50')
    expect(resolved.balanceDue).toBe('53.50')
  })

  it('keeps an edit over a deletion made on the other side', async () => {
    const handler = conflictHandlerFor('invoices')
    const resolved = await handler.resolve(
      {
        assumedMasterState: { ...base, _deleted: false },
        newDocumentState: { ...toInvoiceDoc(local.document, []), _deleted: false },
        realMasterState: { ...base, _deleted: true },
      },
      'test',
    )
    expect(resolved._deleted).toBe(false)
    expect((resolved as unknown as { name: string }).name).toBe('Local')
  })
})
