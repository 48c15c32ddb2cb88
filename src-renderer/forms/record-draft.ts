import { computed, ref, watch, type Ref } from 'vue'
import type { FieldErrors } from '@core/documents'
import type { WriteResult } from '@renderer/data'

/** What a record form's save answers: the repository's result, or a refusal of the form's own. */
export type SavedOrRefused<T> = WriteResult<T> | { ok: false; refusal: { reason: string } }

export interface RecordDraftOptions<T> {
  /** The record the dialog opens with (a new one or a copy is edited, never this). */
  source: () => T | undefined
  /** The reasons the record cannot be saved yet, by field; shown once Save was pressed. */
  check?: (draft: T) => FieldErrors
  /** Saves the record; a refusal is shown in the dialog's foot and the dialog stays open. */
  save: (draft: T) => Promise<SavedOrRefused<T>>
  saved?: (record: T) => void
}

/**
 * The editable copy of a record while its dialog is open: a deep copy taken each time the dialog opens, whether
 * it differs from what was opened (`dirty`, for the unsaved-changes question), the reasons by field of the last
 * Save and the refusal of the store. `save` checks, saves and closes the dialog.
 *
 * @example
 * const { draft, dirty, error, errors, save } =
 *   useRecordDraft(visible, { source: () => props.group, check: checkUnitGroup, save: editor.saveUnitGroup })
 */
export function useRecordDraft<T extends object>(
  visible: Ref<boolean>,
  options: RecordDraftOptions<T>,
) {
  const draft: Ref<T | undefined> = ref()
  const error = ref<string | null>(null)
  const errors = ref<FieldErrors>({})
  let opened = ''

  watch(visible, (open) => {
    const record = options.source()
    if (!open || !record) return
    // JSON, not structuredClone: the record may be a reactive proxy, which structuredClone refuses.
    opened = JSON.stringify(record)
    draft.value = JSON.parse(opened) as T
    error.value = null
    errors.value = {}
  })

  const dirty = computed(() => !!draft.value && JSON.stringify(draft.value) !== opened)

  async function save(): Promise<void> {
    const record = draft.value
    if (!record) return
    errors.value = options.check?.(record) ?? {}
    if (Object.keys(errors.value).length > 0)
      return void (error.value = 'Correct the fields marked above first.')
    const result = await options.save(record)
    if (!result.ok) return void (error.value = result.refusal.reason)
    visible.value = false
    options.saved?.(result.value)
  }

  return { draft, dirty, error, errors, save }
}
