/**
 * CSV as RFC 4180 describes it, plus what spreadsheets really write: a UTF-8 byte order mark, LF or CR line
 * breaks as well as CRLF, and ';' as the delimiter (Excel in locales whose decimal mark is a comma).
 *
 * The parser keeps the 1-based line of the file on which each record starts, so an import can say "line 7" and
 * the rep finds that row in their editor even when an earlier cell held a line break.
 *
 * @example
 * parseCsv('name;city\r\nAcme;"Lyon\nCedex"\r\n')
 * // { ok: true, delimiter: ';', rows: [{ line: 1, cells: ['name', 'city'] }, { line: 2, cells: ['Acme', 'Lyon\nCedex'] }] }
 */

export type CsvDelimiter = ',' | ';'

/** One record of the file: its cells, and the line of the file it starts on (1-based). */
export interface CsvRow {
  line: number
  cells: string[]
}

export type CsvParseResult =
  | { ok: true; delimiter: CsvDelimiter; rows: CsvRow[] }
  | { ok: false; line: number; reason: string }

const QUOTE = '"'

/**
 * The delimiter of a file, read from its first record: ';' when it has more semicolons than commas outside
 * quotes, ',' otherwise (a one-column file has neither, and ',' is the standard).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of text) {
    if (ch === QUOTE) quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/**
 * Parses CSV text into records. A physically empty line (nothing between two line breaks) is skipped; a line of
 * delimiters only is kept, as empty cells, for the caller to judge. A quote that is never closed, or text after
 * a closing quote, makes the whole file unreadable: every record after it would be shifted, so no row is trusted.
 *
 * @param text - the file's text; a leading BOM is ignored
 * @param options - `delimiter` to force one instead of detecting it from the first record
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const delimiter = options.delimiter ?? detectDelimiter(body)
  const rows: CsvRow[] = []
  let line = 1
  let i = 0
  while (i < body.length) {
    const recordLine = line
    // A physically empty line: skipped, as spreadsheets and editors leave them at the end.
    if (body[i] === '\n' || body[i] === '\r') {
      i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    const cells: string[] = []
    for (;;) {
      const cell = body[i] === QUOTE ? readQuoted(body, i, line) : readPlain(body, i, delimiter)
      if ('reason' in cell) return { ok: false, line: cell.line, reason: cell.reason }
      cells.push(cell.value)
      line += cell.breaks
      i = cell.end
      const next = body[i]
      if (next === delimiter) {
        i++
        continue
      }
      if (next === undefined) break
      if (next === '\n' || next === '\r') {
        i += next === '\r' && body[i + 1] === '\n' ? 2 : 1
        line++
        break
      }
      return { ok: false, line, reason: 'unexpected text after a closing quote' }
    }
    rows.push({ line: recordLine, cells })
  }
  return { ok: true, delimiter, rows }
}

interface CellRead {
  value: string
  /** Index just after the cell. */
  end: number
  /** Line breaks inside the cell. */
  breaks: number
}

/** An unquoted cell: everything up to the delimiter or a line break (a stray quote inside is kept as text). */
function readPlain(body: string, start: number, delimiter: CsvDelimiter): CellRead {
  let end = start
  while (end < body.length) {
    const c = body[end]
    if (c === delimiter || c === '\n' || c === '\r') break
    end++
  }
  return { value: body.slice(start, end), end, breaks: 0 }
}

/** A quoted cell starting at `start` (the opening quote): "" is a quote, line breaks are kept. */
function readQuoted(
  body: string,
  start: number,
  line: number,
): CellRead | { line: number; reason: string } {
  let value = ''
  let breaks = 0
  let j = start + 1
  for (;;) {
    const close = body.indexOf(QUOTE, j)
    if (close < 0) return { line, reason: 'a quoted cell is never closed' }
    const chunk = body.slice(j, close)
    value += chunk
    breaks += countBreaks(chunk)
    if (body[close + 1] === QUOTE) {
      value += QUOTE
      j = close + 2
      continue
    }
    return { value, end: close + 1, breaks }
  }
}

/** Line breaks in a text, counting CRLF once and a lone CR or LF once each. */
function countBreaks(text: string): number {
  let n = 0
  for (let k = 0; k < text.length; k++) {
    const c = text[k]
    if (c === '\n' || (c === '\r' && text[k + 1] !== '\n')) n++
  }
  return n
}

/** Whether a cell must be quoted: it holds the delimiter, a quote or a line break, or is a lone empty cell. */
function needsQuotes(cell: string, delimiter: CsvDelimiter): boolean {
  return (
    cell.includes(delimiter) || cell.includes(QUOTE) || cell.includes('\n') || cell.includes('\r')
  )
}

/** One cell as CSV text: quoted (with doubled quotes) only when it needs to be. */
export function formatCsvCell(cell: string, delimiter: CsvDelimiter = ','): string {
  return needsQuotes(cell, delimiter) ? `${QUOTE}${cell.replaceAll(QUOTE, '""')}${QUOTE}` : cell
}

/**
 * Records as CSV text, each ending in CRLF (RFC 4180). Cells are written exactly as given: no formula
 * neutralisation here (see `neutraliseFormula`), so `parseCsv(formatCsvRows(rows))` gives `rows` back.
 */
export function formatCsvRows(
  rows: readonly (readonly string[])[],
  delimiter: CsvDelimiter = ',',
): string {
  let out = ''
  for (const row of rows) {
    // A record of one empty cell would be a blank line, which the parser skips: quote it to keep it.
    if (row.length === 1 && row[0] === '') out += '""\r\n'
    else out += `${row.map((c) => formatCsvCell(c, delimiter)).join(delimiter)}\r\n`
  }
  return out
}

// A spreadsheet runs a cell starting with one of these as a formula ("CSV injection"): '=HYPERLINK(...)' in a
// customer name would become a live link in the accountant's Excel. Tab and CR are in OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A text cell made safe to open in a spreadsheet: one that starts with = + - @ (or a tab or CR) gets a leading
 * apostrophe, which Excel and LibreOffice hide and read as "this is text". Only text cells go through this:
 * money and quantities are written as plain numbers, so "-12.50" stays a negative number and sums in Excel.
 *
 * @example
 * neutraliseFormula('=1+1') // "'=1+1"
 * neutraliseFormula('Acme') // 'Acme'
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}
