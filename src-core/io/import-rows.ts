/**
 * CSV rows to records: the header is checked first (one clear error for a missing, unknown or repeated column),
 * then every row on its own, collecting every problem with its row and column. Good rows become records; a bad
 * row is reported and never half-used. Nothing here writes: the caller shows the result as a preview and writes
 * the good records in one go.
 *
 * Headers are the form's labels or the record's field names (see `IMPORT_COLUMNS`), matched ignoring case, spaces
 * and punctuation. An error names its column as the file heads it, so the rep finds the cell.
 *
 * Numbers are canonical decimals with '.' ("1234.50", "-2"). A thousands separator or decimal comma is refused
 * with a reason rather than guessed: "1,234" is a thousand in one locale and one point two in another, and a
 * wrong guess would silently put a price off by a factor of a thousand.
 */
import { MoneyError, parseDecimal } from '@core/money'
import { unstorableText } from '@core/schema'
import type { CsvRow } from './csv'
import { normaliseHeader as normalise, type ColumnSpec } from './import-columns'

/**
 * One problem: the line of the file it starts on (1-based: the header is row 1, as a spreadsheet numbers it), the
 * column when one cell is at fault (as the file heads it), and why.
 */
export interface ImportError {
  line: number
  column?: string
  reason: string
}

export interface ImportResult<T> {
  good: T[]
  errors: ImportError[]
  /** How many good records replace an existing one (same key); the others are new. */
  updates: number
}

/**
 * One error as a sentence for the report.
 *
 * @example
 * formatImportError({ line: 7, column: 'List Price', reason: '"12,5O" is not a number' })
 * // 'Row 7, List Price: "12,5O" is not a number'
 */
export function formatImportError(error: ImportError): string {
  return error.column
    ? `Row ${error.line}, ${error.column}: ${error.reason}`
    : `Row ${error.line}: ${error.reason}`
}

/** Reads one row's cells by column name and collects that row's errors. */
export class RowReader {
  readonly errors: ImportError[] = []

