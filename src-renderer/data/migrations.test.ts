import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { RxCollection } from 'rxdb'
import { balanceDue, invoiceSchema, orderSchema, type Payment } from '../../src-core/documents'
import { closeDatabase, openDatabase, type Database } from './database'
import { COLLECTION_NAMES } from './collections'
import { setMigrationBackupWriter, type MigrationBackup } from './migration-backup'
import { openV0Database, type V0Fixture } from './fixtures/v0-database'
import fixtureJson from './fixtures/v0-database.json'
import { dateAmountDescKey, decimalSortKey, newestFirstKey, NO_DATE_KEY } from './sort-keys'
import { uniqueName } from './test-support/test-db'
import {
  fromInvoiceDoc,
  fromOrderDoc,
  INVOICE_DERIVED_FIELDS,
  ORDER_DERIVED_FIELDS,
  toInvoiceDoc,
  toOrderDoc,
  without,
} from './stored'

const fixture = fixtureJson as unknown as V0Fixture

let db: Database | undefined
afterEach(async () => {
  if (db) await closeDatabase(db)
  db = undefined
})

/** Writes the fixture into a fresh database through the v0 schemas, as release 1 would have stored it. */
async function writeV0(name: string): Promise<void> {
  const old = await openV0Database(name)
  for (const collection of COLLECTION_NAMES) {
    const docs = fixture[collection].map((d) => without(d, []))
    await (old.collections[collection] as RxCollection<object>).bulkInsert(docs)
  }
  await old.close()
}

const V2_FIELDS = ['createdAtDescKey', 'dueDescKey', 'deliveryDescKey']
/** A v1 invoice stores this balance, whatever the payments say: v2 must keep it, not recompute it. */
const V1_BALANCE = '12.34'

/** Writes the fixture as the v1 schemas stored it: the v1 derived keys, none of v2's. */
async function writeV1(name: string): Promise<void> {
  const old = await openV0Database(name, 1)
  const payments = fixture.payments.map((p) => without<Payment>(p, []))
  for (const collection of COLLECTION_NAMES) {
    let docs: object[] = fixture[collection].map((d) => without(d, []))
    if (collection === 'orders') docs = docs.map((d) => toOrderDoc(fromOrderDoc(d)))
    if (collection === 'invoices')
      docs = docs.map((d) => ({
        ...toInvoiceDoc(fromInvoiceDoc(d), payments),
        balanceDue: V1_BALANCE,
        balanceKey: decimalSortKey(V1_BALANCE),
      }))
    docs = docs.map((d) => without(d, V2_FIELDS))
    await (old.collections[collection] as RxCollection<object>).bulkInsert(docs)
  }
  await old.close()
}

