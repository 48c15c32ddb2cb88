/**
 * Refused changes as a rep deals with them: grouped by the server's reason in plain words, each record named
 * by what the rep knows it by (invoice number and name, customer name, product name), and what can be done:
 * send the rep's version again once the reason is dealt with, or keep the server's version (the record
 * already holds it: the refused version is then forgotten).
 */
import type { RxCollection } from 'rxdb'
import type { CollectionName, Database } from '@renderer/data/collections'
import { derivePulled } from './balances'
import type { WireDocument } from './derived'
import type { SyncStateTracker } from './sync-state'

/** One refused record, named for the rep. */
export interface RefusedRecord {
  collection: CollectionName
  id: string
  /** "Invoice INV-00302-X7K2Q9 · Spring order", "Customer Offline Outfitters". */
  label: string
  /** The server's sentence. */
  reason: string
  /** When the server refused it (ISO). */
  at: string
}

/** The refusals of one reason. */
export interface RefusalGroup {
  code: string
  /** What went wrong, in plain words. */
  title: string
  /** What the rep can do about it. */
  help: string
  /** Sending again can succeed once the rep or the back office deals with the reason. */
  canRetry: boolean
  records: RefusedRecord[]
}

interface Reason {
  title: string
  help: string
  canRetry: boolean
}

const REASONS: Record<string, Reason> = {
  notPermitted: {
    title: 'Changes you may not make',
    help: 'The catalog and other reps’ customers are kept by the back office. Keep the server’s version, or ask the back office to make the change.',
    canRetry: false,
  },
  duplicateNumber: {
    title: 'Numbers another device already used',
    help: 'Keep the server’s version, then make the document again here: it gets a new number.',
    canRetry: false,
  },
  forgedTotals: {
    title: 'Totals the server worked out differently',
    help: 'Prices or the catalog changed on the server. Keep the server’s version and make the change again.',
    canRetry: false,
  },
  overpayment: {
    title: 'Payments above what is due',
    help: 'Check the invoice’s total and its payments. Try again once the invoice on the server shows the amount due, or keep the server’s version.',
    canRetry: true,
  },
  invoiceCanceled: {
    title: 'Payments on a canceled invoice',
    help: 'The invoice is canceled on the server. Keep the server’s version.',
    canRetry: false,
  },
  invoiceMismatch: {
    title: 'Payments that do not match their invoice',
    help: 'The customer or currency differs from the invoice. Keep the server’s version and record the payment again.',
    canRetry: false,
  },
  readOnly: {
    title: 'Changes to paid or canceled documents',
    help: 'The document is closed on the server. Keep the server’s version, or reactivate it and make the change again.',
    canRetry: false,
  },
  immutableField: {
    title: 'Changes to what cannot change after saving',
    help: 'Keep the server’s version, then make the change in a way the document allows.',
    canRetry: false,
  },
  historyRewritten: {
    title: 'Changes to a document’s history',
    help: 'A document’s history cannot be changed. Keep the server’s version.',
    canRetry: false,
  },
}

/** Transitions the rules refuse, under either code. */
const TRANSITION: Reason = {
  title: 'Status changes the server does not allow',
  help: 'The document moved on the server (paid, canceled, invoiced). Keep the server’s version.',
  canRetry: false,
}

const INVALID: Reason = {
  title: 'Values the server does not accept',
  help: 'Each record says what is wrong. Correct it on this device and try again, or keep the server’s version.',
  canRetry: true,
}

const OTHER: Reason = {
  title: 'Other refusals',
  help: 'Each record says why. Try again once the reason is dealt with, or keep the server’s version.',
  canRetry: true,
}

function reasonOf(code: string): Reason {
  if (code === 'illegalTransition' || code === 'invalidTransition') return TRANSITION
  if (code === 'invalid' || code === 'invalidValue') return INVALID
  return REASONS[code] ?? OTHER
}

const CATALOG_KINDS: Record<string, string> = {
  unitGroup: 'Unit group',
  priceList: 'Price list',
  discountList: 'Discount list',
}

type Doc = Record<string, unknown>

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined)

/** Names of the records refused ones point at (a payment's invoice, a price's product and price list). */
async function namesOf(db: Database, collection: CollectionName, ids: string[]) {
  const names = new Map<string, string>()
  if (ids.length === 0) return names
  const collectionOf = db[collection] as unknown as RxCollection<Doc>
  const found = await collectionOf.findByIds(ids).exec()
  for (const [id, doc] of found) {
    const d = doc.toJSON() as Doc
    const name = text(d.number) ?? text(d.name)
    if (name) names.set(id, name)
  }
  return names
}

