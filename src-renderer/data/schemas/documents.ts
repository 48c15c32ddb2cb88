/**
 * RxDB schemas of opportunities, orders, invoices and payments, made from src-core's record schemas
 * (from-core.ts). Lines and history live inside their document: one document, one revision, one conflict unit
 * (docs/architecture.md, Local data). Every list query of the screens has an index here; RxDB appends the
 * primary key to each index, so equal keys still sort the same way every time.
 */
import type { RxJsonSchema } from 'rxdb'
import type { InvoiceDoc, OpportunityDoc, OrderDoc, PaymentDocFields } from '../stored-types'
import { DATE_AMOUNT_DESC_KEY_LENGTH, DECIMAL_KEY_LENGTH, INSTANT_KEY_LENGTH } from '../sort-keys'
import { COLLECTION_RECORDS } from '@core/documents/collection-records'
import { DECIMAL_LENGTH } from '@core/documents/schemas'
import { rxSchemaOf, storedText } from './from-core'

export const opportunitySchema: RxJsonSchema<OpportunityDoc> = rxSchemaOf(
  COLLECTION_RECORDS.opportunities,
  {
    title: 'opportunities',
    version: 0,
    // Opportunities list: latest first; a customer's opportunities.
    indexes: ['updatedAt', ['customerId', 'updatedAt']],
  },
)

/**
 * Orders and invoices share their list indexes: by number, by date (oldest first on createdAt, newest first on
 * createdAtDescKey, since RxDB sorts a 'desc' query in memory), per customer, per state or status.
 */
const documentIndexes = [
  'number',
  'createdAt',
  ['customerId', 'createdAt'],
  ['state', 'createdAt'],
  ['status', 'createdAt'],
  'createdAtDescKey',
  ['customerId', 'createdAtDescKey'],
  ['state', 'createdAtDescKey'],
  ['status', 'createdAtDescKey'],
]

const sortKey = storedText(DECIMAL_KEY_LENGTH)
const dateKey = storedText(10)
const createdAtDescKey = storedText(INSTANT_KEY_LENGTH)
const dateAmountDescKey = storedText(DATE_AMOUNT_DESC_KEY_LENGTH)

/** VAT mode's tax mode, frozen at 10 characters by v4 of orders and invoices. */
const taxModeV4 = { taxMode: storedText(10) }

export const orderSchema: RxJsonSchema<OrderDoc> = rxSchemaOf(COLLECTION_RECORDS.orders, {
  title: 'orders',
  // v1 added deliveryDateKey and totalKey, v2 createdAtDescKey and deliveryDescKey, v3 paymentTerms, v4
  // taxMode, freightVat and vatBreakdown (migrations.ts).
  version: 4,
  frozen: taxModeV4,
  derived: {
    deliveryDateKey: dateKey,
    totalKey: sortKey,
    createdAtDescKey,
    deliveryDescKey: dateAmountDescKey,
  },
  // Plus: orders (open ones, or all) by requested delivery date, then amount; either way round.
  indexes: [
    ...documentIndexes,
    ['state', 'deliveryDateKey', 'totalKey'],
    ['deliveryDateKey', 'totalKey'],
    ['state', 'deliveryDescKey'],
    'deliveryDescKey',
  ],
})

export const invoiceSchema: RxJsonSchema<InvoiceDoc> = rxSchemaOf(COLLECTION_RECORDS.invoices, {
  title: 'invoices',
  // v1 added balanceDue, balanceKey and dueDateKey, v2 createdAtDescKey and dueDescKey, v3 invoiceDate,
  // dateDelivered, paymentTerms and email, v4 taxMode, freightVat and vatBreakdown (migrations.ts).
  version: 4,
  frozen: taxModeV4,
  derived: {
    balanceDue: storedText(DECIMAL_LENGTH),
    balanceKey: sortKey,
    dueDateKey: dateKey,
    createdAtDescKey,
    dueDescKey: dateAmountDescKey,
  },
  // Plus: invoices (open ones for collections, or all) by due date, then balance due; either way round.
  indexes: [
    ...documentIndexes,
    ['state', 'dueDateKey', 'balanceKey'],
    ['dueDateKey', 'balanceKey'],
    ['state', 'dueDescKey'],
    'dueDescKey',
  ],
})

/**
 * The payments ledger: payments, voids and refunds in one collection (types.ts `LedgerEntry`). A void has no
 * amount, currency or method of its own, so those are not required; every indexed field is.
 */
export const paymentSchema: RxJsonSchema<PaymentDocFields> = rxSchemaOf(
  COLLECTION_RECORDS.payments,
  {
    title: 'payments',
    // v1 added kind (and a void's voidsPaymentId and reason); a v0 record is a payment (migrations.ts).
    version: 1,
    // An invoice's payments (balance), a customer's payments, all payments by date.
    indexes: [['invoiceId', 'date'], ['customerId', 'date'], 'date'],
  },
)
