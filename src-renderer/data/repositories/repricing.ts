/**
 * After a catalog price changes, unlocked active orders and invoices that use the product take the new price
 * (Use Current Pricing, as Dynamics does when an unlocked document is next touched); locked documents keep
 * theirs. Each document is repriced through the same command a rep would use, so it is checked by the rules,
 * logged in its history and refused (and left alone) where the rules refuse, e.g. a total below what was paid.
 */
import {
  applyInvoiceCommand,
  applyOrderCommand,
  type Id,
  type Invoice,
  type Order,
  type Refusal,
} from '@core/documents'
import type { Database } from '../collections'
import { fromInvoiceDoc, fromOrderDoc } from '../stored'
import type { CatalogRepository } from './catalog'
import type { RepositoryEnv } from './env'
import type { InvoiceRepository } from './invoices'
import type { OrderRepository } from './orders'

export interface RepriceResult {
  /** Documents whose prices or totals changed. */
  repriced: Id[]
  /** Unlocked documents with the product whose prices did not change. */
  unchanged: number
  /** Documents the rules would not reprice; they keep their old prices. */
  refused: Array<{ id: Id; number: string; refusal: Refusal }>
}

export interface PriceChange {
  productIds: readonly Id[]
  /** Only documents on this price list; all price lists when omitted (a product's list price changed). */
  priceListId?: Id
}

const USE_CURRENT = { type: 'useCurrentPricing' } as const

type Candidate = { kind: 'order'; doc: Order } | { kind: 'invoice'; doc: Invoice }

async function candidates(db: Database, change: PriceChange): Promise<Candidate[]> {
  // Index [state, createdAt]; active unlocked documents are the working set of a rep, not the archive.
  const selector = {
    state: 'active' as const,
    pricesLocked: false,
    ...(change.priceListId ? { priceListId: change.priceListId } : {}),
  }
  const [orders, invoices] = await Promise.all([
    db.orders.find({ selector }).exec(),
    db.invoices.find({ selector }).exec(),
  ])
  const wanted = new Set(change.productIds)
  const uses = (d: Order | Invoice) => d.lines.some((l) => l.productId && wanted.has(l.productId))
  return [
    ...orders.map((d) => ({ kind: 'order' as const, doc: fromOrderDoc(d.toJSON()) })),
    ...invoices.map((d) => ({ kind: 'invoice' as const, doc: fromInvoiceDoc(d.toJSON()) })),
  ].filter((c) => uses(c.doc))
}

/**
 * Reprices every unlocked active order and invoice that has one of the products on a line.
 *
 * @example
 * await repriceUnlockedDocuments(db, env, repos, { productIds: ['widget'], priceListId: 'retail' })
 * // { repriced: ['inv-1'], unchanged: 0, refused: [] }
 */
export async function repriceUnlockedDocuments(
  db: Database,
  env: RepositoryEnv,
  repos: { catalog: CatalogRepository; orders: OrderRepository; invoices: InvoiceRepository },
  change: PriceChange,
): Promise<RepriceResult> {
  const result: RepriceResult = { repriced: [], unchanged: 0, refused: [] }
  for (const c of await candidates(db, change)) {
    const productIds = c.doc.lines.flatMap((l) => (l.productId ? [l.productId] : []))
    const ctx = {
      actor: env.actor,
      at: env.now(),
      catalog: await repos.catalog.catalogFor(c.doc.priceListId, productIds),
      newId: env.newId,
    }
    // A dry run first: a document whose prices did not move gets no write and no empty history entry.
    const dry =
      c.kind === 'order'
        ? applyOrderCommand(c.doc, USE_CURRENT, ctx)
        : applyInvoiceCommand(c.doc, USE_CURRENT, {
            ...ctx,
            payments: await repos.invoices.payments(c.doc.id),
          })
    const changed = dry.ok && (dry.document.history.at(-1)?.changes.length ?? 0) > 0
    if (dry.ok && !changed) {
      result.unchanged++
      continue
    }
    const saved =
      c.kind === 'order'
        ? await repos.orders.apply(c.doc.id, USE_CURRENT)
        : await repos.invoices.apply(c.doc.id, USE_CURRENT)
    if (saved.ok) result.repriced.push(c.doc.id)
    else result.refused.push({ id: c.doc.id, number: c.doc.number, refusal: saved.refusal })
  }
  return result
}
