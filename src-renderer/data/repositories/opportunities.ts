/**
 * Opportunities: a customer's potential sale with its products. src-core has no commands on opportunities yet,
 * so a save takes the whole opportunity and recomputes its totals (prices kept as given).
 */
import type { Observable } from 'rxjs'
import {
  opportunitySchema,
  priceLines,
  type Id,
  type Opportunity,
} from '../../../src-core/documents'
import type { Database } from '../collections'
import { plain } from '../stored'
import type { CatalogRepository } from './catalog'
import { invalid, type RepositoryEnv, type WriteResult } from './env'
import { readPage, watchPage, type ListQuery, type Page, type PageRequest } from './paging'

export type OpportunityPageRequest = PageRequest<{ customerId?: Id }, 'updatedAt'>

function listQuery(req: OpportunityPageRequest): ListQuery {
  const selector: ListQuery['selector'] = {}
  if (req.filter?.customerId) selector.customerId = req.filter.customerId
  return { selector, sort: ['updatedAt'], descending: req.descending ?? true }
}

const fromDoc = (doc: object): Opportunity => plain<Opportunity>(doc)

export interface OpportunityRepository {
  get(id: Id): Promise<Opportunity | undefined>
  page(req: OpportunityPageRequest): Promise<Page<Opportunity>>
  watchPage(req: OpportunityPageRequest): Observable<Page<Opportunity>>
  /** Validates, recomputes the totals with priceDocument and saves. */
  save(opportunity: Opportunity): Promise<WriteResult<Opportunity>>
}

export function createOpportunityRepository(
  db: Database,
  env: RepositoryEnv,
  deps: { catalog: CatalogRepository },
): OpportunityRepository {
  const collection = db.opportunities
  return {
    async get(id) {
      const doc = await collection.findOne(id).exec()
      return doc ? fromDoc(doc.toJSON()) : undefined
    },
    page: (req) => readPage(collection, listQuery(req), req, fromDoc),
    watchPage: (req) => watchPage(collection, listQuery(req), req, fromDoc),
    async save(opportunity) {
      const parsed = opportunitySchema.safeParse({ ...opportunity, updatedAt: env.now() })
      if (!parsed.ok) return invalid('opportunity', parsed.error)
      const productIds = parsed.value.lines.flatMap((l) => (l.productId ? [l.productId] : []))
      const catalog = await deps.catalog.catalogFor(parsed.value.priceListId, productIds)
      const priced = priceLines(parsed.value, 'keep', catalog)
      if (!priced.ok) return priced
      await collection.upsert(priced.document)
      return { ok: true, value: priced.document }
    },
  }
}
