/**
 * The invoice on screen: loads it with its payments and customer, creates new ones, and runs every command
 * through the invoice repository (which applies the src-core rules). A refused command changes nothing and
 * leaves its reason in `refusal`, for the form to show next to the command.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  balanceDue,
  type Customer,
  type Id,
  type Invoice,
  type InvoiceCommand,
  type InvoiceHeaderChanges,
  type Payment,
  type PaymentInput,
} from '../../src-core/documents'
import type { NewInvoice } from '../data'
import { localRepositories } from './local-repositories'

export interface CommandOutcome {
  ok: boolean
  reason?: string
}

export const useInvoiceFormStore = defineStore('invoice-form', () => {
  const invoice = shallowRef<Invoice | undefined>()
  const payments = shallowRef<Payment[]>([])
  const customer = shallowRef<Customer | undefined>()
  const refusal = ref<string | null>(null)
  /** The command the refusal answers, so the form shows it next to that command. */
  const refusedCommand = ref<string | null>(null)
  const loading = ref(false)
  const notFound = ref(false)

  const readOnly = computed(() => !!invoice.value && invoice.value.state !== 'active')
  const balance = computed(() =>
    invoice.value ? balanceDue(invoice.value, payments.value) : undefined,
  )

  function clear() {
    invoice.value = undefined
    payments.value = []
    customer.value = undefined
    refusal.value = null
    refusedCommand.value = null
    notFound.value = false
  }

  async function open(id: Id): Promise<void> {
    loading.value = true
    refusal.value = null
    try {
      const repos = await localRepositories()
      const found = await repos.invoices.get(id)
      notFound.value = !found
      invoice.value = found
      payments.value = found ? await repos.invoices.payments(id) : []
      customer.value = found ? await repos.customers.get(found.customerId) : undefined
    } finally {
      loading.value = false
    }
  }

  function refused(command: string, reason: string): CommandOutcome {
    refusal.value = reason
    refusedCommand.value = command
    return { ok: false, reason }
  }

  /** Creates the invoice, then applies the header fields `create` does not take (addresses, description). */
  async function create(input: NewInvoice, header: InvoiceHeaderChanges): Promise<CommandOutcome> {
    const repos = await localRepositories()
    const created = await repos.invoices.create(input)
    if (!created.ok) return refused('save', created.refusal.reason)
    invoice.value = created.value
    customer.value = await repos.customers.get(created.value.customerId)
    payments.value = []
    refusal.value = null
    if (Object.keys(header).length === 0) return { ok: true }
    return apply({ type: 'editHeader', changes: header }, 'save')
  }

  /** Runs one command on the open invoice; `label` names the command a refusal is shown next to. */
  async function apply(cmd: InvoiceCommand, label: string = cmd.type): Promise<CommandOutcome> {
    const current = invoice.value
    if (!current) return refused(label, 'Save the invoice first.')
    const repos = await localRepositories()
    const result = await repos.invoices.apply(current.id, cmd)
    if (!result.ok) return refused(label, result.refusal.reason)
    invoice.value = result.value
    refusal.value = null
    refusedCommand.value = null
    if (cmd.type === 'recordPayment' || cmd.type === 'reactivate')
      payments.value = await repos.invoices.payments(current.id)
    return { ok: true }
  }

  async function recordPayment(payment: Omit<PaymentInput, 'id'>): Promise<CommandOutcome> {
    const repos = await localRepositories()
    return apply({ type: 'recordPayment', payment: { ...payment, id: repos.env.newId() } })
  }

  async function newLineId(): Promise<Id> {
    return (await localRepositories()).env.newId()
  }

  function dismissRefusal() {
    refusal.value = null
    refusedCommand.value = null
  }

  return {
    invoice,
    payments,
    customer,
    refusal,
    refusedCommand,
    loading,
    notFound,
    readOnly,
    balance,
    clear,
    open,
    create,
    apply,
    recordPayment,
    newLineId,
    dismissRefusal,
  }
})
