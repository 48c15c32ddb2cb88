import { computed, nextTick, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  draftOf,
  dueDateError,
  emptyDraft,
  headerChanges,
  isDirty,
  type DocumentHeaderChanges,
  type HeaderDraft,
  type SalesDocument,
} from '@renderer/forms/header-draft'
import { headerErrors, headerField, type HeaderErrors } from '@renderer/forms/header-errors'
import { todayIso } from '@renderer/format'
import { useLookupStore } from '@renderer/stores/lookup-store'
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
  /** Shows a message next to Save (the problems that stopped it). */
  refuse(message: string): void
  /** True while a command of the form (a line, a total) is being saved. */
  busy?: Ref<boolean>
}

/** What the form says about its saving: shown in a status element beside the commands. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'new'

/** "Not saved: Name is required. Customer is required." */
function summary(errors: HeaderErrors): string {
  return `Not saved: ${Object.values(errors).join(' ')}`
}

/** Focuses the control of a field (an input by its id, a Select by its id given as labelId). */
function focusField(id: string) {
  void nextTick(() => {
    const control = document.getElementById(id)
    if (control instanceof HTMLElement) control.focus()
  })
}

/**
 * The header editing every document form shares: New or open by route, the draft of the header, Save (Ctrl+S)
 * and Save and Close, and the question before leaving with unsaved changes. An open document saves its header
 * the way it saves its lines: when the rep leaves a changed field (`saveOnLeave`); Save saves at once. Every
 * problem of a Save is shown beside its field (`errors`) and the first one is focused.
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
  /** Set by a Save that found problems: from then on every field's problem shows as the rep corrects it. */
  const checked = ref(false)
  const saving = ref(false)
  let inFlight: Promise<boolean> = Promise.resolve(true)
  const guard = useUnsavedGuard(dirty, () => inFlight)
  const listPath = `/${kind}s`
  const routeId = computed(() => (typeof route.params.id === 'string' ? route.params.id : 'new'))
  useSaveShortcut(() => save())

  const errors = computed<HeaderErrors>(() => {
    if (checked.value) return headerErrors(kind, draft.value)
    const due = kind === 'invoice' ? dueDateError(draft.value) : null
    return due ? { dueDate: due } : {}
  })

  const saveState = computed<SaveState>(() => {
    if (saving.value || store.busy?.value) return 'saving'
    if (dirty.value) return 'unsaved'
    return store.doc.value ? 'saved' : 'new'
  })

  async function load(opening: boolean) {
    checked.value = false
    if (routeId.value === 'new') {
      store.clear()
      // A new invoice is dated today, as Dynamics fills Invoice Date; the rep can change it before saving.
      draft.value = kind === 'invoice' ? { ...emptyDraft(), invoiceDate: todayIso() } : emptyDraft()
    }
    await lookup.loadReference()
    if (routeId.value === 'new') {
      // The rep may already have typed while the reference data loaded: keep it, add only the defaults: the
      // company's only price list when it has one, and its currency (else the base currency).
      const only = lookup.priceLists.length === 1 ? lookup.priceLists[0] : undefined
      const priceListId = draft.value.priceListId ?? only?.id
      draft.value = {
        ...draft.value,
        priceListId,
        currencyCode:
          draft.value.currencyCode ??
          (priceListId === only?.id ? only?.currencyCode : undefined) ??
          lookup.baseCurrencyCode,
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

  async function saveNow(focusProblem: boolean): Promise<boolean> {
    checked.value = true
    const found = headerErrors(kind, draft.value)
    const first = Object.keys(found)[0]
    if (first !== undefined) {
      // Leaving a field marks its problem beside it; Save also says so above the form and goes to the first.
      if (focusProblem) {
        store.refuse(summary(found))
        focusField(headerField(kind, first).id)
      }
      return false
    }
    checked.value = false
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
    const sent = draft.value
    const changes = headerChanges(kind, current, sent)
    if (Object.keys(changes).length === 0) return true
    const outcome = await store.saveHeader(changes)
    // What was saved may read back a little differently (a name trimmed): show the stored values unless the
    // rep typed on meanwhile.
    if (outcome.ok && draft.value === sent && store.doc.value)
      draft.value = draftOf(store.doc.value)
    return outcome.ok
  }

  /** Saves the header; a save asked for while one runs waits for it, so changes are never sent twice. */
  function save(focusProblem = true): Promise<boolean> {
    const next = inFlight.then(async () => {
      saving.value = true
      try {
        return await saveNow(focusProblem)
      } finally {
        saving.value = false
      }
    })
    inFlight = next.catch(() => false)
    return next
  }

  /** A header field was left: an open document saves what changed, as its lines do. */
  function saveOnLeave() {
    // No focus moves here: the rep is on the way to another field.
    if (store.doc.value && dirty.value) void save(false)
  }

  async function saveAndClose() {
    if (!(await save())) return
    guard.allowLeave()
    await router.push(listPath)
  }

  return { draft, dirty, errors, saveState, guard, save, saveOnLeave, saveAndClose, router }
}
