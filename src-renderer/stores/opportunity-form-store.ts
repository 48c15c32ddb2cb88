/**
 * The opportunity on screen: New opportunity (Name, Customer, Price List, Currency), its products through the
 * same line commands as orders and invoices (Add Product, inline edits, remove), and its header: Name, Status
 * and Est. Close Date.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Id, Opportunity, OpportunityState } from '@core/documents'
import type { NewOpportunity, OpportunityLineCommand, WriteResult } from '@renderer/data'
import { getRepositories } from '@renderer/app/database-provider'
import { useLookupStore } from './lookup-store'

/** What a command answers the form: done, or the reason it was refused. */
export type { OpportunityLineCommand }

export interface FormOutcome {
  ok: boolean
  reason?: string
}

export const useOpportunityFormStore = defineStore('opportunity-form', () => {
  const opportunity = shallowRef<Opportunity | undefined>()
  const refusal = ref<string | null>(null)
  const notFound = ref(false)

  function clear() {
    opportunity.value = undefined
    refusal.value = null
    notFound.value = false
  }

  async function open(id: Id): Promise<void> {
    clear()
    const found = await (await getRepositories()).opportunities.get(id)
    opportunity.value = found
    notFound.value = !found
    if (found) await useLookupStore().loadReference()
  }

  function outcome(result: WriteResult<Opportunity>): FormOutcome {
    if (!result.ok) {
      refusal.value = result.refusal.reason
      return { ok: false, reason: result.refusal.reason }
    }
    opportunity.value = result.value
    refusal.value = null
    return { ok: true }
  }

  async function create(input: NewOpportunity): Promise<FormOutcome> {
    return outcome(await (await getRepositories()).opportunities.create(input))
  }

  /** Saves the header a rep types: Name, Status and Est. Close Date (an empty date clears it). */
  async function saveHeader(header: {
    name: string
    state: OpportunityState
    estimatedCloseDate: string
  }): Promise<FormOutcome> {
    const current = opportunity.value
    if (!current) return { ok: false }
    if (!header.name.trim())
      return outcome({
        ok: false,
        refusal: { code: 'invalidValue', reason: 'Name: a value is required' },
      })
    const { estimatedCloseDate: _old, ...rest } = current
    const repos = await getRepositories()
    return outcome(
      await repos.opportunities.save({
        ...rest,
        name: header.name.trim(),
        state: header.state,
        ...(header.estimatedCloseDate ? { estimatedCloseDate: header.estimatedCloseDate } : {}),
      }),
    )
  }

  async function applyLines(commands: OpportunityLineCommand[]): Promise<FormOutcome> {
    const current = opportunity.value
    if (!current) return { ok: false }
    return outcome(await (await getRepositories()).opportunities.applyLines(current.id, commands))
  }

  async function newLineId(): Promise<Id> {
    return (await getRepositories()).env.newId()
  }

  return { opportunity, refusal, notFound, clear, open, create, saveHeader, applyLines, newLineId }
})
