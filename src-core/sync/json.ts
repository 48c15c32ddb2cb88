/**
 * Structural equality of JSON values. Sync compares documents that went through PostgreSQL's jsonb (which
 * reorders keys) and IndexedDB, so equality must ignore key order; `undefined` members count as absent, as in
 * JSON itself.
 */

/** A JSON value as parsed. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined)
}

/**
 * Whether two JSON values are equal regardless of key order.
 *
 * @example
 * jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  }
  if (isObject(a) && isObject(b)) {
    const keys = definedKeys(a)
    if (keys.length !== definedKeys(b).length) return false
    return keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
  }
  return false
}
