/**
 * The opportunity on screen: New opportunity (Name, Customer, Price List, Currency), its products through the
 * same line commands as orders and invoices (Add Product, inline edits, remove), and renaming it.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Id, Opportunity } from '@core/documents'
import type { NewOpportunity, OpportunityLineCommand, WriteResult } from '@renderer/data'
import { localRepositories } from '@renderer/app/local-repositories'
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
    const found = await (await localRepositories()).opportunities.get(id)
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
    return outcome(await (await localRepositories()).opportunities.create(input))
  }

  async function rename(name: string): Promise<FormOutcome> {
    const current = opportunity.value
    if (!current) return { ok: false }
    if (!name.trim())
      return outcome({
        ok: false,
        refusal: { code: 'invalidValue', reason: 'Name: a value is required' },
      })
    const repos = await localRepositories()
    return outcome(await repos.opportunities.save({ ...current, name: name.trim() }))
  }

  async function applyLines(commands: OpportunityLineCommand[]): Promise<FormOutcome> {
    const current = opportunity.value
    if (!current) return { ok: false }
    return outcome(await (await localRepositories()).opportunities.applyLines(current.id, commands))
  }

  async function newLineId(): Promise<Id> {
    return (await localRepositories()).env.newId()
  }

  return { opportunity, refusal, notFound, clear, open, create, rename, applyLines, newLineId }
})
