/**
 * The start page's receivables (outstanding, overdue, aging, largest overdue invoices) and the customer
 * statement, read from the local store by the receivables repository.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Customer, Id, IsoDate } from '@core/documents'
import type { Receivables, Statement } from '@core/receivables'
import { todayIso } from '@renderer/format'
import { getRepositories } from '@renderer/app/database-provider'
import { getPlatform } from '@renderer/platform'
import { useLookupStore } from './lookup-store'

export const useReceivablesStore = defineStore('receivables', () => {
  const summary = shallowRef<Receivables | undefined>()
  /** The store has no invoice at all: the start page says how to begin. */
  const empty = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const statements = shallowRef<Statement[]>([])
  const customer = shallowRef<Customer | undefined>()
  /** The statement's Export PDF at work, and what it says when done (the file saved, or what went wrong). */
  const busy = ref(false)
  const message = ref<string | null>(null)
  /** Customers named by the largest overdue invoices. */
  const customerNames = shallowRef<ReadonlyMap<Id, string>>(new Map())

  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const repos = await getRepositories()
      const [found, has] = await Promise.all([
        repos.receivables.summary(todayIso()),
        repos.receivables.hasInvoices(),
      ])
      const lookup = useLookupStore()
      const names = new Map<Id, string>()
      for (const invoice of found.largestOverdue) {
        const c = await lookup.customer(invoice.customerId)
        if (c) names.set(c.id, c.name)
      }
      customerNames.value = names
      summary.value = found
      empty.value = !has
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  /** Decimal places of a currency as the company keeps it (2 when it is not set up). */
  function precision(code: string): number {
    return useLookupStore().settings?.currencies.find((c) => c.code === code)?.precision ?? 2
  }

  /** The statement's Export PDF: main saves it where the rep chooses; a browser prints the statement page. */
  async function exportStatementPdf(from: IsoDate, to: IsoDate): Promise<void> {
    const shown = customer.value
    if (!shown || busy.value) return
    busy.value = true
    message.value = null
    try {
      const platform = getPlatform()
      const { paperSize } = await platform.printSettings()
      const outcome = await platform.exportStatementPdf(
        { customerId: shown.id, customerName: shown.name, from, to },
        paperSize,
      )
      message.value = outcome.message
    } catch (e) {
      message.value = e instanceof Error ? e.message : String(e)
    } finally {
      busy.value = false
    }
  }

  async function loadStatement(customerId: Id, from: IsoDate, to: IsoDate): Promise<void> {
    loading.value = true
    error.value = null
    message.value = null
    try {
      const lookup = useLookupStore()
      await lookup.loadReference()
      customer.value = await lookup.customer(customerId)
      const repos = await getRepositories()
      statements.value = await repos.receivables.statements(customerId, { from, to }, precision)
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  return {
    summary,
    empty,
    loading,
    error,
    statements,
    customer,
    busy,
    message,
    exportStatementPdf,
    customerNames,
    load,
    loadStatement,
    precision,
  }
})
