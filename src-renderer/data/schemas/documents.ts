/**
 * RxDB schemas of opportunities, orders, invoices and payments. Lines and history live inside their document:
 * one document, one revision, one conflict unit (docs/architecture.md, Local data). Every list query of the screens has an index here;
 * RxDB appends the primary key to each index, so equal keys still sort the same way every time.
 */
import type { RxJsonSchema, TopLevelProperty } from 'rxdb'
import type { InvoiceDoc, OpportunityDoc, OrderDoc, PaymentDocFields } from '../stored-types'
import { DATE_AMOUNT_DESC_KEY_LENGTH, DECIMAL_KEY_LENGTH, INSTANT_KEY_LENGTH } from '../sort-keys'
import { paymentSchema as ledgerEntrySchema } from '@core/documents/schemas'
import { rxSchemaOf } from './from-core'
import {
  arrayProp,
  boolProp,
  dateProp,
  dateTimeProp,
  decimalProp,
  idProp,
  objectProp,
  textProp,
} from './properties'

const salesProperties = {
  id: idProp(),
  updatedAt: dateTimeProp(),
  name: textProp(300),
  description: textProp(2000),
  customerId: idProp(),
  contactId: idProp(),
  ownerId: idProp(),
  priceListId: idProp(),
  currencyCode: textProp(3),
  exchangeRate: decimalProp(),
  pricing: objectProp(),
  lines: arrayProp(),
  totals: objectProp(),
  baseTotals: objectProp(),
} satisfies Record<string, TopLevelProperty>

const headerProperties = {
  billTo: objectProp(),
  shipTo: objectProp(),
  discountPercent: decimalProp(),
  discountAmount: decimalProp(),
  freightAmount: decimalProp(),
  // VAT mode (v4): the document's own tax mode, freight's VAT and the VAT breakdown stored with the totals.
  taxMode: textProp(10),
  freightVat: objectProp(),
  vatBreakdown: arrayProp(),
  number: textProp(100),
  pricesLocked: boolProp(),
  createdAt: dateTimeProp(),
  createdBy: idProp(),
  history: arrayProp(),
  opportunityId: idProp(),
} satisfies Record<string, TopLevelProperty>

const salesRequired = [
  'id',
  'updatedAt',
  'name',
  'customerId',
  'ownerId',
  'priceListId',
  'currencyCode',
  'exchangeRate',
  'pricing',
  'lines',
  'totals',
  'baseTotals',
] as const

const headerRequired = [
  ...salesRequired,
  'billTo',
  'shipTo',
  'discountPercent',
  'discountAmount',
  'freightAmount',
  'number',
  'pricesLocked',
  'createdAt',
  'createdBy',
  'history',
  'kind',
  'state',
  'status',
] as const

export const opportunitySchema: RxJsonSchema<OpportunityDoc> = {
  title: 'opportunities',
  // v1 added the Status (state) and Est. Close Date (migrations.ts).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...salesProperties,
    kind: textProp(20),
    state: textProp(10),
    estimatedCloseDate: dateProp(),
  },
  required: [...salesRequired, 'kind'],
  // Opportunities list: latest first; a customer's opportunities.
  indexes: ['updatedAt', ['customerId', 'updatedAt']],
}

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

const sortKeyProp = (): TopLevelProperty => ({ type: 'string', maxLength: DECIMAL_KEY_LENGTH })
const createdAtDescKeyProp = (): TopLevelProperty => ({
  type: 'string',
  maxLength: INSTANT_KEY_LENGTH,
})
const dateAmountDescKeyProp = (): TopLevelProperty => ({
  type: 'string',
  maxLength: DATE_AMOUNT_DESC_KEY_LENGTH,
})

export const orderSchema: RxJsonSchema<OrderDoc> = {
  title: 'orders',
  // v1 added deliveryDateKey and totalKey, v2 createdAtDescKey and deliveryDescKey, v3 paymentTerms, v4
  // taxMode, freightVat and vatBreakdown (migrations.ts).
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...salesProperties,
    ...headerProperties,
    kind: textProp(20),
    state: textProp(20),
    status: textProp(20),
    requestedDeliveryDate: dateProp(),
    paymentTerms: textProp(20),
    deliveryDateKey: dateProp(),
    totalKey: sortKeyProp(),
    createdAtDescKey: createdAtDescKeyProp(),
    deliveryDescKey: dateAmountDescKeyProp(),
  },
  required: [
    ...headerRequired,
    'deliveryDateKey',
    'totalKey',
    'createdAtDescKey',
    'deliveryDescKey',
  ],
  // Plus: orders (open ones, or all) by requested delivery date, then amount; either way round.
  indexes: [
    ...documentIndexes,
    ['state', 'deliveryDateKey', 'totalKey'],
    ['deliveryDateKey', 'totalKey'],
    ['state', 'deliveryDescKey'],
    'deliveryDescKey',
  ],
}

export const invoiceSchema: RxJsonSchema<InvoiceDoc> = {
  title: 'invoices',
  // v1 added balanceDue, balanceKey and dueDateKey, v2 createdAtDescKey and dueDescKey, v3 invoiceDate,
  // dateDelivered, paymentTerms and email, v4 taxMode, freightVat and vatBreakdown (migrations.ts).
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...salesProperties,
    ...headerProperties,
    kind: textProp(20),
    state: textProp(20),
    status: textProp(20),
    orderId: idProp(),
    invoiceDate: dateProp(),
    dueDate: dateProp(),
    dateDelivered: dateProp(),
    paymentTerms: textProp(20),
    email: objectProp(),
    balanceDue: decimalProp(),
    balanceKey: sortKeyProp(),
    dueDateKey: dateProp(),
    createdAtDescKey: createdAtDescKeyProp(),
    dueDescKey: dateAmountDescKeyProp(),
  },
  required: [
    ...headerRequired,
    'balanceDue',
    'balanceKey',
    'dueDateKey',
    'createdAtDescKey',
    'dueDescKey',
  ],
  // Plus: invoices (open ones for collections, or all) by due date, then balance due; either way round.
  indexes: [
    ...documentIndexes,
    ['state', 'dueDateKey', 'balanceKey'],
    ['dueDateKey', 'balanceKey'],
    ['state', 'dueDescKey'],
    'dueDescKey',
  ],
}

/**
 * The payments ledger: payments, voids and refunds in one collection (types.ts `LedgerEntry`), made from
 * src-core's `paymentSchema`. A void has no amount, currency or method of its own, so those are not required;
 * every indexed field is.
 */
export const paymentSchema: RxJsonSchema<PaymentDocFields> = rxSchemaOf(ledgerEntrySchema, {
  title: 'payments',
  // v1 added kind (and a void's voidsPaymentId and reason); a v0 record is a payment (migrations.ts).
  version: 1,
  // An invoice's payments (balance), a customer's payments, all payments by date.
  indexes: [['invoiceId', 'date'], ['customerId', 'date'], 'date'],
})
