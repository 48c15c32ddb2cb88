/**
 * History entries: every accepted command leaves one on its document, naming who, when, which command and each
 * field that changed. The diff is computed from the documents before and after, so no rule can forget to log.
 */
import type { CommandContext } from './commands'
import type { FieldChange, HistoryEntry, HistoryValue } from './types'

/** Fields that are bookkeeping, not content: the history itself, the revision stamp, derived base totals. */
const SKIPPED = new Set(['history', 'updatedAt', 'baseTotals'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasIds(value: unknown[]): value is Array<{ id: string }> {
  return value.every((item) => isRecord(item) && typeof item.id === 'string')
}

function flatten(value: unknown, path: string, out: Map<string, HistoryValue>): void {
  if (Array.isArray(value) && hasIds(value)) {
    // Lines are named by id, not position, so removing line 2 does not look like every later line changing.
    for (const item of value) flatten(item, `${path}[${item.id}]`, out)
  } else if (Array.isArray(value)) {
    out.set(path, JSON.stringify(value))
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (path === '' && SKIPPED.has(key)) continue
      // A line's discount list is one value to a reader: its bands only ever change together.
      if (key === 'discountList') out.set(`${path}.${key}`, JSON.stringify(inner))
      else flatten(inner, path ? `${path}.${key}` : key, out)
    }
  } else if (value !== undefined) {
    out.set(path, value as HistoryValue)
  }
}

/**
 * The fields that differ between two versions of a document, in a stable order. A field that appears or
 * disappears has `null` on the missing side; history and updatedAt are never part of a diff.
 *
 * @example
 * diffDocuments({ name: 'a', lines: [] }, { name: 'b', lines: [] }) // [{ field: 'name', from: 'a', to: 'b' }]
 */
export function diffDocuments(before: object, after: object): FieldChange[] {
  const from = new Map<string, HistoryValue>()
  const to = new Map<string, HistoryValue>()
  flatten(before, '', from)
  flatten(after, '', to)
  const fields = new Set([...from.keys(), ...to.keys()])
  const changes: FieldChange[] = []
  for (const field of fields) {
    const a = from.get(field) ?? null
    const b = to.get(field) ?? null
    if (a !== b) changes.push({ field, from: a, to: b })
  }
  return collapseWholeItems(changes, from, to)
}

/** An added or removed line is one change (`lines[L7]`: null → 'Widget'), not one per field. */
function collapseWholeItems(
  changes: FieldChange[],
  from: Map<string, HistoryValue>,
  to: Map<string, HistoryValue>,
): FieldChange[] {
  const whole = new Map<string, FieldChange>()
  for (const { field, from: a, to: b } of changes) {
    const item = /^(.*\[[^\]]+\])\.id$/.exec(field)?.[1]
    if (item === undefined || (a !== null && b !== null)) continue
    const name = (side: Map<string, HistoryValue>) =>
      side.get(`${item}.productName`) ?? side.get(field) ?? null
    whole.set(item, {
      field: item,
      from: a === null ? null : name(from),
      to: b === null ? null : name(to),
    })
  }
  if (whole.size === 0) return changes
  const out: FieldChange[] = []
  for (const change of changes) {
    const item = /^(.*\[[^\]]+\])\./.exec(change.field)?.[1]
    const replaced = item === undefined ? undefined : whole.get(item)
    if (!replaced) out.push(change)
    else if (change.field === `${item}.id`) out.push(replaced)
  }
  return out
}

/**
 * Stamps an accepted change: appends the history entry and sets updatedAt.
 *
 * @param before - the document the command was applied to
 * @param after - the document the rule produced (its history is replaced, not read)
 * @param command - the command's type, e.g. 'editLine'
 * @param ctx - who and when
 * @param extra - changes that are not fields of the document (a payment recorded as its own record)
 */
export function withHistory<D extends { history: HistoryEntry[]; updatedAt: string }>(
  before: D,
  after: D,
  command: string,
  ctx: Pick<CommandContext, 'actor' | 'at'>,
  extra: FieldChange[] = [],
): D {
  const entry: HistoryEntry = {
    at: ctx.at,
    by: ctx.actor.userId,
    role: ctx.actor.role,
    command,
    changes: [...extra, ...diffDocuments(before, after)],
  }
  return { ...after, updatedAt: ctx.at, history: [...before.history, entry] }
}

/**
 * A state change (pay, cancel, submit, ...): the same document with new state and status, logged.
 *
 * @example
 * changeState(order, { state: 'canceled', status: 'noMoney' }, 'cancelOrder', ctx)
 */
export function changeState<D extends { history: HistoryEntry[]; updatedAt: string }>(
  doc: D,
  next: Partial<D>,
  command: string,
  ctx: Pick<CommandContext, 'actor' | 'at'>,
): { ok: true; document: D } {
  return { ok: true, document: withHistory(doc, { ...doc, ...next }, command, ctx) }
}
