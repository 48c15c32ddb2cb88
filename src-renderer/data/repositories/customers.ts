/**
 * Customers (accounts with contacts and addresses): the only code that reads or writes the customers collection.
 */
import type { Observable } from 'rxjs'
import type { Customer, Id } from '@core/documents'
import { customerRecordSchema } from '@core/documents/record-schemas'
import type { Database } from '../collections'
import { nameKey } from '../sort-keys'
import { fromCustomerDoc, toCustomerDoc } from '../stored'
import { CUSTOMER_INDEX } from './document-list-index'
import { invalid, type RepositoryEnv, type WriteResult } from './env'
import { readPage, watchPage, type ListQuery, type Page, type PageRequest } from './paging'
import { readIndexSearch, watchIndexSearch, type IndexSearch } from './record-search'

export interface CustomerFilter {
  /** Names starting with this text, case-insensitive. */
  namePrefix?: string
  ownerId?: Id
  /** Any word start of the name or any part of the account number, answered by the kept index. */
  search?: string
}

export type CustomerPageRequest = PageRequest<CustomerFilter, 'name'>

/** A prefix search through a sorted index: every key from `prefix` up to `prefix` followed by the last code unit. */
export function prefixRange(prefix: string): { $gte: string; $lt: string } {
  const key = nameKey(prefix)
  return { $gte: key, $lt: `${key}\uffff` }
}

function listQuery(req: CustomerPageRequest): ListQuery {
  const selector: ListQuery['selector'] = {}
  if (req.filter?.ownerId) selector.ownerId = req.filter.ownerId
  if (req.filter?.namePrefix) selector.nameKey = prefixRange(req.filter.namePrefix)
  // Index ['ownerId', 'nameKey'] or ['nameKey'].
  return { selector, sort: ['nameKey'], descending: req.descending ?? false }
}

/** A search of the list through the kept customers index, or undefined when the list has no search text. */
function indexSearch(req: CustomerPageRequest): IndexSearch<Customer> | undefined {
  const text = req.filter?.search?.trim()
  if (!text) return undefined
  const ownerId = req.filter?.ownerId
  return {
    spec: CUSTOMER_INDEX,
    text,
    sortField: 'nameKey',
    ...(ownerId ? { keep: (e) => e.fields.ownerId === ownerId } : {}),
    toRecord: fromCustomerDoc,
  }
}

export interface CustomerRepository {
  get(id: Id): Promise<Customer | undefined>
  page(req: CustomerPageRequest): Promise<Page<Customer>>
  watchPage(req: CustomerPageRequest): Observable<Page<Customer>>
  /** Validates and saves (insert or replace) a customer; `updatedAt` is set to now. */
  save(customer: Customer): Promise<WriteResult<Customer>>
  count(): Promise<number>
}

export function createCustomerRepository(db: Database, env: RepositoryEnv): CustomerRepository {
  const collection = db.customers
  return {
    async get(id) {
      const doc = await collection.findOne(id).exec()
      return doc ? fromCustomerDoc(doc.toJSON()) : undefined
    },
    page(req) {
      const search = indexSearch(req)
      if (search) return readIndexSearch(db, search, req)
      return readPage(collection, listQuery(req), req, fromCustomerDoc)
    },
    watchPage(req) {
      const search = indexSearch(req)
      if (search) return watchIndexSearch(db, search, req)
      return watchPage(collection, listQuery(req), req, fromCustomerDoc)
    },
    async save(customer) {
      const parsed = customerRecordSchema.safeParse({ ...customer, updatedAt: env.now() })
      if (!parsed.ok) return invalid('customer', parsed.error)
      await collection.upsert(toCustomerDoc(parsed.value))
      return { ok: true, value: parsed.value }
    },
    count: () => collection.count().exec(),
  }
}
