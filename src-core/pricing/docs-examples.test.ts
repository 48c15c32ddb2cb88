import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { priceDocument } from './index'
import {
  EXAMPLES_END,
  EXAMPLES_START,
  renderExamples,
  type PricingVector,
} from './test-support/docs-examples'

// docs/money.md shows every worked example of the pricing tests. The section between its markers must be exactly
// what the vectors render to, and every vector must price as it says; `UPDATE_DOCS=1` rewrites the section (run Prettier
// on it afterwards).
const docsUrl = new URL('../../docs/money.md', import.meta.url)
const vectorsUrl = new URL('./fixtures/pricing-vectors.json', import.meta.url)
const vectors = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as PricingVector[]

/** Prettier pads Markdown tables; the comparison ignores the padding, not the figures. */
function normalized(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trim().replace(/ {2,}/g, ' '))
    .map((line) => (/^\|[\s|:-]+\|$/.test(line) ? line.replace(/-+/g, '-') : line))
    .join('\n')
}

function section(text: string): string {
  const start = text.indexOf(EXAMPLES_START)
  const end = text.indexOf(EXAMPLES_END)
  if (start < 0 || end < start)
    throw new Error('docs/money.md has lost its pricing examples markers')
  return text.slice(start, end + EXAMPLES_END.length)
}

describe('docs/money.md worked examples', () => {
  it('every example prices as the document says', () => {
    for (const v of vectors) expect(priceDocument(v.input), v.name).toEqual(v.expect)
  })

  it('the document shows exactly the worked examples of the tests', () => {
    const text = readFileSync(docsUrl, 'utf8')
    const wanted = renderExamples(vectors)
    if (process.env.UPDATE_DOCS === '1') {
      writeFileSync(docsUrl, text.replace(section(text), wanted))
      return
    }
    expect(normalized(section(text))).toBe(normalized(wanted))
  })
})
