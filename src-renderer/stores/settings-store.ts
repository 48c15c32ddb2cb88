/**
 * Settings: the company settings (the Company form's draft, its field errors and its save), and Load sample
 * company with its progress and outcome.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CompanySettings } from '@core/documents'
import {
  DatabaseNotEmptyError,
  getRepositories,
  isSampleDatabase,
  loadSampleCompany as loadSample,
  sampleStatus,
  takeSampleLoadRequest,
} from '@renderer/data'
import { currentLocale } from '@renderer/composables/use-locale'
import { checkLogo } from '@renderer/forms/company-logo'
import { useDatabaseStore } from './database-store'
import { useLookupStore } from './lookup-store'
import {
  draftFromSettings,
  settingsFromDraft,
  type CompanyDraft,
  type FormErrors,
} from '@renderer/forms/settings-form'

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

  /** The Company form: what the rep is typing, each field's error, and the outcome of the last save. */
  // The starting values' one number is the rate 1, written alike in every locale; editCompany reads the rest.
  const draft = ref<CompanyDraft>(draftFromSettings(undefined, 'en-US'))
  const errors = ref<FormErrors>({})
  const saveOutcome = ref<{ ok: boolean; text: string } | null>(null)
  const saving = ref(false)
  const savedDraft = ref(JSON.stringify(draft.value))
  /** The form differs from what was loaded or last saved (asks before leaving). */
  const dirty = computed(() => JSON.stringify(draft.value) !== savedDraft.value)

  async function load(): Promise<void> {
    const repos = await getRepositories()
    settings.value = (await repos.settings.get()) ?? null
  }

  /** Loads the stored settings into the form (a new company's starting values when there are none). */
  async function editCompany(): Promise<void> {
    await load()
    draft.value = draftFromSettings(settings.value ?? undefined, currentLocale())
    savedDraft.value = JSON.stringify(draft.value)
    errors.value = {}
    saveOutcome.value = null
  }

  /** Saves the form when every field is valid; otherwise shows each error and stores nothing. */
  async function saveCompany(): Promise<boolean> {
    saveOutcome.value = null
    const repos = await getRepositories()
    const stored = await repos.settings.get()
    const result = settingsFromDraft(draft.value, stored, currentLocale(), repos.env.now())
    if (!result.ok) {
      errors.value = result.errors
      saveOutcome.value = { ok: false, text: 'Not saved: correct the fields marked below.' }
      return false
    }
    errors.value = {}
    saving.value = true
    try {
      const written = await repos.settings.save(result.settings)
      if (!written.ok) {
        saveOutcome.value = { ok: false, text: `Not saved: ${written.refusal.reason}` }
        return false
      }
      settings.value = written.value
      savedDraft.value = JSON.stringify(draft.value)
      // Forms read the settings from the lookup store (currencies, company name on mail): refresh it.
      void useLookupStore().loadReference()
      saveOutcome.value = { ok: true, text: 'Settings saved. New documents use them.' }
      return true
    } finally {
      saving.value = false
    }
  }

  /** Takes a chosen logo file into the form (saved with the rest), or shows why it is refused. */
  async function chooseLogo(file: File): Promise<void> {
    const checked = checkLogo(new Uint8Array(await file.arrayBuffer()), file.name)
    const { logo: _dropped, ...others } = errors.value
    errors.value = checked.ok ? others : { ...others, logo: checked.error }
    if (checked.ok) draft.value = { ...draft.value, logo: checked.logo }
  }

  function removeLogo(): void {
    draft.value = { ...draft.value, logo: null }
  }

  /** In the sample company: whether it is whole (a load cut short shows Load sample company again). */
  const sampleLoaded = ref(false)

  /**
   * Settings opened: in the sample company, loads it if the rep just asked for it (the page reloaded into it),
   * and tells whether it is whole.
   */
  async function openSettings(): Promise<void> {
    if (!isSampleDatabase()) return
    if (takeSampleLoadRequest()) await loadSampleCompany()
    const repos = await getRepositories()
    sampleLoaded.value = (await sampleStatus(repos.db)) === 'loaded'
  }

  /**
   * Fills the sample company's own database (never the rep's: from the rep's data, the page reloads into the
   * sample company first, which then loads). Refused (with a message, nothing written) when the database
   * already holds data.
   */
  async function loadSampleCompany(): Promise<void> {
    if (!isSampleDatabase()) {
      useDatabaseStore().openSampleCompany()
      return
    }
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
      sampleLoaded.value = true
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
    sampleLoaded,
    message,
    draft,
    errors,
    saveOutcome,
    saving,
    dirty,
    load,
    editCompany,
    saveCompany,
    chooseLogo,
    removeLogo,
    loadSampleCompany,
    openSettings,
  }
})
