import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { RxCollection } from 'rxdb'
import {
  balanceDue,
  companySettingsSchema,
  EMPTY_CATALOG,
  invoiceSchema,
  priceLines,
  orderSchema,
  paymentSchema,
  type Payment,
} from '@core/documents'
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
  toInvoiceDocWithBalance,
  toOrderDoc,
  without,
} from './stored'
import { conflictHandlerFor } from '@renderer/sync/conflict-handler'

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

/** Opens (and so migrates) the database, keeping the migration backups it writes. */
async function openKeepingBackups(name: string) {
  const backups: MigrationBackup[] = []
  const restore = setMigrationBackupWriter(async (backup) => {
    backups.push(backup)
    return Promise.resolve()
  })
  try {
    return { opened: await openDatabase({ name, conflictHandlerFor }), backups }
  } finally {
    restore()
  }
}

/** Writes the fixture as the v2 schemas stored it: every derived key, none of v3's header fields. */
async function writeV2(name: string): Promise<void> {
  const old = await openV0Database(name, 2)
  for (const collection of COLLECTION_NAMES) {
    let docs: object[] = fixture[collection].map((d) => without(d, []))
    if (collection === 'orders') docs = docs.map((d) => toOrderDoc(fromOrderDoc(d)))
    if (collection === 'invoices')
      docs = docs.map((d) => toInvoiceDocWithBalance(fromInvoiceDoc(d), V1_BALANCE))
    await (old.collections[collection] as RxCollection<object>).bulkInsert(docs)
  }
  await old.close()
}

