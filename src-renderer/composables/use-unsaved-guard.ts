import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'

/**
 * Asks before leaving a form with unsaved changes: in-app navigation waits for the rep's answer in a dialog
 * (`asking`, `answer`), closing the window gets the browser's own prompt.
 *
 * @example
 * const guard = useUnsavedGuard(dirty, () => savingNow)
 * // <LeaveDialog :visible="guard.asking.value" @answer="guard.answer" />
 */
export function useUnsavedGuard(dirty: Ref<boolean>, settle?: () => Promise<unknown>) {
  const asking = ref(false)
  let resolve: ((leave: boolean) => void) | undefined
  /** Set by a save that navigates itself (Save and Close), so its own navigation is not questioned. */
  let bypass = false

  onBeforeRouteLeave(async () => {
    // A save started by leaving a field (the click on a link left it) decides whether anything is unsaved.
    await settle?.()
    if (bypass || !dirty.value) return true
    asking.value = true
    return new Promise<boolean>((r) => (resolve = r))
  })

  function answer(leave: boolean) {
    asking.value = false
    resolve?.(leave)
    resolve = undefined
  }

  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!dirty.value) return
    event.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))

  return {
    asking,
    answer,
    allowLeave: () => {
      bypass = true
    },
  }
}
