/**
 * Document rules of Fieldbill: types, lifecycles, commands on orders, invoices and opportunities' lines, payments, creating documents,
 * totals through `priceDocument`, history, and runtime schemas.
 */
export type * from './types'
export type * from './commands'
export { refuse } from './commands'
export * from './lifecycle'
export * from './catalog'
export { applyInvoiceCommand } from './invoice-commands'
export { applyOrderCommand } from './order-commands'
export { EMAIL_STATES, emailStatusText, PAYMENT_TERM_CODES, PAYMENT_TERMS } from './header-fields'
export {
  headerProblems,
  HEADER_TEXT_LIMITS,
  LINE_LIMITS,
  type FieldProblem,
  type HeaderInput,
} from './header-rules'
export { recordEmailStatus } from './email-status'
export {
  amountPaid,
  balanceDue,
  countedPayments,
  deletionRefusal,
  paymentsOf,
  refundsOf,
  voidedIds,
  type DeletionFacts,
} from './payments'
export {
  createInvoice,
  createInvoiceFromOrder,
  createOrder,
  NO_TOTALS,
  type NewDocumentInput,
} from './create-invoice'
export { duplicateInvoice, DUPLICATE_COMMAND, DUPLICATED_FROM_FIELD } from './duplicate-invoice'
export { applyOpportunityLines, type OpportunityLineCommand } from './opportunity-commands'
export { priceLines, type PriceMode, type PricedDocument } from './totals'
export { catalogUnitPrice } from './unit-price'
export * from './opportunity-state'
export { diffDocuments } from './history'
export * from './schemas'
export * from './record-schemas'
export { emailProblem, phoneProblem, EMAIL_PATTERN, PHONE_PATTERN } from './contact-info'
export * from './vat-settings'
