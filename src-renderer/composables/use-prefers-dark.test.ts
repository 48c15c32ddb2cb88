import { effectScope } from 'vue'
import { expect, test } from 'vitest'
import { usePrefersDark } from './use-prefers-dark'

/** A stand-in for the system's media query: its setting changes when the test says so. */
function systemSetting(dark: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>()
  const query = {
    matches: dark,
    addEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.add(f),
    removeEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.delete(f),
  }
  return {
    media: { matchMedia: () => query } as unknown as Pick<Window, 'matchMedia'>,
    listeners,
    turn(to: boolean) {
      query.matches = to
      for (const f of listeners) f({ matches: to })
    },
  }
}

test('follows the system setting while the page is open, and stops listening when it closes', () => {
  const system = systemSetting(false)
  const scope = effectScope()
  const dark = scope.run(() => usePrefersDark(system.media))!
  expect(dark.value).toBe(false)
  system.turn(true)
  expect(dark.value).toBe(true)
  system.turn(false)
  expect(dark.value).toBe(false)
  scope.stop()
  expect(system.listeners.size).toBe(0)
})

test('starts dark on a dark system', () => {
  const scope = effectScope()
  expect(scope.run(() => usePrefersDark(systemSetting(true).media))!.value).toBe(true)
  scope.stop()
})