/** Writes the fixture as the v3 schemas stored it: every v3 field, none of VAT mode's. */
async function writeV3(name: string): Promise<void> {
  const old = await openV0Database(name, 3)
  for (const collection of COLLECTION_NAMES) {
    let docs: object[] = fixture[collection].map((d) => without(d, []))
    if (collection === 'orders') docs = docs.map((d) => toOrderDoc(fromOrderDoc(d)))
    if (collection === 'invoices')
      docs = docs.map((d) => toInvoiceDocWithBalance(fromInvoiceDoc(d), V1_BALANCE))
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
      db = await openDatabase({ name, conflictHandlerFor })
    } finally {
      restore()
    }
    expect(backups).toHaveLength(1)
    expect(backups[0]?.collections.invoices?.schemaVersion).toBe(0)
    expect(backups[0]?.collections.invoices?.documents).toHaveLength(fixture.invoices.length)
    expect(backups[0]?.collections.customers?.documents).toHaveLength(fixture.customers.length)

    // A v0 payment has no kind: it becomes a payment of the ledger.
    const payments = fixture.payments.map((p) => ({
      ...without<Payment>(p, []),
      kind: 'payment' as const,
    }))
    for (const collection of COLLECTION_NAMES) {
      const stored = await (db[collection] as RxCollection<object>).find().exec()
      expect(stored.length, collection).toBe(fixture[collection].length)
      const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
      for (const old of fixture[collection]) {
        const before = without<Record<string, unknown>>(old, [])
        const after = byId.get(before.id as string)
        // Every v0 field is still there with its value.
        expect(
          after &&
            without(after, [
              ...INVOICE_DERIVED_FIELDS,
              ...ORDER_DERIVED_FIELDS,
              ...(collection === 'payments' ? ['kind'] : []),
              ...(collection === 'orders' || collection === 'invoices' ? ['taxMode'] : []),
              ...(collection === 'opportunities' ? ['state'] : []),
            ]),
        ).toEqual(before)
        if (collection === 'opportunities') expect(after?.state).toBe('open')
        // Orders and invoices of before VAT mode were priced with typed tax, and say so.
        if (collection === 'orders' || collection === 'invoices')
          expect(after?.taxMode).toBe('typed')
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
    const ledger = await db.payments.find().exec()
    expect(ledger.length).toBeGreaterThan(0)
    for (const doc of ledger)
      expect(paymentSchema.parse(without(doc.toJSON(), []))).toMatchObject({ kind: 'payment' })
    expect(backups[0]?.collections.payments?.schemaVersion).toBe(0)
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
    const { opened, backups } = await openKeepingBackups(name)
    db = opened
    expect(backups[0]?.collections.invoices?.schemaVersion).toBe(1)
    const v1Invoices = backups[0]?.collections.invoices?.documents as Record<string, unknown>[]
    const stored = await db.invoices.find().exec()
    expect(stored).toHaveLength(fixture.invoices.length)
    const byId = new Map(stored.map((d) => [d.id, d.toJSON() as Record<string, unknown>]))
    for (const before of v1Invoices) {
      const after = byId.get(before.id as string)
      expect(after && without(after, [...V2_FIELDS, 'taxMode'])).toEqual(without(before, []))
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

  it('from v2 keeps every document as it was; the v3 header fields are then stored and read back', async () => {
    const name = uniqueName('v2')
    await writeV2(name)
    const { opened, backups } = await openKeepingBackups(name)
    db = opened
    expect(backups[0]?.collections.invoices?.schemaVersion).toBe(2)
    expect(backups[0]?.collections.orders?.schemaVersion).toBe(2)
    for (const collection of ['invoices', 'orders'] as const) {
      const v2Docs = backups[0]?.collections[collection]?.documents as Record<string, unknown>[]
      const stored = await (db[collection] as RxCollection<object>).find().exec()
      expect(stored, collection).toHaveLength(fixture[collection].length)
      const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
      for (const before of v2Docs)
        expect(byId.get(before.id as string)).toEqual({ ...without(before, []), taxMode: 'typed' })
    }

    const [first] = await db.invoices.find().exec()
    if (!first) throw new Error('the fixture has invoices')
    const invoice = {
      ...fromInvoiceDoc(first.toJSON()),
      invoiceDate: '2025-03-01',
      dateDelivered: '2025-02-27',
      paymentTerms: 'net45' as const,
      email: { state: 'sent' as const, to: 'ana@x.example', at: first.updatedAt, messageId: 'M1' },
    }
    await first.incrementalPatch(toInvoiceDocWithBalance(invoice, first.balanceDue))
    const read = fromInvoiceDoc((await db.invoices.findOne(invoice.id).exec())!.toJSON())
    expect(invoiceSchema.parse(read)).toEqual(invoice)
    const [order] = await db.orders.find().exec()
    if (!order) throw new Error('the fixture has orders')
    await order.incrementalPatch({ paymentTerms: '2pct10net30' })
    const readOrder = fromOrderDoc((await db.orders.findOne(order.id).exec())!.toJSON())
    expect(orderSchema.parse(readOrder).paymentTerms).toBe('2pct10net30')
  })

  it('from v0 keeps customers, products and settings as they were; their VAT fields are then stored', async () => {
    const name = uniqueName('v0-vat')
    await writeV2(name)
    const { opened, backups } = await openKeepingBackups(name)
    db = opened
    for (const collection of ['settings', 'customers', 'products'] as const) {
      expect(backups[0]?.collections[collection]?.schemaVersion, collection).toBe(0)
      const stored = await (db[collection] as RxCollection<object>).find().exec()
      expect(stored, collection).toHaveLength(fixture[collection].length)
      const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
      for (const old of fixture[collection])
        expect(byId.get((old as { id: string }).id)).toEqual(without(old, []))
    }
    const settings = (await db.settings.findOne('company').exec())!
    expect(settings.taxMode).toBeUndefined()
    await settings.incrementalPatch({
      taxMode: 'vat',
      vatCategories: [{ id: 's-19', name: 'Standard rate 19 %', category: 'S', rate: '19' }],
    })
    const read = (await db.settings.findOne('company').exec())!.toJSON()
    expect(companySettingsSchema.parse(without(read, []))).toMatchObject({ taxMode: 'vat' })
    const [customer] = await db.customers.find().exec()
    await customer!.incrementalPatch({ vatId: 'DE123456789', buyerReference: '991-12345-67' })
    expect((await db.customers.findOne(customer!.id).exec())!.vatId).toBe('DE123456789')
    const [product] = await db.products.find().exec()
    await product!.incrementalPatch({ vatCategoryId: 's-19' })
    expect((await db.products.findOne(product!.id).exec())!.vatCategoryId).toBe('s-19')
  })

  it('from v3 keeps every document as it was, typed; a VAT-mode invoice is then stored and read back', async () => {
    const name = uniqueName('v3')
    await writeV3(name)
    const { opened, backups } = await openKeepingBackups(name)
    db = opened
    for (const collection of ['invoices', 'orders'] as const) {
      expect(backups[0]?.collections[collection]?.schemaVersion).toBe(3)
      const v3Docs = backups[0]?.collections[collection]?.documents as Record<string, unknown>[]
      expect(v3Docs.length).toBe(fixture[collection].length)
      expect(v3Docs.every((d) => !('taxMode' in d))).toBe(true)
      const stored = await (db[collection] as RxCollection<object>).find().exec()
      expect(stored, collection).toHaveLength(fixture[collection].length)
      const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
      for (const before of v3Docs)
        expect(byId.get(before.id as string)).toEqual({ ...without(before, []), taxMode: 'typed' })
    }
    for (const doc of await db.invoices.find().exec())
      expect(invoiceSchema.parse(fromInvoiceDoc(doc.toJSON())).taxMode).toBe('typed')

    const [first] = await db.invoices.find().exec()
    if (!first) throw new Error('the fixture has invoices')
    const typedInvoice = fromInvoiceDoc(first.toJSON())
    const vat = priceLines(
      {
        ...typedInvoice,
        taxMode: 'vat' as const,
        freightVat: { category: 'S' as const, rate: '19' },
        lines: typedInvoice.lines.map((l) => ({
          ...l,
          tax: '0',
          vat: { category: 'S' as const, rate: '7' },
        })),
      },
      'keep',
      EMPTY_CATALOG,
    )
    if (!vat.ok) throw new Error(vat.refusal.reason)
    expect(vat.document.vatBreakdown?.length).toBeGreaterThan(0)
    await first.incrementalPatch(toInvoiceDocWithBalance(vat.document, first.balanceDue))
    const read = fromInvoiceDoc((await db.invoices.findOne(first.id).exec())!.toJSON())
    expect(invoiceSchema.parse(read)).toEqual(vat.document)
  })

  it('from v0 stores every opportunity as Open, with all its fields; a status and close date are then stored', async () => {
    const name = uniqueName('v0-opportunities')
    await writeV2(name)
    const { opened, backups } = await openKeepingBackups(name)
    db = opened
    expect(backups[0]?.collections.opportunities?.schemaVersion).toBe(0)
    const stored = await db.opportunities.find().exec()
    expect(stored).toHaveLength(fixture.opportunities.length)
    const byId = new Map(stored.map((d) => [d.primary, d.toJSON() as Record<string, unknown>]))
    for (const old of fixture.opportunities)
      expect(byId.get((old as { id: string }).id)).toEqual({ ...without(old, []), state: 'open' })
    const [first] = stored
    await first!.incrementalPatch({ state: 'won', estimatedCloseDate: '2027-01-31' })
    const read = (await db.opportunities.findOne(first!.id).exec())!.toJSON()
    expect(read).toMatchObject({ state: 'won', estimatedCloseDate: '2027-01-31' })
  })

  it('takes no backup when nothing needs migrating', async () => {
    const name = uniqueName('v1')
    let calls = 0
    const restore = setMigrationBackupWriter(() => {
      calls++
      return Promise.resolve()
    })
    try {
      db = await openDatabase({ name, conflictHandlerFor })
      await closeDatabase(db)
      db = await openDatabase({ name, conflictHandlerFor })
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
      await expect(openDatabase({ name, conflictHandlerFor })).rejects.toThrow('disk full')
    } finally {
      restore()
    }
    // Still v0 on disk: a later open (with a working backup) migrates it.
    db = await openDatabase({ name, conflictHandlerFor })
    expect(await db.invoices.count().exec()).toBe(fixture.invoices.length)
  })
})
