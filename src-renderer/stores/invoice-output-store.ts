/**
 * Print, Export PDF and Send by Email for the invoice on screen, through the desktop services of platform/. In
 * a browser the platform falls back to the print dialog and a mailto: link; `message` says what that means.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Customer, Invoice } from '@core/documents'
import { getPlatform, type DesktopOutcome, type InvoiceMail } from '@renderer/platform'
import { currentLocale } from '@renderer/composables/use-locale'
import { useLookupStore } from './lookup-store'
import {
  eInvoiceForMail,
  eInvoiceSellerName,
  exportEInvoice as makeEInvoice,
  missingText,
} from '@renderer/forms/e-invoice'

/** Hands a file to the browser as a download (in Electron the download asks where to save). */
function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

const BROWSER_NOTE = 'You are using Fieldbill in a browser: '

export const useInvoiceOutputStore = defineStore('invoice-output', () => {
  const platform = getPlatform()
  const message = ref<string | null>(null)
  const busy = ref(false)

  async function run(action: () => Promise<DesktopOutcome>): Promise<void> {
    busy.value = true
    message.value = null
    try {
      const outcome = await action()
      const note = platform.kind === 'browser' ? BROWSER_NOTE : ''
      message.value = outcome.message ? note + outcome.message : null
    } catch (e) {
      message.value = e instanceof Error ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  async function paper() {
    return (await platform.printSettings()).paperSize
  }

  function print(invoice: Invoice) {
    return run(async () => {
      // The printer chosen in Settings > Email and printer gets it straight away; none chosen: the dialog.
      const { paperSize, printerName } = await platform.printSettings()
      const mode = printerName ? 'printer' : 'dialog'
      const outcome = await platform.printInvoice(invoice.id, paperSize, mode)
      if (outcome.done && printerName)
        return { ...outcome, message: `Sent to the printer ${printerName}.` }
      if (platform.kind === 'browser' && !outcome.message)
        return { ...outcome, message: 'the browser prints this page with its own print dialog.' }
      return outcome
    })
  }

  function exportPdf(invoice: Invoice) {
    return run(async () =>
      platform.exportInvoicePdf(
        { invoiceId: invoice.id, invoiceNumber: invoice.number },
        await paper(),
      ),
    )
  }

  function recipient(customer: Customer): InvoiceMail['to'] | undefined {
    const contact = customer.contacts.find((c) => c.id === customer.primaryContactId && c.email)
    if (contact?.email)
      return { name: `${contact.firstName} ${contact.lastName}`.trim(), address: contact.email }
    const anyContact = customer.contacts.find((c) => c.email)
    if (anyContact?.email)
      return {
        name: `${anyContact.firstName} ${anyContact.lastName}`.trim(),
        address: anyContact.email,
      }
    return customer.email ? { name: customer.name, address: customer.email } : undefined
  }

  /** In VAT mode on the desktop, the mail carries the Factur-X PDF (see eInvoiceForMail). */
  async function eInvoiceMail(invoice: Invoice, customer: Customer) {
    if (platform.kind !== 'desktop' || invoice.taxMode !== 'vat') return { facturX: null, note: '' }
    const lookup = useLookupStore()
    if (!lookup.settings) await lookup.loadReference()
    return eInvoiceForMail(invoice, lookup.settings, customer)
  }

  function sendByEmail(invoice: Invoice, customer: Customer | undefined) {
    const to = customer && recipient(customer)
    if (!customer || !to) {
      message.value =
        'The customer has no email address: add one to the customer or a contact first.'
      return Promise.resolve()
    }
    const lookup = useLookupStore()
    const mail: InvoiceMail = {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerName: customer.name,
      to,
      companyName: lookup.settings?.profile.name ?? '',
      totalAmount: invoice.totals.totalAmount,
      currencyCode: invoice.currencyCode,
      locale: currentLocale(),
      ...(invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
    }
    return run(async () => {
      const { facturX, note } = await eInvoiceMail(invoice, customer)
      const outcome = await platform.sendInvoiceEmail(mail, await paper(), facturX ?? undefined)
      return note ? { ...outcome, message: (outcome.message ?? '') + note } : outcome
    })
  }

  /** Why the last Export e-invoice was refused: each missing field and where to fill it in. */
  const eInvoiceMissing = ref<string[]>([])

  /**
   * Export e-invoice: the invoice's CII XML (EN 16931); on the desktop main writes the Factur-X PDF where the rep
   * chooses with the XML beside it, in a browser the XML is a download named after the invoice number. When the
   * invoice cannot be a valid e-invoice, the list of what to fill in first (no file is written then).
   */
  async function exportEInvoice(invoice: Invoice, customer: Customer | undefined): Promise<void> {
    message.value = null
    eInvoiceMissing.value = []
    const lookup = useLookupStore()
    if (!lookup.settings) await lookup.loadReference()
    const settings = lookup.settings
    if (!settings) {
      eInvoiceMissing.value = ['the company settings (Settings › Company)']
      return
    }
    const made = makeEInvoice(invoice, settings, customer)
    if (!made.ok) {
      eInvoiceMissing.value = made.missing.map(missingText)
      return
    }
    if (platform.kind === 'desktop') {
      const content = { xml: made.xml, sellerName: eInvoiceSellerName(settings) }
      const target = { invoiceId: invoice.id, invoiceNumber: invoice.number }
      return run(async () => platform.exportEInvoice(target, content, await paper()))
    }
    download(made.xml, 'application/xml', made.fileName)
    message.value = `E-invoice ${made.fileName} exported (EN 16931, CII XML).`
  }

  return {
    platformKind: platform.kind,
    message,
    busy,
    print,
    exportPdf,
    sendByEmail,
    eInvoiceMissing,
    exportEInvoice,
  }
})