/** What a rep calls a record, from its refused version. */
function labelOf(collection: CollectionName, d: Doc, refs: Map<string, string>): string {
  const ref = (id: unknown) => (typeof id === 'string' ? refs.get(id) : undefined)
  const name = text(d.name)
  const number = text(d.number)
  const both = [number, name].filter(Boolean).join(' · ')
  switch (collection) {
    case 'invoices':
      return `Invoice ${both || 'without a number'}`
    case 'orders':
      return `Order ${both || 'without a number'}`
    case 'opportunities':
      return `Opportunity ${name ?? 'without a name'}`
    case 'customers':
      return `Customer ${name ?? 'without a name'}`
    case 'products':
      return `Product ${[name, text(d.productNumber)].filter(Boolean).join(' · ') || 'without a name'}`
    case 'catalogrefs':
      return `${CATALOG_KINDS[String(d.kind)] ?? 'Catalog record'} ${name ?? ''}`.trim()
    case 'pricelistitems':
      return `Price of ${ref(d.productId) ?? 'a product'} in ${ref(d.priceListId) ?? 'a price list'}`
    case 'payments':
      return `Payment of ${text(d.amount) ?? ''} ${text(d.currencyCode) ?? ''} on ${
        ref(d.invoiceId) ? `invoice ${ref(d.invoiceId)}` : 'an invoice'
      }`.replace(/\s+/g, ' ')
    case 'settings':
      return 'Company settings'
  }
}

/**
 * Groups the tracker's refusals by reason, most records first, each record named (records by name).
 *
 * @example
 * const groups = await groupRefusals(db, tracker)
 * groups[0] // { title: 'Changes you may not make', records: [{ label: 'Price list Retail USD', … }], … }
 */
export async function groupRefusals(
  db: Database,
  tracker: SyncStateTracker,
): Promise<RefusalGroup[]> {
  const all = tracker.rejections()
  const wanted = (field: string) =>
    all.flatMap((r) => {
      const v = (r.refused as Doc | undefined)?.[field]
      return typeof v === 'string' ? [v] : []
    })
  const refs = new Map([
    ...(await namesOf(db, 'invoices', wanted('invoiceId'))),
    ...(await namesOf(db, 'products', wanted('productId'))),
    ...(await namesOf(db, 'catalogrefs', wanted('priceListId'))),
  ])
  const groups = new Map<string, RefusalGroup>()
  for (const r of all) {
    const reason = reasonOf(r.code)
    const group = groups.get(reason.title) ?? { code: r.code, ...reason, records: [] }
    group.records.push({
      collection: r.collection,
      id: r.id,
      label: labelOf(r.collection, (r.refused ?? {}) as Doc, refs),
      reason: r.reason,
      at: r.at,
    })
    groups.set(reason.title, group)
  }
  // Records by name, so a rep finds one in a long group; the group with the most records first.
  for (const group of groups.values())
    group.records.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))
  return [...groups.values()].sort((a, b) => b.records.length - a.records.length)
}

/**
 * Keeps the server's version: the record already holds it (a refusal brings it back), so the refused version
 * is forgotten.
 */
export function keepServerVersion(
  tracker: SyncStateTracker,
  records: ReadonlyArray<{ collection: CollectionName; id: string }>,
): void {
  for (const r of records) tracker.dismissRejection(r.collection, r.id)
}

/**
 * Sends the refused versions again: each is written back as a change of this device (pending until the server
 * answers; refused again, it comes back here with the new reason).
 */
export async function sendAgain(
  db: Database,
  tracker: SyncStateTracker,
  records: ReadonlyArray<{ collection: CollectionName; id: string }>,
): Promise<void> {
  const refused = new Map(tracker.rejections().map((r) => [`${r.collection}/${r.id}`, r.refused]))
  for (const r of records) {
    const version = refused.get(`${r.collection}/${r.id}`) as WireDocument | undefined
    if (!version) continue
    const [doc] = await derivePulled(db, r.collection, [version])
    if (!doc) continue
    const { _deleted: _gone, ...data } = doc
    tracker.dismissRejection(r.collection, r.id)
    await (db[r.collection] as unknown as RxCollection).upsert(data)
  }
}
