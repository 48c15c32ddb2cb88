import { computed, ref, watch, type Ref } from 'vue'

/**
 * The editable copy of a record while its dialog is open: a deep copy taken each time the dialog opens, whether
 * it differs from what was opened (`dirty`, for the unsaved-changes question) and the refusal of the last save.
 *
 * @example
 * const { draft, dirty, error } = useRecordDraft(visible, () => props.customer)
 */
export function useRecordDraft<T extends object>(
  visible: Ref<boolean>,
  source: () => T | undefined,
  onOpen?: (draft: T) => void,
) {
  const draft: Ref<T | undefined> = ref()
  const error = ref<string | null>(null)
  let opened = ''

  watch(visible, (open) => {
    const record = source()
    if (!open || !record) return
    // JSON, not structuredClone: the record may be a reactive proxy, which structuredClone refuses.
    opened = JSON.stringify(record)
    draft.value = JSON.parse(opened) as T
    error.value = null
    onOpen?.(draft.value)
  })

  const dirty = computed(() => !!draft.value && JSON.stringify(draft.value) !== opened)

  return { draft, dirty, error }
}
