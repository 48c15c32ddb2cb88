import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { priceDocument, type PriceDocumentInput, type PriceDocumentResult } from './index'

// The worked examples live in the shared spec folder beside the repository (../shared from the repo root).
const vectorsUrl = new URL('../../../shared/spec/pricing-vectors.json', import.meta.url)

interface Vector {
  name: string
  input: PriceDocumentInput
  expect: PriceDocumentResult
}

const vectors = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as Vector[]

describe('pricing-vectors.json', () => {
  it('holds worked examples', () => {
    expect(vectors.length).toBeGreaterThan(0)
  })

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    expect(priceDocument(vector.input)).toEqual(vector.expect)
  })
})
