/**
 * JSON-schema property helpers for the RxDB schemas. RxDB needs a `maxLength` on every indexed string and a
 * declared type on every top-level field; the real validation of a document's content is src-core's schemas,
 * run by the repositories (we ship no RxDB validator, see database.ts).
 */
import type { TopLevelProperty } from 'rxdb'
import { DATE_TIME_LENGTH, DECIMAL_LENGTH } from '@core/documents/schemas'

/** Longest id we accept (src-core's `id()` schema allows 200). */
export const ID_LENGTH = 200

export const idProp = (): TopLevelProperty => ({ type: 'string', maxLength: ID_LENGTH })
export const textProp = (maxLength: number): TopLevelProperty => ({ type: 'string', maxLength })
/** Money and quantities: always decimal strings, never numbers (a float with multipleOf rejects valid amounts). */
export const decimalProp = (): TopLevelProperty => ({
  type: 'string',
  maxLength: DECIMAL_LENGTH,
})
export const dateProp = (): TopLevelProperty => ({ type: 'string', maxLength: 10 })
export const dateTimeProp = (): TopLevelProperty => ({
  type: 'string',
  maxLength: DATE_TIME_LENGTH,
})
export const boolProp = (): TopLevelProperty => ({ type: 'boolean' })
export const objectProp = (): TopLevelProperty => ({ type: 'object' })
export const arrayProp = (): TopLevelProperty => ({ type: 'array', items: { type: 'object' } })
export const intProp = (): TopLevelProperty => ({
  type: 'integer',
  minimum: 0,
  maximum: 1_000_000,
  multipleOf: 1,
})
