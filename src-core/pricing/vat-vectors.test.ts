import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  priceDocument,
  PricingError,
  type PriceDocumentInput,
  type PriceDocumentResult,
} from './index'

// As with pricing-vectors.json: the shared spec folder owns the worked examples, the repository keeps a copy,
// and where both exist they must be identical.
const sharedUrl = new URL('../../../shared/spec/vat-vectors.json', import.meta.url)
const copyUrl = new URL('./fixtures/vat-vectors.json', import.meta.url)
const hasShared = existsSync(sharedUrl)

interface Vector {
  name: string
  input: PriceDocumentInput
  /** The priced result, or (for a refusal) absent with `error` naming the field. */
  expect?: PriceDocumentResult
  error?: string
}

const vectors = JSON.parse(readFileSync(hasShared ? sharedUrl : copyUrl, 'utf8')) as Vector[]

describe('vat-vectors.json', () => {
  it('holds worked examples, priced ones and refusals', () => {
    expect(vectors.filter((v) => v.expect).length).toBeGreaterThan(0)
    expect(vectors.filter((v) => v.error).length).toBeGreaterThan(0)
  })

  it.runIf(hasShared)('the copy in the repository equals the shared spec', () => {
    expect(JSON.parse(readFileSync(copyUrl, 'utf8'))).toEqual(vectors)
  })

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    if (vector.error === undefined) {
      expect(priceDocument(vector.input)).toEqual(vector.expect)
      return
    }
    let thrown: unknown
    try {
      priceDocument(vector.input)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(PricingError)
    expect((thrown as PricingError).field).toBe(vector.error)
  })
})