describe('migration from schema v0', () => {
  it('keeps every document with all its fields and adds the derived keys', async () => {
    const name = uniqueName('v0')
    await writeV0(name)
    const backups: MigrationBackup[] = []
    const restore = setMigrationBackupWriter(async (backup, opened) => {
      // The backup is taken before anything migrates: the new invoices collection is still empty.
      expect(await opened.invoices.count().exec()).toBe(0)
      backups.push(backup)
    })
    try {
      db = await openDatabase({ name })
    } finally {
      restore()
    }
    expect(backups).toHaveLength(1)
    expect(backups[0]?.collections.invoices?.schemaVersion).toBe(0)
    expect(backups[0]?.collections.invoices?.documents).toHaveLength(fixture.invoices.length)
    expect(backups[0]?.collections.customers?.documents).toHaveLength(fixture.customers.length)

    const payments = fixture.payments.map((p) => without<Payment>(p, []))
    for (const collection of COLLECTION_NAMES) {
      const stored = await (db[collection] as RxCollection<object>).find().exec()
      expect(stored.length, collection).toBe(fixture[collection].length)
      const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
      for (const old of fixture[collection]) {
        const before = without<Record<string, unknown>>(old, [])
        const after = byId.get(before.id as string)
        // Every v0 field is still there with its value.
        expect(
          after && without(after, [...INVOICE_DERIVED_FIELDS, ...ORDER_DERIVED_FIELDS]),
        ).toEqual(before)
      }
    }
    for (const doc of await db.invoices.find().exec()) {
      const invoice = without<Parameters<typeof balanceDue>[0]>(
        doc.toJSON(),
        INVOICE_DERIVED_FIELDS,
      )
      expect(invoiceSchema.safeParse(invoice).ok).toBe(true)
      expect(doc.balanceDue).toBe(balanceDue(invoice, payments))
      expect(doc.balanceKey).toBe(decimalSortKey(doc.balanceDue))
      expect(doc.dueDateKey).toBe(invoice.dueDate ?? NO_DATE_KEY)
      expect(doc.createdAtDescKey).toBe(newestFirstKey(invoice.createdAt))
      expect(doc.dueDescKey).toBe(dateAmountDescKey(doc.dueDateKey, doc.balanceKey))
    }
    for (const doc of await db.orders.find().exec()) {
      expect(orderSchema.safeParse(without(doc.toJSON(), ORDER_DERIVED_FIELDS)).ok).toBe(true)
      expect(doc.totalKey).toBe(decimalSortKey(doc.totals.totalAmount))
      expect(doc.createdAtDescKey).toBe(newestFirstKey(doc.createdAt))
      expect(doc.deliveryDescKey).toBe(dateAmountDescKey(doc.deliveryDateKey, doc.totalKey))
    }
  })

  it('from v1 adds the descending keys, keeps every v1 field and the stored balance', async () => {
    const name = uniqueName('v1')
    await writeV1(name)
    const backups: MigrationBackup[] = []
    const restore = setMigrationBackupWriter(async (backup) => {
      backups.push(backup)
      return Promise.resolve()
    })
    try {
      db = await openDatabase({ name })
    } finally {
      restore()
    }
    expect(backups[0]?.collections.invoices?.schemaVersion).toBe(1)
    const v1Invoices = backups[0]?.collections.invoices?.documents as Record<string, unknown>[]
    const stored = await db.invoices.find().exec()
    expect(stored).toHaveLength(fixture.invoices.length)
    const byId = new Map(stored.map((d) => [d.id, d.toJSON() as Record<string, unknown>]))
    for (const before of v1Invoices) {
      const after = byId.get(before.id as string)
      expect(after && without(after, V2_FIELDS)).toEqual(without(before, []))
    }
    for (const doc of stored) {
      expect(doc.balanceDue).toBe(V1_BALANCE)
      expect(doc.createdAtDescKey).toBe(newestFirstKey(doc.createdAt))
      expect(doc.dueDescKey).toBe(dateAmountDescKey(doc.dueDateKey, decimalSortKey(V1_BALANCE)))
    }
    const orders = await db.orders.find().exec()
    expect(orders).toHaveLength(fixture.orders.length)
    for (const doc of orders) {
      expect(doc.createdAtDescKey).toBe(newestFirstKey(doc.createdAt))
      expect(doc.deliveryDescKey).toBe(dateAmountDescKey(doc.deliveryDateKey, doc.totalKey))
    }
  })

  it('takes no backup when nothing needs migrating', async () => {
    const name = uniqueName('v1')
    let calls = 0
    const restore = setMigrationBackupWriter(() => {
      calls++
      return Promise.resolve()
    })
    try {
      db = await openDatabase({ name })
      await closeDatabase(db)
      db = await openDatabase({ name })
    } finally {
      restore()
    }
    expect(calls).toBe(0)
  })

  it('migrates nothing when the backup cannot be written', async () => {
    const name = uniqueName('v0')
    await writeV0(name)
    const restore = setMigrationBackupWriter(() => Promise.reject(new Error('disk full')))
    try {
      await expect(openDatabase({ name })).rejects.toThrow('disk full')
    } finally {
      restore()
    }
    // Still v0 on disk: a later open (with a working backup) migrates it.
    db = await openDatabase({ name })
    expect(await db.invoices.count().exec()).toBe(fixture.invoices.length)
  })
})
