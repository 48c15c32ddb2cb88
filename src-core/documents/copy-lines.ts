/**
 * Copying lines from one document to another (Create Invoice from an order, Get Products from an opportunity):
 * every priced field comes along, each copy gets a new id and remembers the line it came from.
 */
import type { DocumentLine, Id } from './types'

/**
 * @param lines - the source document's lines
 * @param newId - a source of fresh line ids
 * @returns copies with new ids and `sourceLineId` set to the original's id
 */
export function copyLines(lines: readonly DocumentLine[], newId: () => Id): DocumentLine[] {
  // Rules never mutate a document, so the copy may share the (read-only) discount list with its source.
  return lines.map((line) => ({ ...line, id: newId(), sourceLineId: line.id }))
}
