/**
 * Keeps the page where it is. In Electron, main also denies navigation and new windows; in a browser this guard
 * is the only line, so it is installed in both: `window.open` never opens a window by itself, and a click on a
 * link to another origin never navigates. Allowed https links go to the platform's openExternal instead.
 */
import type { Platform } from '.'

function isSameOrigin(href: string, win: Window): boolean {
  try {
    return new URL(href, win.location.href).origin === win.location.origin
  } catch {
    return false
  }
}

export function installLinkGuard(platform: Platform, win: Window = window): void {
  const open = (url?: string | URL): null => {
    const href = url === undefined ? '' : String(url)
    if (href.startsWith('https://')) void platform.openExternal(href).catch(() => undefined)
    return null
  }
  Object.defineProperty(win, 'open', { value: open, writable: false, configurable: false })

  win.document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!target) return
      const href = target.getAttribute('href') ?? ''
      if (href.startsWith('#') || isSameOrigin(href, win)) return
      event.preventDefault()
      event.stopPropagation()
      open(new URL(href, win.location.href).href)
    },
    { capture: true },
  )
}
