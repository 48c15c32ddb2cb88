/**
 * Opportunities: a customer's potential sale with its products. New opportunity takes a customer, a price list
 * and a currency; products change through `applyLines` (src-core's `applyOpportunityLines`); a save of the whole opportunity
 * recomputes its totals (prices kept as given).
 */
import type { Observable } from 'rxjs'
import {
  applyOpportunityLines,
  NO_TOTALS,
  opportunitySchema,
  priceLines,
  refuse,
  type Customer,
  type Id,
  type Opportunity,
  type OpportunityLineCommand,
  type OpportunityState,
} from '@core/documents'
import type { Database } from '../collections'
import { plain } from '../stored'
import type { CatalogRepository } from './catalog'
import { invalid, notFound, type RepositoryEnv, type WriteResult } from './env'
import { readPage, watchPage, type ListQuery, type Page, type PageRequest } from './paging'
import { createSettingsRepository } from './settings'

export type { OpportunityLineCommand }

export type OpportunityPageRequest = PageRequest<{ customerId?: Id }, 'updatedAt'>

export interface NewOpportunity {
  name: string
  customerId: Id
  priceListId: Id
  currencyCode: string
  /** Open when not given. */
  state?: OpportunityState
  /** YYYY-MM-DD; none when not given or empty. */
  estimatedCloseDate?: string
}

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
  /** New opportunity: no products yet, the company's pricing rules and the currency's rate of today. */
  create(input: NewOpportunity): Promise<WriteResult<Opportunity>>
  /** Validates, recomputes the totals with priceDocument and saves. */
  save(opportunity: Opportunity): Promise<WriteResult<Opportunity>>
  /** Adds, edits, reprices or removes products; nothing is saved if one command is refused. */
  applyLines(id: Id, commands: readonly OpportunityLineCommand[]): Promise<WriteResult<Opportunity>>
}

export function createOpportunityRepository(
  db: Database,
  env: RepositoryEnv,
  deps: { catalog: CatalogRepository },
): OpportunityRepository {
  const collection = db.opportunities
  const settings = createSettingsRepository(db, env)

  async function get(id: Id) {
    const doc = await collection.findOne(id).exec()
    return doc ? fromDoc(doc.toJSON()) : undefined
  }

  async function save(opportunity: Opportunity): Promise<WriteResult<Opportunity>> {
    const parsed = opportunitySchema.safeParse({ ...opportunity, updatedAt: env.now() })
    if (!parsed.ok) return invalid('opportunity', parsed.error)
    const productIds = parsed.value.lines.flatMap((l) => (l.productId ? [l.productId] : []))
    const catalog = await deps.catalog.catalogFor(parsed.value.priceListId, productIds)
    const priced = priceLines(parsed.value, 'keep', catalog)
    if (!priced.ok) return priced
    await collection.upsert(priced.document)
    return { ok: true, value: priced.document }
  }

  async function create(input: NewOpportunity): Promise<WriteResult<Opportunity>> {
    if (!input.name.trim()) return refuse('invalidValue', 'Name: a value is required')
    const [customer, company] = await Promise.all([
      db.customers.findOne(input.customerId).exec(),
      settings.get(),
    ])
    if (!customer) return notFound('customer')
    if (!company) return notFound('company setup')
    const currency = company.currencies.find((c) => c.code === input.currencyCode)
    if (!currency)
      return refuse('invalidValue', `The currency ${input.currencyCode} is not set up.`)
    return save({
      id: env.newId(),
      updatedAt: env.now(),
      kind: 'opportunity',
      name: input.name.trim(),
      state: input.state ?? 'open',
      ...(input.estimatedCloseDate ? { estimatedCloseDate: input.estimatedCloseDate } : {}),
      customerId: customer.id,
      ownerId: plain<Customer>(customer.toJSON()).ownerId,
      priceListId: input.priceListId,
      currencyCode: currency.code,
      exchangeRate: currency.exchangeRate,
      pricing: {
        pricingPrecision: company.pricingPrecision,
        currencyPrecision: currency.precision,
        discountMethod: company.discountMethod,
        rounding: company.rounding,
      },
      lines: [],
      totals: NO_TOTALS,
      baseTotals: NO_TOTALS,
    })
  }

  return {
    get,
    page: (req) => readPage(collection, listQuery(req), req, fromDoc),
    watchPage: (req) => watchPage(collection, listQuery(req), req, fromDoc),
    create,
    save,
    async applyLines(id, commands) {
      const current = await get(id)
      if (!current) return notFound('opportunity')
      const added = commands.flatMap((c) => (c.type === 'addLine' ? [c.productId] : []))
      const productIds = [
        ...current.lines.flatMap((l) => (l.productId ? [l.productId] : [])),
        ...added,
      ]
      const catalog = await deps.catalog.catalogFor(current.priceListId, productIds)
      const result = applyOpportunityLines(current, commands, catalog)
      if (!result.ok) return result
      return save(result.document)
    },
  }
}
