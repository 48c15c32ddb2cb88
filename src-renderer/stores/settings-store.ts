/**
 * Settings: the company settings, and Load sample company with its progress and outcome.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CompanySettings } from '../../src-core/documents'
import { DatabaseNotEmptyError, getRepositories, loadSampleCompany as loadSample } from '../data'

export type SampleLoadState = 'idle' | 'loading' | 'done' | 'failed'

export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<CompanySettings | null>(null)
  const sampleState = ref<SampleLoadState>('idle')
  const sampleDone = ref(0)
  const sampleTotal = ref(0)
  const message = ref<string | null>(null)
  /** 0–100, for a progress bar. */
  const sampleProgress = computed(() =>
    sampleTotal.value === 0 ? 0 : Math.floor((sampleDone.value / sampleTotal.value) * 100),
  )

  async function load(): Promise<void> {
    const repos = await getRepositories()
    settings.value = (await repos.settings.get()) ?? null
  }

  /**
   * Fills an empty database with the sample company. Refused (with a message, nothing written) when the
   * database already holds data.
   */
  async function loadSampleCompany(): Promise<void> {
    if (sampleState.value === 'loading') return
    sampleState.value = 'loading'
    sampleDone.value = 0
    message.value = null
    try {
      const repos = await getRepositories()
      const { total } = await loadSample(repos.db, {
        onProgress: (p) => {
          sampleDone.value = p.done
          sampleTotal.value = p.total
        },
      })
      sampleState.value = 'done'
      message.value = `Sample company loaded: ${total.toLocaleString()} records.`
      await load()
    } catch (e) {
      sampleState.value = 'failed'
      message.value =
        e instanceof DatabaseNotEmptyError
          ? e.message
          : `The sample company could not be loaded: ${e instanceof Error ? e.message : String(e)}`
    }
  }

  return {
    settings,
    sampleState,
    sampleDone,
    sampleTotal,
    sampleProgress,
    message,
    load,
    loadSampleCompany,
  }
})
