/**
 * What creating and changing orders and invoices share: the command context (who, when, the catalog of the
 * document's products), the inputs of a new document, and the atomic update that runs a rule on the latest
 * stored version.
 */
import type {
  CommandContext,
  CommandResult,
  CompanySettings,
  Customer,
  DocumentLine,
  Id,
} from '@core/documents'
import type { RxDocument } from 'rxdb'
import type { Database } from '../collections'
import { plain } from '../stored'
import type { CatalogRepository } from './catalog'
import { notFound, refusable, RefusedWrite, type RepositoryEnv, type WriteResult } from './env'
import type { SettingsRepository } from './settings'

export interface DocumentDeps {
  catalog: CatalogRepository
  settings: SettingsRepository
}

/** Product ids of the lines, plus extra ones (a product being added). */
export function productIdsOf(lines: readonly DocumentLine[], extra: readonly Id[] = []): Id[] {
  return [...lines.flatMap((l) => (l.productId ? [l.productId] : [])), ...extra]
}

/** Who, when, and the catalog limited to the document's price list and products. */
export async function commandContext(
  env: RepositoryEnv,
  catalog: CatalogRepository,
  priceListId: Id,
  productIds: readonly Id[],
): Promise<CommandContext> {
  return {
    actor: env.actor,
    at: env.now(),
    catalog: await catalog.catalogFor(priceListId, productIds),
    newId: env.newId,
  }
}

/** The customer and settings a new order or invoice is created from. */
export async function newDocumentInputs(
  db: Database,
  deps: DocumentDeps,
  customerId: Id,
): Promise<
  { ok: true; customer: Customer; settings: CompanySettings } | ReturnType<typeof notFound>
> {
  const [customer, settings] = await Promise.all([
    db.customers.findOne(customerId).exec(),
    deps.settings.get(),
  ])
  if (!customer) return notFound('customer')
  if (!settings) return notFound('company setup')
  return { ok: true, customer: plain<Customer>(customer.toJSON()), settings }
}

/**
 * Runs a rule inside one atomic update of the stored document: the rule sees the latest version, and a refusal
 * (or a document failing its schema) abandons the update, so nothing is written.
 */
export async function applyAtomically<D, Stored extends object>(
  doc: RxDocument<Stored>,
  map: { from: (stored: object) => D; to: (doc: D) => Stored; check: (doc: D) => D },
  rule: (current: D) => CommandResult<D>,
): Promise<WriteResult<D>> {
  let saved: D | undefined
  const result = await refusable(() =>
    doc.incrementalModify((stored) => {
      const outcome = rule(map.from(stored))
      if (!outcome.ok) throw new RefusedWrite(outcome.refusal)
      saved = map.check(outcome.document)
      return map.to(saved)
    }),
  )
  if (!result.ok) return result
  return { ok: true, value: saved ?? map.from(result.value.toJSON()) }
}
