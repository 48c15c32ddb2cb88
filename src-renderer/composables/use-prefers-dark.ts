import { onScopeDispose, ref, type Ref } from 'vue'

/** The query the operating system's light/dark setting answers (the one PrimeVue's theme follows). */
const DARK = '(prefers-color-scheme: dark)'

/**
 * Whether the operating system shows dark colours, kept current: a rep whose system turns dark at dusk sees the
 * whole screen turn, the pieces drawn in script (the aging chart) with it, without reopening the page.
 */
export function usePrefersDark(media: Pick<Window, 'matchMedia'> = window): Ref<boolean> {
  const query = media.matchMedia(DARK)
  const dark = ref(query.matches)
  const follow = (event: { matches: boolean }) => (dark.value = event.matches)
  query.addEventListener('change', follow)
  onScopeDispose(() => query.removeEventListener('change', follow))
  return dark
}
