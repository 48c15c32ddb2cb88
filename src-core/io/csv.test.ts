import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  detectDelimiter,
  formatCsvCell,
  formatCsvRows,
  neutraliseFormula,
  parseCsv,
  type CsvDelimiter,
} from './csv'

function rowsOf(text: string, delimiter?: CsvDelimiter) {
  const result = parseCsv(text, delimiter ? { delimiter } : {})
  if (!result.ok) throw new Error(`line ${result.line}: ${result.reason}`)
  return result.rows
}

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, embedded delimiters and line breaks with their start lines', () => {
    const text = 'name,note\r\n"Acme, Inc.","say ""hi"""\r\nBolt,"two\r\nlines"\nCog,x\n'
    expect(rowsOf(text)).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Acme, Inc.', 'say "hi"'] },
      { line: 3, cells: ['Bolt', 'two\r\nlines'] },
      { line: 5, cells: ['Cog', 'x'] },
    ])
  })

  it('ignores a BOM, skips blank lines but counts them, and keeps lines of empty cells', () => {
    const text = '\uFEFFa,b\n\n1,2\r\n\r\n,\n3,4'
    expect(rowsOf(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['', ''] },
      { line: 6, cells: ['3', '4'] },
    ])
  })

  it('detects ; from the header and leaves commas in cells alone', () => {
    const result = parseCsv('name;listPrice\nWidget;12,50\n')
    expect(result).toEqual({
      ok: true,
      delimiter: ';',
      rows: [
        { line: 1, cells: ['name', 'listPrice'] },
        { line: 2, cells: ['Widget', '12,50'] },
      ],
    })
  })

  it('counts delimiters outside quotes only when detecting', () => {
    expect(detectDelimiter('"a;b;c",d\n1;2;3;4')).toBe(',')
    expect(detectDelimiter('a;b,c;d')).toBe(';')
    expect(detectDelimiter('single')).toBe(',')
  })

  it('handles old Mac CR line ends and a lone CR inside quotes', () => {
    expect(rowsOf('a\r"b\rc"\rd')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b\rc'] },
      { line: 4, cells: ['d'] },
    ])
  })

  it('keeps a stray quote inside an unquoted cell as text', () => {
    expect(rowsOf('5" pipe,x')).toEqual([{ line: 1, cells: ['5" pipe', 'x'] }])
  })

  it('refuses an unclosed quote, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'a quoted cell is never closed',
    })
  })

  it('refuses text after a closing quote', () => {
    expect(parseCsv('a\n"x"y\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'unexpected text after a closing quote',
    })
  })

  it('gives no rows for an empty file', () => {
    expect(parseCsv('')).toEqual({ ok: true, delimiter: ',', rows: [] })
  })
})

describe('formatCsvRows', () => {
  it('quotes only when needed and ends records with CRLF', () => {
    expect(formatCsvRows([['a', 'b,c', 'say "hi"', 'x\ny'], ['']])).toBe(
      'a,"b,c","say ""hi""","x\ny"\r\n""\r\n',
    )
    expect(formatCsvCell('a;b', ';')).toBe('"a;b"')
    expect(formatCsvCell('a;b', ',')).toBe('a;b')
  })

  const cell = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r', 'é', '='),
  })
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 })

  it('round-trips through parseCsv for any cells and either delimiter', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom<CsvDelimiter>(',', ';'), (input, delimiter) => {
        const parsed = rowsOf(formatCsvRows(input, delimiter), delimiter)
        expect(parsed.map((r) => r.cells)).toEqual(input)
      }),
    )
  })

  it('gives each record the line it starts on', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = rowsOf(formatCsvRows(input, ','), ',')
        let line = 1
        parsed.forEach((row, k) => {
          expect(row.line).toBe(line)
          const text = formatCsvRows([input[k]!], ',')
          line += text.split(/\r\n|\r|\n/).length - 1
        })
      }),
    )
  })
})

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const danger of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(danger)).toBe(`'${danger}`)
    for (const safe of ['Acme', '', '1-2', "'quoted", ' =x'])
      expect(neutraliseFormula(safe)).toBe(safe)
  })
})
