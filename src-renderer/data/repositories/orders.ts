/**
 * Orders. Every change goes through `applyOrderCommand` (src-core) inside one atomic document update.
 */
import type { Observable } from 'rxjs'
import {
  applyOrderCommand,
  createOrder,
  orderSchema,
  type Id,
  type Order,
  type OrderCommand,
} from '@core/documents'
import type { Database } from '../collections'
import { fromOrderDoc, toOrderDoc } from '../stored'
import { documentListQuery, type OrderPageRequest } from './document-lists'
import {
  applyAtomically,
  commandContext,
  newDocumentInputs,
  productIdsOf,
  type DocumentDeps,
} from './document-writes'
import {
  invalid,
  notFound,
  refusable,
  RefusedWrite,
  type RepositoryEnv,
  type WriteResult,
} from './env'
import { readPage, watchPage, type Page } from './paging'

export interface NewOrder {
  customerId: Id
  name: string
  priceListId?: Id
  currencyCode?: string
}

export interface OrderRepository {
  get(id: Id): Promise<Order | undefined>
  page(req: OrderPageRequest): Promise<Page<Order>>
  watchPage(req: OrderPageRequest): Observable<Page<Order>>
  create(input: NewOrder): Promise<WriteResult<Order>>
  apply(id: Id, cmd: OrderCommand): Promise<WriteResult<Order>>
}

/** Refuses to store an order the shape rules reject (a rule bug must not reach the database). */
export function checkedOrder(order: Order): Order {
  const parsed = orderSchema.safeParse(order)
  if (!parsed.ok) throw new RefusedWrite(invalid('order', parsed.error).refusal)
  return parsed.value
}

const mapping = { from: fromOrderDoc, to: toOrderDoc, check: checkedOrder }

export function createOrderRepository(
  db: Database,
  env: RepositoryEnv,
  deps: DocumentDeps,
): OrderRepository {
  const collection = db.orders
  return {
    async get(id) {
      const doc = await collection.findOne(id).exec()
      return doc ? fromOrderDoc(doc.toJSON()) : undefined
    },
    page: (req) => readPage(collection, documentListQuery('order', req), req, fromOrderDoc),
    watchPage: (req) => watchPage(collection, documentListQuery('order', req), req, fromOrderDoc),
    async create({ customerId, ...rest }) {
      const inputs = await newDocumentInputs(db, deps, customerId)
      if (!inputs.ok) return inputs
      const { customer, settings } = inputs
      const ctx = await commandContext(env, deps.catalog, '', [])
      return deps.settings.withNextNumber('order', async (number) => {
        const result = createOrder({ ...rest, id: env.newId(), number, customer, settings }, ctx)
        if (!result.ok) return result
        return refusable(async () => {
          const order = checkedOrder(result.document)
          await collection.insert(toOrderDoc(order))
          return order
        })
      })
    },
    async apply(id, cmd) {
      const doc = await collection.findOne(id).exec()
      if (!doc) return notFound('order')
      const order = fromOrderDoc(doc.toJSON())
      const priceListId =
        cmd.type === 'editHeader'
          ? (cmd.changes.priceListId ?? order.priceListId)
          : order.priceListId
      const added = cmd.type === 'addLine' ? [cmd.productId] : []
      const ctx = await commandContext(
        env,
        deps.catalog,
        priceListId,
        productIdsOf(order.lines, added),
      )
      return applyAtomically(doc, mapping, (current) => applyOrderCommand(current, cmd, ctx))
    },
  }
}
