/**
 * Devices for sync tests: each a database on fake-indexeddb with only the collections a test replicates (two
 * full databases would pass RxDB open-core's limit of 13 collections per process), the app's collection
 * definitions (conflict handler included), a sync-state tracker, and a sync session against a test server.
 */
import 'fake-indexeddb/auto'
import { addRxPlugin, createRxDatabase } from 'rxdb'
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents'
import type { Invoice, InvoiceCommand, LedgerEntry } from '../../src-core/documents'
import {
  collectionCreators,
  type CollectionName,
  type Database,
} from '../../src-renderer/data/collections'
import { guardedDexieStorage } from '../../src-renderer/sync/downstream-guard'
import { fromInvoiceDoc, toInvoiceDoc } from '../../src-renderer/data/stored'
import { startSync, type SyncOptions, type SyncSession } from '../../src-renderer/sync/replication'
import { loadSyncState, type SyncStateTracker } from '../../src-renderer/sync/sync-state'
import { trackLocalWrites } from '../../src-renderer/sync/local-writes'
import { toWire } from '../../src-renderer/sync/derived'
import { run } from '../../src-renderer/sync/test-support/documents'
import { conflictHandlerFor } from '../../src-renderer/sync/conflict-handler'

export interface Device {
  db: Database
  tracker: SyncStateTracker
  session: SyncSession
  /** The invoice in its wire form (what the server holds), or undefined. */
  invoice(id: string): Promise<Record<string, unknown> | undefined>
  payments(invoiceId: string): Promise<LedgerEntry[]>
  /** Saves an invoice (and new payments) as the repositories do: balance derived from the payments. */
  saveInvoice(invoice: Invoice, newPayments?: LedgerEntry[]): Promise<void>
  /**
   * Runs a command on the latest stored version inside one atomic update, as the repositories do (a pull landing
   * between a read and a write must not be overwritten); a new payment is written first, and removed if the
   * rules refuse the command. Resolves false when refused.
   */
  command(id: string, cmd: InvoiceCommand, userId: string, at: string): Promise<boolean>
  close(): Promise<void>
}

let counter = 0

/** Opens a device database with `collections` and starts syncing it as the signed-in user. */
export async function openDevice(options: {
  url: string
  token: string
  collections: readonly CollectionName[]
  onError?(error: unknown): void
  /** To watch the device's requests. */
  fetch?: typeof fetch
  /** A database name to open again (a laptop reopened); a new one by default. */
  name?: string
  /** Replication settings other than the defaults. */
  sync?: Pick<SyncOptions, 'batchSize' | 'farBehind' | 'bulkPage'>
}): Promise<Device> {
  addRxPlugin(RxDBLocalDocumentsPlugin)
  const creators = collectionCreators(conflictHandlerFor)
  const db = (await createRxDatabase({
    name: options.name ?? `device-${Date.now().toString(36)}-${++counter}`,
    storage: guardedDexieStorage(),
    multiInstance: false,
    localDocuments: true,
  })) as unknown as Database
  await db.addCollections(Object.fromEntries(options.collections.map((c) => [c, creators[c]])))
  const tracker = await loadSyncState(db)
  const stopTracking = trackLocalWrites(db, tracker)
  const { sync, name: _name, ...rest } = options
  const session = await startSync({ db, tracker, ...rest, ...sync, retryMs: 200 })
  const payments = async (invoiceId: string) =>
    (await db.payments.find({ selector: { invoiceId } }).exec()).map(
      (d) => toWire('payments', d.toJSON()) as unknown as LedgerEntry,
    )
  return {
    db,
    tracker,
    session,
    async invoice(id) {
      const doc = await db.invoices.findOne(id).exec()
      return doc ? toWire('invoices', doc.toJSON()) : undefined
    },
    payments,
    async saveInvoice(invoice, newPayments = []) {
      for (const p of newPayments) await db.payments.upsert(p)
      await db.invoices.upsert(toInvoiceDoc(invoice, await payments(invoice.id)))
    },
    async command(id, cmd, userId, at) {
      const doc = await db.invoices.findOne(id).exec()
      if (!doc) return false
      const attempt = (stored: object, others: LedgerEntry[]) => {
        try {
          return run(fromInvoiceDoc(stored), cmd, userId, at, others)
        } catch {
          return undefined // refused by the rules on this device's version
        }
      }
      const payment = attempt(doc.toJSON(), await payments(id))?.payment
      if (payment) await db.payments.upsert(payment)
      const all = await payments(id)
      const others = all.filter((p) => p.id !== payment?.id)
      let ok = false
      // A refusal abandons the update, as the repositories' applyAtomically does: nothing is written.
      const refused = new Error('refused')
      await doc
        .incrementalModify((stored) => {
          const result = attempt(stored, others)
          ok = result !== undefined && result.payment?.id === payment?.id
          if (!ok || !result) throw refused
          return toInvoiceDoc(result.document, all)
        })
        .catch((e: unknown) => {
          if (e !== refused) throw e
        })
      if (!ok && payment) await (await db.payments.findOne(payment.id).exec())?.remove()
      return ok
    },
    async close() {
      await session.stop()
      stopTracking()
      await db.close()
    },
  }
}

/** Polls `check` until it returns true (replication is asynchronous), failing after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}
