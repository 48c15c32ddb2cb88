/**
 * Print, Export PDF and Send by Email for the invoice on screen, through the desktop services of platform/. In
 * a browser the platform falls back to the print dialog and a mailto: link; `message` says what that means.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Customer, Invoice } from '@core/documents'
import { getPlatform, type InvoiceMail, type Outcome } from '@renderer/platform'
import { currentLocale } from '@renderer/composables/use-locale'
import { useLookupStore } from './lookup-store'

const BROWSER_NOTE = 'You are using Fieldbill in a browser: '

export const useInvoiceOutputStore = defineStore('invoice-output', () => {
  const platform = getPlatform()
  const message = ref<string | null>(null)
  const busy = ref(false)

  async function run(action: () => Promise<Outcome>): Promise<void> {
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
    return run(async () => platform.sendInvoiceEmail(mail, await paper()))
  }

  return { platformKind: platform.kind, message, busy, print, exportPdf, sendByEmail }
})