  constructor(
    readonly line: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  /** Whether the file has this column at all (an absent column keeps an existing record's value). */
  has(column: string): boolean {
    return this.cells.has(column)
  }

  fail(column: string | undefined, reason: string): undefined {
    this.errors.push(column ? { line: this.line, column, reason } : { line: this.line, reason })
    return undefined
  }

  /** The trimmed cell, or undefined when empty or absent; `required` reports an empty cell. */
  text(column: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const value = this.cells.get(column)?.trim() ?? ''
    if (value === '') return options.required ? this.fail(column, 'is required') : undefined
    const unstorable = unstorableText(value)
    if (unstorable) return this.fail(column, unstorable)
    const max = options.max ?? 300
    if (value.length > max) return this.fail(column, `is longer than ${max} characters`)
    return value
  }

  /** A canonical decimal string, e.g. "1234.50"; `nonNegative` refuses a minus sign. */
  decimal(
    column: string,
    options: { required?: boolean; nonNegative?: boolean } = {},
  ): string | undefined {
    const value = this.text(column, { required: options.required ?? false, max: 40 })
    if (value === undefined) return undefined
    const shown = JSON.stringify(value)
    if (/^[+-]?[\d.,\s']+$/.test(value) && /[\d]/.test(value) && /[,\s']/.test(value))
      return this.fail(
        column,
        `${shown} has a thousands separator or decimal comma: write the number with a '.' decimal point and no separators, e.g. 1234.50`,
      )
    if (!/^-?\d+(\.\d+)?$/.test(value)) return this.fail(column, `${shown} is not a number`)
    try {
      parseDecimal(value)
    } catch (e) {
      if (e instanceof MoneyError) return this.fail(column, `${shown} is ${e.message}`)
      throw e
    }
    if (options.nonNegative && value.startsWith('-'))
      return this.fail(column, `${shown} must not be negative`)
    return value
  }

  /** true/false, yes/no or 1/0 (any case); empty gives `fallback`. */
  boolean(column: string, fallback: boolean): boolean {
    const value = this.text(column)
    if (value === undefined) return fallback
    const lower = value.toLowerCase()
    if (['true', 'yes', '1'].includes(lower)) return true
    if (['false', 'no', '0'].includes(lower)) return false
    this.fail(column, `${JSON.stringify(value)} is not true or false`)
    return fallback
  }

  /**
   * One of a fixed set of values, by its label or its name, matched like headers (ignoring case, spaces and
   * punctuation): "Percent of List" and "percentOfList" are the same choice.
   */
  choice<const T extends string>(
    column: string,
    labels: Readonly<Record<T, string>>,
  ): T | undefined {
    const value = this.text(column)
    if (value === undefined) return undefined
    const key = normalise(value)
    const values = Object.keys(labels) as T[]
    const found = values.find((v) => normalise(v) === key || normalise(labels[v]) === key)
    if (found === undefined)
      return this.fail(
        column,
        `${JSON.stringify(value)} is not one of ${values.map((v) => labels[v]).join(', ')}`,
      )
    return found
  }
}

/** Maps a row to a record and the key that must be unique in the file, or undefined when the row is bad. */
export type RowMapper<T> = (
  row: RowReader,
) => { record: T; key: string; isUpdate: boolean } | undefined

/**
 * Runs a mapper over rows whose first row is the header: header checks first, then every row.
 *
 * @param rows - parsed CSV records, header first
 * @param columns - the columns this kind knows
 * @param map - turns one row into a record (reporting through the reader)
 * @param keyColumns - the columns whose values must not repeat in the file, e.g. ['accountNumber']
 */
export function mapRows<T>(
  rows: readonly CsvRow[],
  columns: readonly ColumnSpec[],
  map: RowMapper<T>,
  keyColumns: readonly string[],
): ImportResult<T> {
  const [header, ...body] = rows
  if (!header) return { good: [], errors: [{ line: 1, reason: 'The file is empty.' }], updates: 0 }
  const positions = readHeader(header, columns)
  if ('line' in positions) return { good: [], errors: [positions], updates: 0 }
  // An error names its column as the file heads it; a column the file lacks, by its label.
  const headed = (name: string): string => {
    const index = positions.get(name)
    const inFile = index === undefined ? undefined : header.cells[index]?.trim()
    return inFile || (columns.find((c) => c.name === name)?.label ?? name)
  }
  const keyName = keyColumns.map(headed).join(' + ')
  const good: T[] = []
  const errors: ImportError[] = []
  const seen = new Map<string, number>()
  let updates = 0
  for (const row of body) {
    // A line of delimiters only is what a spreadsheet writes for an empty row: not data, not an error.
    if (row.cells.every((c) => c.trim() === '')) continue
    const extra = row.cells.slice(header.cells.length)
    if (row.cells.length < header.cells.length || extra.some((c) => c.trim() !== '')) {
      errors.push({
        line: row.line,
        reason: `has ${row.cells.length} values but the header has ${header.cells.length} columns`,
      })
      continue
    }
    const cells = new Map<string, string>()
    for (const [name, index] of positions) cells.set(name, row.cells[index] ?? '')
    const reader = new RowReader(row.line, cells)
    const mapped = map(reader)
    if (mapped && reader.errors.length === 0) {
      const first = seen.get(mapped.key)
      if (first !== undefined) {
        errors.push({
          line: row.line,
          column: keyName,
          reason: `repeats the ${keyName} of row ${first}`,
        })
        continue
      }
      seen.set(mapped.key, row.line)
      good.push(mapped.record)
      if (mapped.isUpdate) updates++
    } else {
      errors.push(...reader.errors.map((e) => (e.column ? { ...e, column: headed(e.column) } : e)))
    }
  }
  return { good, errors, updates }
}

/** Column name → cell index, or the one error that makes the whole file unusable. */
function readHeader(
  header: CsvRow,
  columns: readonly ColumnSpec[],
): Map<string, number> | ImportError {
  const byKey = new Map<string, ColumnSpec>()
  for (const c of columns) {
    byKey.set(normalise(c.name), c)
    byKey.set(normalise(c.label), c)
  }
  const positions = new Map<string, number>()
  const known = columns.map((c) => c.label).join(', ')
  for (const [index, cell] of header.cells.entries()) {
    if (cell.trim() === '') continue
    const column = byKey.get(normalise(cell))
    if (column === undefined)
      return {
        line: header.line,
        reason: `The column "${cell}" is not known. The columns are: ${known}.`,
      }
    if (positions.has(column.name))
      return { line: header.line, reason: `The column "${column.label}" appears twice.` }
    positions.set(column.name, index)
  }
  const required = columns.filter((c) => c.required)
  const missing = required.filter((c) => !positions.has(c.name)).map((c) => `"${c.label}"`)
  if (missing.length > 0)
    return {
      line: header.line,
      reason: `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} (required: ${required
        .map((c) => c.label)
        .join(', ')}).`,
    }
  return positions
}
