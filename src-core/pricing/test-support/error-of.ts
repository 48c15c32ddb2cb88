import { priceDocument, PricingError, type PriceDocumentInput } from '../index'

/**
 * Runs priceDocument on input of any shape (as IPC or the network may send it) and returns the PricingError
 * it must throw; a returned result or any other error fails the test.
 */
export function errorOf(input: unknown): PricingError {
  try {
    priceDocument(input as PriceDocumentInput)
  } catch (e) {
    if (e instanceof PricingError) return e
    throw e
  }
  throw new Error('priceDocument returned instead of throwing')
}
