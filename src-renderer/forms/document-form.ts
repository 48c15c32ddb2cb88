/**
 * The state and commands every document form store shares (the invoice and order on screen): the document, its
 * customer, and the last refusal with the command it answers. Every command runs through the document's
 * repository, which applies the src-core rules; a refused command changes nothing. Call inside a setup store.
 */
import { computed, ref, shallowRef } from 'vue'
import type { Customer, Id } from '@core/documents'
import type { Repositories, WriteResult } from '@renderer/data'
import { getRepositories } from '@renderer/app/database-provider'
import type { CommandOutcome } from './line-commands'

/** The part of an order or invoice repository a form uses. */
export interface DocumentRepository<D, C> {
  get(id: Id): Promise<D | undefined>
  apply(id: Id, cmd: C): Promise<WriteResult<D>>
}

export function useDocumentForm<D extends { id: Id; customerId: Id }, C extends { type: string }>(
  repositoryOf: (repos: Repositories) => DocumentRepository<D, C>,
) {
  const doc = shallowRef<D | undefined>()
  const customer = shallowRef<Customer | undefined>()
  const refusal = ref<string | null>(null)
  /** The command the refusal answers, so the form can show it next to that command. */
  const refusedCommand = ref<string | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  /** Commands being saved right now (the form says "Saving…" meanwhile). */
  const running = ref(0)
  const busy = computed(() => running.value > 0)

  function clear() {
    doc.value = undefined
    customer.value = undefined
    dismissRefusal()
    notFound.value = false
  }

  function dismissRefusal() {
    refusal.value = null
    refusedCommand.value = null
  }

  function refused(command: string, reason: string): CommandOutcome {
    refusal.value = reason
    refusedCommand.value = command
    return { ok: false, reason }
  }

  async function open(id: Id): Promise<D | undefined> {
    loading.value = true
    dismissRefusal()
    try {
      const repos = await getRepositories()
      const found = await repositoryOf(repos).get(id)
      notFound.value = !found
      doc.value = found
      customer.value = found ? await repos.customers.get(found.customerId) : undefined
      return found
    } finally {
      loading.value = false
    }
  }

  /** Shows a freshly created document (after `create` on its repository). */
  async function created(value: D): Promise<void> {
    doc.value = value
    customer.value = await (await getRepositories()).customers.get(value.customerId)
    dismissRefusal()
  }

  /** Runs one command on the open document; `label` names the command a refusal is shown next to. */
  async function apply(cmd: C, label: string = cmd.type): Promise<CommandOutcome> {
    const current = doc.value
    if (!current) return refused(label, 'Save it first.')
    running.value++
    const result = await repositoryOf(await getRepositories())
      .apply(current.id, cmd)
      .finally(() => running.value--)
    if (!result.ok) return refused(label, result.refusal.reason)
    doc.value = result.value
    dismissRefusal()
    return { ok: true }
  }

  async function newLineId(): Promise<Id> {
    return (await getRepositories()).env.newId()
  }

  return {
    doc,
    customer,
    refusal,
    refusedCommand,
    loading,
    notFound,
    busy,
    clear,
    dismissRefusal,
    refused,
    open,
    created,
    apply,
    newLineId,
  }
}
