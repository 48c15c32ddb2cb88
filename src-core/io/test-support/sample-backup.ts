/**
 * A small, valid set of every kind of record, for backup and restore tests: built from the document fixtures so
 * it stays valid as the rules change.
 */
import {
  AT,
  blankInvoice,
  blankOrder,
  customer,
  payment,
  priceListItems,
  products,
  settings,
  volume,
} from '@core/documents/test-support/fixtures'
import type { Invoice, UnitGroup } from '@core/documents/types'
import type { BackupData } from '../backup-collections'

/** The fixtures' unit group: Each, and a Box of 12. */
export const eachGroup: UnitGroup = {
  id: 'UG',
  updatedAt: AT,
  name: 'Each',
  primaryUnitId: 'each',
  units: [
    { id: 'each', name: 'Each', quantity: '1' },
    { id: 'box', name: 'Box', quantity: '12', baseUnitId: 'each' },
  ],
}

export function sampleBackupData(): BackupData {
  const invoice: Invoice = {
    ...blankInvoice(),
    invoiceDate: '2025-03-01',
    dueDate: '2025-04-01',
    dateDelivered: '2025-02-27',
    paymentTerms: '2pct10net30',
    email: {
      state: 'failed',
      to: 'ana@x.example',
      at: AT,
      reason: 'mailbox full',
      messageId: 'M1',
    },
  }
  return {
    settings: [
      {
        ...settings,
        profile: {
          ...settings.profile,
          logo: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
        },
      },
    ],
    customers: [customer, { ...customer, id: 'C2', name: 'Fabrikam', accountNumber: 'F-2' }],
    unitGroups: [eachGroup],
    priceLists: [{ id: 'retail', updatedAt: AT, name: 'Retail', currencyCode: 'USD' }],
    discountLists: [volume],
    products: [...products],
    priceListItems: [...priceListItems],
    opportunities: [],
    orders: [{ ...blankOrder(), paymentTerms: 'net45' }],
    invoices: [invoice, { ...invoice, id: 'I2', number: 'INV-00002-QWERTY', name: 'April' }],
    payments: [payment(invoice, 'PAY1', '5.00')],
  }
}
