/**
 * The field-level engine of the conflict merge: a three-way merge of JSON values. Objects merge key by key,
 * lists of records with ids (lines, contacts) merge item by item by id, and everything else is one value. Where
 * both sides changed a value differently, one side wins (the caller decides which, the same way on every
 * device) and the other side's value is recorded as lost, so it can be shown to the user.
 */
import type { FieldChange, HistoryValue } from '@core/documents/types'
import { jsonEqual, type Json } from './json'

export type Value = Json | undefined
type Obj = { [key: string]: Json }

export interface FieldMerge {
  /** Which side wins a value both changed. */
  localWins: boolean
  /**
   * The winning side takes every value, and each change of the losing side is recorded as lost. Used when the
   * lifecycle rules out the losing side's edits (a stale edit of a paid invoice).
   */
  force: boolean
  /** Values that lost: `from` is the losing value, `to` the value kept. */
  lost: FieldChange[]
}

/** How a value is written into a history entry: scalars as they are, anything larger as JSON. */
export function historyValue(value: Value): HistoryValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : String(value)
  return JSON.stringify(value)
}

function isObj(v: Value): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isIdList(v: Value): v is Array<Obj & { id: string }> {
  return Array.isArray(v) && v.every((item) => isObj(item) && typeof item.id === 'string')
}

/** What a user calls a list item in a message: a line's product, a contact's name, else its id. */
function itemLabel(item: Obj & { id: string }): HistoryValue {
  const name = item.productName ?? item.name ?? item.lastName
  return typeof name === 'string' ? name : item.id
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/**
 * Merges one value three ways.
 *
 * @param path - the field's name in history entries: dotted, list items by id (`lines[L7].quantity`)
 * @param base - the common ancestor's value (undefined when the field, or the whole ancestor, is unknown)
 */
export function mergeValue(
  path: string,
  base: Value,
  local: Value,
  remote: Value,
  m: FieldMerge,
): Value {
  if (jsonEqual(local, remote)) return local
  if (isObj(local) && isObj(remote) && (base === undefined || isObj(base)))
    return mergeObject(path, base, local, remote, m)
  if (isIdList(local) && isIdList(remote) && (base === undefined || isIdList(base)))
    return mergeById(path, base ?? [], local, remote, m)
  const [kept, other] = m.localWins ? [local, remote] : [remote, local]
  if (m.force) {
    if (!jsonEqual(other, base))
      m.lost.push({ field: path, from: historyValue(other), to: historyValue(kept) })
    return kept
  }
  if (jsonEqual(local, base)) return remote
  if (jsonEqual(remote, base)) return local
  m.lost.push({ field: path, from: historyValue(other), to: historyValue(kept) })
  return kept
}

function mergeObject(path: string, base: Obj | undefined, local: Obj, remote: Obj, m: FieldMerge) {
  const out: Obj = {}
  for (const key of new Set([...Object.keys(local), ...Object.keys(remote)])) {
    const value = mergeValue(join(path, key), base?.[key], local[key], remote[key], m)
    if (value !== undefined) out[key] = value
  }
  return out
}

type Item = Obj & { id: string }

/**
 * Whether two items with one id are versions of the same thing. A line removed and re-added under its id as
 * another product (or a write-in) is not: mixing its fields would make a line that is neither.
 */
function sameThing(a: Item, b: Item): boolean {
  return a.isWriteIn === b.isWriteIn && a.productId === b.productId
}

/** Three-way on a whole item: changed on one side only, that side's; on both, the winner's, the other recorded. */
function mergeWhole(field: string, base: Value, local: Item, remote: Item, m: FieldMerge): Item {
  const [kept, other] = m.localWins ? [local, remote] : [remote, local]
  if (!m.force && jsonEqual(local, base)) return remote
  if (!m.force && jsonEqual(remote, base)) return local
  if (!jsonEqual(other, base))
    m.lost.push({ field, from: JSON.stringify(other), to: itemLabel(kept) })
  return kept
}

/**
 * Lists of records merge by id: the winner's order first, then items only the other side has. An item added on
 * one side is kept; deleted on one side and untouched on the other, it is deleted; deleted on one side and
 * edited on the other, the edit is kept (nothing typed is lost) and the deletion is recorded as lost.
 */
function mergeById(path: string, base: Item[], local: Item[], remote: Item[], m: FieldMerge) {
  const byId = (items: Item[]) => new Map(items.map((item) => [item.id, item]))
  const [b, l, r] = [byId(base), byId(local), byId(remote)]
  const [first, second] = m.localWins ? [local, remote] : [remote, local]
  const out: Json[] = []
  for (const id of new Set([...first, ...second].map((item) => item.id))) {
    const field = `${path}[${id}]`
    const [bi, li, ri] = [b.get(id), l.get(id), r.get(id)]
    if (li && ri) {
      out.push((sameThing(li, ri) ? mergeValue : mergeWhole)(field, bi, li, ri, m) as Json)
      continue
    }
    const present = (li ?? ri) as Item
    const presentWins = (li !== undefined) === m.localWins
    if (m.force && !presentWins) {
      // The forced loser added or edited an item the winner does not have: it goes, whole, into the record.
      if (!jsonEqual(present, bi)) m.lost.push({ field, from: JSON.stringify(present), to: null })
    } else if (bi === undefined || m.force) {
      out.push(present)
      // The forced winner kept an item the loser deleted: the deletion is what lost.
      if (bi !== undefined) m.lost.push({ field, from: null, to: itemLabel(present) })
    } else if (!jsonEqual(present, bi)) {
      out.push(present)
      m.lost.push({ field, from: null, to: itemLabel(present) })
    }
  }
  return out
}
