/**
 * The security policy of every window, as plain data and pure functions so that it is tested without Electron.
 * `window.ts` and `index.ts` apply it through Electron's APIs.
 */

/** The app's own origin. Fixed from the first release: IndexedDB data belongs to an origin. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'fieldbill'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Strict CSP: scripts only from the app itself, no eval, no remote anything. Inline styles are allowed because the
 * component library sets element styles (positioning of overlays); inline scripts are not. `connect-src` allows
 * http(s) because the sync server's URL is chosen by the user at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http:",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export { EXTERNAL_LINK_ALLOW_LIST, isAllowedExternalUrl } from '../../src-core/links'

/**
 * True when a URL belongs to the app itself: the `app://` origin in production, or the dev server's origin
 * while developing (passed in; never trusted in a packaged build).
 */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
