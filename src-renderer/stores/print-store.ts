/**
 * The invoice print view's data, read from the local store, and the paper size the rep chose. Also the actions
 * of the print view's toolbar (print, export PDF, send by email), which go to the desktop services through the
 * platform, or to the browser's fallbacks.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { amountPaid, balanceDue, countedPayments } from '@core/documents'
import type { CompanySettings, Customer, Invoice, Payment } from '@core/documents/types'
import { isPaperSize, type PaperSize } from '@core/print/pdf-options'
import { getPlatform, type InvoiceMail } from '@renderer/platform'
import { getRepositories } from '@renderer/app/database-provider'
import { eInvoiceForMail } from '@renderer/forms/e-invoice'

export interface PrintDocument {
  invoice: Invoice
  customer: Customer | null
  company: CompanySettings | null
  payments: Payment[]
  amountPaid: string
  balanceDue: string
}

/** The contact the invoice names, else the customer's primary contact, else the customer's own address. */
export function mailRecipient(invoice: Invoice, customer: Customer | null) {
  if (!customer) return null
  const contactId = invoice.contactId ?? customer.primaryContactId
  const contact = customer.contacts.find((c) => c.id === contactId && c.email)
  if (contact?.email)
    return { name: `${contact.firstName} ${contact.lastName}`.trim(), address: contact.email }
  return customer.email ? { name: customer.name, address: customer.email } : null
}

export const usePrintStore = defineStore('print', () => {
  const platform = getPlatform()
  const document = shallowRef<PrintDocument | null>(null)
  const error = ref<string | null>(null)
  const message = ref<string | null>(null)
  const busy = ref(false)
  const paper = ref<PaperSize>('a4')

  async function load(invoiceId: string, paperFromRoute?: unknown): Promise<void> {
    document.value = null
    error.value = null
    try {
      paper.value = isPaperSize(paperFromRoute)
        ? paperFromRoute
        : (await platform.printSettings()).paperSize
      const repos = await getRepositories()
      const invoice = await repos.invoices.get(invoiceId)
      if (!invoice) {
        error.value = 'There is no such invoice on this device.'
        return
      }
      const [customer, company, payments] = await Promise.all([
        repos.customers.get(invoice.customerId),
        repos.settings.get(),
        repos.invoices.payments(invoice.id),
      ])
      document.value = {
        invoice,
        customer: customer ?? null,
        company: company ?? null,
        // The print lists the money received that counts; refunds show in the amount paid.
        payments: countedPayments(payments),
        amountPaid: amountPaid(invoice, payments),
        balanceDue: balanceDue(invoice, payments),
      }
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  function mail(doc: PrintDocument, locale: string): InvoiceMail {
    const to = mailRecipient(doc.invoice, doc.customer)
    if (!to) throw new Error('The customer has no email address; add one to the customer first.')
    return {
      invoiceId: doc.invoice.id,
      invoiceNumber: doc.invoice.number,
      customerName: doc.customer?.name ?? '',
      to,
      companyName: doc.company?.profile.name ?? '',
      totalAmount: doc.invoice.totals.totalAmount,
      currencyCode: doc.invoice.currencyCode,
      ...(doc.invoice.dueDate ? { dueDate: doc.invoice.dueDate } : {}),
      locale,
    }
  }

  /** In VAT mode on the desktop, the mail carries the Factur-X PDF (see eInvoiceForMail). */
  function eInvoiceMail(doc: PrintDocument) {
    if (platform.kind !== 'desktop') return { facturX: undefined, note: '' }
    const made = eInvoiceForMail(doc.invoice, doc.company, doc.customer ?? undefined)
    return { facturX: made.facturX ?? undefined, note: made.note }
  }

  /** Runs one toolbar action, keeping its outcome sentence (or its error) for the page to show. */
  async function run(action: (doc: PrintDocument) => Promise<{ message: string | null }>) {
    const doc = document.value
    if (!doc || busy.value) return
    busy.value = true
    message.value = null
    try {
      message.value = (await action(doc)).message
    } catch (e) {
      message.value = e instanceof Error ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  return {
    document,
    error,
    message,
    busy,
    paper,
    load,
    /** Without a mode: straight to the printer chosen in Settings, or the system dialog when none is. */
    print: (mode?: 'dialog' | 'printer') =>
      run(async (doc) => {
        const chosen = mode ?? ((await platform.printSettings()).printerName ? 'printer' : 'dialog')
        return platform.printInvoice(doc.invoice.id, paper.value, chosen)
      }),
    exportPdf: () =>
      run((doc) =>
        platform.exportInvoicePdf(
          { invoiceId: doc.invoice.id, invoiceNumber: doc.invoice.number },
          paper.value,
        ),
      ),
    sendByEmail: (locale: string) =>
      run(async (doc) => {
        const { facturX, note } = eInvoiceMail(doc)
        const outcome = await platform.sendInvoiceEmail(mail(doc, locale), paper.value, facturX)
        return note ? { message: (outcome.message ?? '') + note } : outcome
      }),
    openInMailApp: (locale: string) =>
      run(async (doc) => {
        const { facturX, note } = eInvoiceMail(doc)
        const outcome = await platform.openMailDraft(mail(doc, locale), paper.value, facturX)
        return note ? { message: (outcome.message ?? '') + note } : outcome
      }),
  }
})
