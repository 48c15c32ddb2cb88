/**
 * The one error `priceDocument` throws for bad input. It names where the problem is, so the UI can put the
 * message next to the field and the sync server can send it back to the rep.
 *
 * @example
 * new PricingError('must not be negative', 'manualDiscount', 2).message
 * // 'line 2, manualDiscount: must not be negative'
 */
export class PricingError extends Error {
  /** 1-based line number as the user sees it; absent for header and settings errors. */
  readonly line?: number
  /** The field's path relative to its line (e.g. 'catalog.listPrice') or the header/settings key. */
  readonly field: string
  /** The problem without its location, e.g. 'must not be negative'. */
  readonly reason: string

  constructor(reason: string, field: string, line?: number) {
    super(locate(field, line) + reason)
    this.name = 'PricingError'
    this.field = field
    this.reason = reason
    if (line !== undefined) this.line = line
  }
}

function locate(field: string, line: number | undefined): string {
  const where = line === undefined ? [] : [`line ${line}`]
  if (field !== '') where.push(field)
  return where.length === 0 ? '' : `${where.join(', ')}: `
}
