/**
 * Every invoice of the German sample company as its e-invoice file (CII XML by file name), for the Node test that
 * runs them through the official EN 16931 validators (src-main/services/einvoice). Throws naming the invoice and
 * what it lacks if one cannot be exported.
 */
import { exportEInvoice } from '../../../forms/e-invoice'
import { generateGermanDataset } from './germany-dataset'

export function germanSampleEInvoices(): {
  files: Record<string, string>
  numbers: string[]
} {
  const data = generateGermanDataset()
  const files: Record<string, string> = {}
  for (const invoice of data.invoices) {
    const customer = data.customers.find((c) => c.id === invoice.customerId)
    const made = exportEInvoice(invoice, data.settings, customer)
    if (!made.ok) throw new Error(`${invoice.number}: ${JSON.stringify(made.missing)}`)
    files[made.fileName] = made.xml
  }
  return { files, numbers: data.invoices.map((i) => i.number) }
}
