import { computed, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  draftOf,
  emptyDraft,
  headerChanges,
  isDirty,
  missingField,
  type DocumentHeaderChanges,
  type HeaderDraft,
  type SalesDocument,
} from '../components/document/header-draft'
import { useLookupStore } from '../stores/lookup-store'
import { useSaveShortcut } from './use-save-shortcut'
import { useUnsavedGuard } from './use-unsaved-guard'

/** What a document page's store offers the editor. */
export interface EditorStore<D extends SalesDocument> {
  doc: Ref<D | undefined>
  open(id: string): Promise<unknown>
  clear(): void
  /** The first save of a new document. */
  create(draft: HeaderDraft, header: DocumentHeaderChanges): Promise<{ ok: boolean }>
  /** Later saves: the changed header fields. */
  saveHeader(changes: DocumentHeaderChanges): Promise<{ ok: boolean }>
  /** Shows a message next to Save (a required field missing). */
  refuse(message: string): void
}

/**
 * The header editing every document form shares: New or open by route, the draft of the header, Save (Ctrl+S)
 * and Save and Close, and the question before leaving with unsaved changes.
 *
 * @example
 * const editor = useDocumentEditor('invoice', { doc: invoice, open, clear, create, saveHeader, refuse })
 */
export function useDocumentEditor<D extends SalesDocument>(
  kind: 'invoice' | 'order',
  store: EditorStore<D>,
) {
  const route = useRoute()
  const router = useRouter()
  const lookup = useLookupStore()
  const draft = ref<HeaderDraft>(emptyDraft())
  const dirty = computed(() => isDirty(store.doc.value, draft.value))
  const guard = useUnsavedGuard(dirty)
  const listPath = `/${kind}s`
  const routeId = computed(() => (typeof route.params.id === 'string' ? route.params.id : 'new'))
  useSaveShortcut(() => save())

  async function load(opening: boolean) {
    if (routeId.value === 'new') {
      store.clear()
      draft.value = emptyDraft()
    }
    await lookup.loadReference()
    if (routeId.value === 'new') {
      // The rep may already have typed while the reference data loaded: keep it, add only the default currency.
      draft.value = {
        ...draft.value,
        currencyCode: draft.value.currencyCode ?? lookup.settings?.baseCurrencyCode,
      }
    } else {
      // A page opening reads the document afresh: the store may still hold it from an earlier visit, since
      // changed by sync or another window. Only a route change to the document just created keeps it.
      if (opening || store.doc.value?.id !== routeId.value) await store.open(routeId.value)
      if (store.doc.value) draft.value = draftOf(store.doc.value)
    }
  }
  void load(true)
  watch(routeId, () => load(false))

  // A command saved elsewhere on the form (a line, a total) refreshes the header unless it has unsaved edits.
  watch(store.doc, (now, before) => {
    if (now && (!before || !isDirty(before, draft.value))) draft.value = draftOf(now)
  })

  async function save(): Promise<boolean> {
    const missing = missingField(draft.value)
    if (missing) {
      store.refuse(missing)
      return false
    }
    const current = store.doc.value
    if (!current) {
      const outcome = await store.create(draft.value, headerChanges(kind, undefined, draft.value))
      // Read again: create() filled the ref.
      const created = store.doc.value
      if (created) {
        draft.value = draftOf(created)
        await router.replace(`${listPath}/${created.id}`)
      }
      return outcome.ok
    }
    const changes = headerChanges(kind, current, draft.value)
    if (Object.keys(changes).length === 0) return true
    return (await store.saveHeader(changes)).ok
  }

  async function saveAndClose() {
    if (!(await save())) return
    guard.allowLeave()
    await router.push(listPath)
  }

  return { draft, dirty, guard, save, saveAndClose, router }
}
