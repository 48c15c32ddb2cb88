/**
 * Invoices and their payments. Every change goes through `applyInvoiceCommand` (src-core) inside one atomic
 * document update, so a refused command writes nothing and an accepted one changes the invoice, its totals and
 * its history together. Recording a payment writes two records (the payment and the invoice) through the
 * journal in payment-journal.ts, so it is all-or-nothing as well.
 */
import {
  applyInvoiceCommand,
  createInvoice,
  createInvoiceFromOrder,
  duplicateInvoice,
  type Id,
  type Invoice,
  type InvoiceCommand,
  type InvoiceContext,
  type LedgerEntry,
} from '@core/documents'
import type { Database } from '../collections'
import { fromInvoiceDoc, fromOrderDoc, plain, toInvoiceDoc } from '../stored'
import { documentListQuery } from './document-lists'
import {
  applyAtomically,
  commandContext,
  newDocumentInputs,
  checkedInvoice,
  productIdsOf,
  type DocumentDeps,
} from './document-writes'
import { notFound, refusable, type RepositoryEnv, type WriteResult } from './env'
import { watchDocumentPage } from './document-list-index'
import { readPage } from './paging'
import type { InvoiceRepository, ListedInvoice } from './repository-types'
import { createPaymentJournal, isLedgerCommand } from './payment-journal'

const listedInvoice = (doc: object): ListedInvoice => ({
  ...fromInvoiceDoc(doc),
  balanceDue: (doc as { balanceDue: string }).balanceDue,
})

function productsOfCommand(cmd: InvoiceCommand): Id[] {
  if (cmd.type === 'addLine') return [cmd.productId]
  if (cmd.type === 'getProducts') return productIdsOf(cmd.opportunity.lines)
  return []
}

export function createInvoiceRepository(
  db: Database,
  env: RepositoryEnv,
  deps: DocumentDeps,
): InvoiceRepository {
  const collection = db.invoices

  async function payments(invoiceId: Id): Promise<LedgerEntry[]> {
    const docs = await db.payments.find({ selector: { invoiceId }, sort: [{ date: 'asc' }] }).exec()
    return docs.map((d) => plain<LedgerEntry>(d.toJSON()))
  }

  async function contextFor(invoice: Invoice, cmd: InvoiceCommand): Promise<InvoiceContext> {
    const priceListId =
      cmd.type === 'editHeader'
        ? (cmd.changes.priceListId ?? invoice.priceListId)
        : invoice.priceListId
    const productIds = productIdsOf(invoice.lines, productsOfCommand(cmd))
    const ctx = await commandContext(env, deps.catalog, priceListId, productIds)
    return { ...ctx, payments: await payments(invoice.id) }
  }

  const journal = createPaymentJournal(db, env, contextFor)

  function insertNew(invoice: Invoice): Promise<WriteResult<Invoice>> {
    return refusable(async () => {
      const checked = checkedInvoice(invoice)
      await collection.insert(toInvoiceDoc(checked, []))
      return checked
    })
  }

  return {
    async get(id) {
      const doc = await collection.findOne(id).exec()
      return doc ? fromInvoiceDoc(doc.toJSON()) : undefined
    },
    async balanceDue(id) {
      const doc = await collection.findOne(id).exec()
      return doc?.balanceDue
    },
    page: (req) => readPage(collection, documentListQuery('invoice', req), req, listedInvoice),
    watchPage: (req) => watchDocumentPage(db, 'invoice', req, listedInvoice),
    payments,
    async ofOrder(order) {
      const docs = await collection
        .find({
          selector: { customerId: order.customerId, orderId: order.id },
          sort: [{ customerId: 'asc' }, { createdAt: 'asc' }],
        })
        .exec()
      return docs.map((d) => fromInvoiceDoc(d.toJSON()))
    },
    async create({ customerId, ...rest }) {
      const inputs = await newDocumentInputs(db, deps, customerId)
      if (!inputs.ok) return inputs
      const { customer, settings } = inputs
      const ctx = await commandContext(env, deps.catalog, '', [])
      return deps.settings.withNextNumber('invoice', async (number) => {
        const result = createInvoice({ ...rest, id: env.newId(), number, customer, settings }, ctx)
        return result.ok ? insertNew(result.document) : result
      })
    },
    async createFromOrder(orderId, options = {}) {
      const order = await db.orders.findOne(orderId).exec()
      if (!order) return notFound('order')
      const ctx = await commandContext(env, deps.catalog, '', [])
      return deps.settings.withNextNumber('invoice', async (number) => {
        const target = { id: env.newId(), number, ...options }
        const result = createInvoiceFromOrder(fromOrderDoc(order.toJSON()), target, ctx)
        return result.ok ? insertNew(result.document) : result
      })
    },
    async duplicate(sourceId, { invoiceDate }) {
      const source = await collection.findOne(sourceId).exec()
      if (!source) return notFound('invoice')
      const ctx = await commandContext(env, deps.catalog, '', [])
      return deps.settings.withNextNumber('invoice', async (number) => {
        const target = { id: env.newId(), number, invoiceDate }
        const result = duplicateInvoice(fromInvoiceDoc(source.toJSON()), target, ctx)
        return result.ok ? insertNew(result.document) : result
      })
    },
    async apply(id, cmd) {
      if (isLedgerCommand(cmd)) return journal.record(id, cmd)
      const doc = await collection.findOne(id).exec()
      if (!doc) return notFound('invoice')
      const ctx = await contextFor(fromInvoiceDoc(doc.toJSON()), cmd)
      const mapping = {
        from: fromInvoiceDoc,
        to: (invoice: Invoice) => toInvoiceDoc(invoice, ctx.payments),
        check: checkedInvoice,
      }
      return applyAtomically(doc, mapping, (current) => applyInvoiceCommand(current, cmd, ctx))
    },
    recoverPendingWrites: () => journal.recover(),
  }
}
