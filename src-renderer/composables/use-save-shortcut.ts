import { onBeforeUnmount, onMounted } from 'vue'

/** Ctrl+S (Cmd+S on a Mac) runs `save` instead of the browser's "save page". */
export function useSaveShortcut(save: () => unknown) {
  function onKey(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault()
      // A field being typed in commits its value first (its change event), then the form saves.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
      void save()
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
