/**
 * E-invoices: the CII XML (EN 16931 profile) of a VAT-mode invoice, and what an invoice lacks before it can be one.
 */
export { buildCiiXml, EInvoiceError, EN16931_GUIDELINE, EXEMPTION_REASONS } from './cii'
export { eInvoiceMissing } from './missing'
export { escapeXml } from './xml-writer'
export type * from './types'
