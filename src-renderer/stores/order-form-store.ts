/**
 * The order on screen: New order, its commands (Submit Order, Fulfill Order, Cancel Order, the content commands)
 * through the order repository, and Create Invoice, which opens a new invoice filled from the order and locked.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Id, Order, OrderCommand, OrderHeaderChanges } from '@core/documents'
import type { NewOrder } from '@renderer/data'
import { useDocumentForm } from '@renderer/forms/document-form'
import type { CommandOutcome } from '@renderer/forms/line-commands'
import { getRepositories } from '@renderer/app/database-provider'
import { todayIso } from '@renderer/format'

export const useOrderFormStore = defineStore('order-form', () => {
  const form = useDocumentForm<Order, OrderCommand>((repos) => repos.orders)
  const readOnly = computed(() => !!form.doc.value && form.doc.value.state !== 'active')
  /** The invoices created from this order (their numbers link to them on the form). */
  const invoices = shallowRef<{ id: Id; number: string }[]>([])

  async function readInvoices(order: Order | undefined) {
    invoices.value = order
      ? (await (await getRepositories()).invoices.ofOrder(order)).map(({ id, number }) => ({
          id,
          number,
        }))
      : []
  }

  async function open(id: Id): Promise<void> {
    invoices.value = []
    await readInvoices(await form.open(id))
  }

  function clear() {
    form.clear()
    invoices.value = []
  }

  async function create(input: NewOrder, header: OrderHeaderChanges): Promise<CommandOutcome> {
    const created = await (await getRepositories()).orders.create(input)
    if (!created.ok) return form.refused('save', created.refusal.reason)
    await form.created(created.value)
    if (Object.keys(header).length === 0) return { ok: true }
    return form.apply({ type: 'editHeader', changes: header }, 'save')
  }

  /** Create Invoice: the new invoice's id, or the refusal (shown next to the command). */
  async function createInvoice(): Promise<{ ok: true; invoiceId: Id } | { ok: false }> {
    const order = form.doc.value
    if (!order) return { ok: false }
    const result = await (
      await getRepositories()
    ).invoices.createFromOrder(order.id, {
      invoiceDate: todayIso(),
    })
    if (!result.ok) {
      form.refused('createInvoice', result.refusal.reason)
      return { ok: false }
    }
    await readInvoices(order)
    return { ok: true, invoiceId: result.value.id }
  }

  return {
    order: form.doc,
    customer: form.customer,
    refusal: form.refusal,
    loading: form.loading,
    notFound: form.notFound,
    busy: form.busy,
    readOnly,
    invoices,
    clear,
    open,
    create,
    apply: form.apply,
    createInvoice,
    newLineId: form.newLineId,
  }
})
