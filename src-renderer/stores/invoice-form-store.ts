/**
 * The invoice on screen: loads it with its payments and customer, creates new ones, and runs every command
 * through the invoice repository (which applies the src-core rules). A refused command changes nothing and
 * leaves its reason in `refusal`, for the form to show next to the command.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import {
  amountPaid,
  balanceDue,
  type Id,
  type Invoice,
  type InvoiceCommand,
  type InvoiceHeaderChanges,
  type LedgerEntry,
  type PaymentInput,
  type RefundInput,
  type VoidInput,
} from '@core/documents'
import type { NewInvoice } from '@renderer/data'
import { useDocumentForm } from '@renderer/forms/document-form'
import type { CommandOutcome } from '@renderer/forms/line-commands'
import { getRepositories } from '@renderer/app/database-provider'
import { todayIso } from '@renderer/format'

export type { CommandOutcome }

/** Commands after which the invoice's ledger is read again (Reactivate: another device may have paid). */
const LEDGER_COMMANDS = new Set<InvoiceCommand['type']>([
  'recordPayment',
  'voidPayment',
  'recordRefund',
  'reactivate',
])

export const useInvoiceFormStore = defineStore('invoice-form', () => {
  const form = useDocumentForm<Invoice, InvoiceCommand>((repos) => repos.invoices)
  const payments = shallowRef<LedgerEntry[]>([])
  /** The order the invoice was created from, when it was (the form links to it). */
  const order = shallowRef<{ id: Id; number: string } | undefined>()

  async function readOrder(invoice: Invoice | undefined) {
    const found = invoice?.orderId
      ? await (await getRepositories()).orders.get(invoice.orderId)
      : undefined
    order.value = found ? { id: found.id, number: found.number } : undefined
  }

  const readOnly = computed(() => !!form.doc.value && form.doc.value.state !== 'active')
  const balance = computed(() =>
    form.doc.value ? balanceDue(form.doc.value, payments.value) : undefined,
  )
  /** Payments not voided, less refunds. */
  const paid = computed(() =>
    form.doc.value ? amountPaid(form.doc.value, payments.value) : undefined,
  )

  async function readPayments(id: Id) {
    payments.value = await (await getRepositories()).invoices.payments(id)
  }

  function clear() {
    form.clear()
    payments.value = []
    order.value = undefined
  }

  async function open(id: Id): Promise<void> {
    const found = await form.open(id)
    payments.value = []
    order.value = undefined
    if (found) await Promise.all([readPayments(id), readOrder(found)])
  }

  /** Creates the invoice, then applies the header fields `create` does not take (addresses, description). */
  async function create(input: NewInvoice, header: InvoiceHeaderChanges): Promise<CommandOutcome> {
    const created = await (await getRepositories()).invoices.create(input)
    if (!created.ok) return form.refused('save', created.refusal.reason)
    await form.created(created.value)
    payments.value = []
    if (Object.keys(header).length === 0) return { ok: true }
    return form.apply({ type: 'editHeader', changes: header }, 'save')
  }

  /** Duplicate: the new invoice's id (it is saved, and numbered, at once), or undefined with the refusal shown. */
  async function duplicate(): Promise<Id | undefined> {
    const source = form.doc.value
    if (!source) return undefined
    const copy = await (
      await getRepositories()
    ).invoices.duplicate(source.id, { invoiceDate: todayIso() })
    if (!copy.ok) {
      form.refused('duplicate', copy.refusal.reason)
      return undefined
    }
    return copy.value.id
  }

  async function apply(cmd: InvoiceCommand, label?: string): Promise<CommandOutcome> {
    const outcome = await form.apply(cmd, label)
    if (outcome.ok && LEDGER_COMMANDS.has(cmd.type) && form.doc.value)
      await readPayments(form.doc.value.id)
    return outcome
  }

  async function recordPayment(payment: Omit<PaymentInput, 'id'>): Promise<CommandOutcome> {
    return apply({ type: 'recordPayment', payment: { ...payment, id: await form.newLineId() } })
  }

  /** Void Payment: marks a payment recorded by mistake, with the rep's reason. */
  async function voidPayment(input: Omit<VoidInput, 'id'>): Promise<CommandOutcome> {
    return apply({ type: 'voidPayment', void: { ...input, id: await form.newLineId() } })
  }

  /** Refund: money given back on this invoice. */
  async function recordRefund(refund: Omit<RefundInput, 'id'>): Promise<CommandOutcome> {
    return apply({ type: 'recordRefund', refund: { ...refund, id: await form.newLineId() } })
  }

  return {
    invoice: form.doc,
    customer: form.customer,
    refusal: form.refusal,
    refusedCommand: form.refusedCommand,
    loading: form.loading,
    notFound: form.notFound,
    busy: form.busy,
    payments,
    order,
    readOnly,
    balance,
    clear,
    open,
    create,
    apply,
    recordPayment,
    voidPayment,
    recordRefund,
    duplicate,
    paid,
    newLineId: form.newLineId,
    dismissRefusal: form.dismissRefusal,
  }
})
