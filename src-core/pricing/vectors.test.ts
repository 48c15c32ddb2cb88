import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { priceDocument, type PriceDocumentInput, type PriceDocumentResult } from './index'

// The worked examples are owned by the shared spec folder beside the repository (../shared from the repo root),
// which CI always has. A clone on its own has only the copy kept here; where both exist they must be identical,
// so the copy can never drift from the spec unnoticed.
const sharedUrl = new URL('../../../shared/spec/pricing-vectors.json', import.meta.url)
const copyUrl = new URL('./fixtures/pricing-vectors.json', import.meta.url)
const hasShared = existsSync(sharedUrl)

interface Vector {
  name: string
  input: PriceDocumentInput
  expect: PriceDocumentResult
}

const vectors = JSON.parse(readFileSync(hasShared ? sharedUrl : copyUrl, 'utf8')) as Vector[]

describe('pricing-vectors.json', () => {
  it('holds worked examples', () => {
    expect(vectors.length).toBeGreaterThan(0)
  })

  it.runIf(hasShared)('the copy in the repository equals the shared spec', () => {
    expect(JSON.parse(readFileSync(copyUrl, 'utf8'))).toEqual(vectors)
  })

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    expect(priceDocument(vector.input)).toEqual(vector.expect)
  })
})
