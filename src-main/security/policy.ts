/**
 * The security policy of every window, as plain data and pure functions so that it is tested without Electron.
 * `window.ts` and `index.ts` apply it through Electron's APIs.
 */

/** The app's own origin. Fixed from the first release: IndexedDB data belongs to an origin. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'fieldbill'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * What the page may connect to before any sync session is kept, so that the rep can sign in to the company's
 * server: the app itself, any https:// server, and plain http:// only on this computer (the rule of
 * src-core/server-url.ts; CSP cannot name all of 127.0.0.0/8, so 127.0.0.1 and localhost stand for it).
 */
const SIGN_IN_CONNECT_SOURCES = ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']

/**
 * Strict CSP: scripts only from the app itself, no eval, no remote anything. Inline styles are allowed because the
 * component library sets element styles (positioning of overlays); inline scripts are not.
 *
 * `connect-src` is the app itself and the sync server of the kept session, nothing else, so a script that got
 * into the page cannot send the rep's data anywhere but the company's server. With no session yet it is the
 * sign-in sources above. Main builds the policy for each page it serves (index.ts); the same policy without a
 * session is embedded in the built page, which is all the browser build has.
 *
 * @param syncServerOrigin - scheme, host and port of the kept session's server, or null
 * @example
 * contentSecurityPolicy('https://sync.example.com') // "… connect-src 'self' https://sync.example.com; …"
 */
export function contentSecurityPolicy(syncServerOrigin: string | null = null): string {
  const connect = syncServerOrigin ? ["'self'", syncServerOrigin] : SIGN_IN_CONNECT_SOURCES
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The policy with no sync session, as embedded in the built page. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

// electron.vite.config.ts loads this file before any alias exists, so it names src-core by its path.
// eslint-disable-next-line no-restricted-syntax
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
