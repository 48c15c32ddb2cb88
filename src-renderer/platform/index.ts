/**
 * The renderer's one door to the desktop. Inside Electron it calls the sandboxed bridge; in a plain browser
 * (`npm run web`, the end-to-end tests) it falls back to what a browser can do, and says so.
 */
import { isAllowedExternalUrl } from '@core/links'
import type { AppEvent, AppInfo, DesktopBridge } from '@core/ipc/contract'
import { browserServices, desktopServices, type DesktopServicesPlatform } from './desktop-services'
import { PlatformError, unwrap } from './ipc-result'
import { browserSyncToken, desktopSyncToken, type SyncTokenPlatform } from './sync-token'

export type { InvoiceMail, DesktopOutcome, FacturXContent } from './desktop-services'
export type { SyncCredentials } from './sync-token'
export { PlatformError } from './ipc-result'

/** The desktop's services (PDF, print, mail, backups) are part of the platform; see desktop-services.ts. */
export interface Platform extends DesktopServicesPlatform, SyncTokenPlatform {
  readonly kind: 'desktop' | 'browser'
  appInfo(): Promise<AppInfo>
  openExternal(url: string): Promise<void>
  on(event: AppEvent, listener: () => void): () => void
  /** Tells main how many changes wait to be sent, so it can ask before the window closes (desktop only). */
  reportUnsentChanges(count: number): Promise<void>
}

export function desktopPlatform(bridge: DesktopBridge): Platform {
  return {
    ...desktopServices(bridge),
    ...desktopSyncToken(bridge),
    kind: 'desktop',
    appInfo: async () => unwrap(await bridge['app:info'](undefined)),
    openExternal: async (url) => {
      unwrap(await bridge['shell:open-external']({ url }))
    },
    on: (event, listener) => bridge.on(event, listener),
    reportUnsentChanges: async (count) => {
      unwrap(await bridge['app:unsent-changes']({ count }))
    },
  }
}

export function browserPlatform(win: Window = window): Platform {
  // Captured now: the link guard replaces window.open later, and this is the one caller allowed the real one.
  const nativeOpen = win.open.bind(win)
  return {
    ...browserServices(win),
    ...browserSyncToken(),
    kind: 'browser',
    appInfo: () =>
      Promise.resolve({
        name: 'Fieldbill',
        version: __APP_VERSION__,
        platform: 'web',
        arch: 'n/a',
        dataFolder: `This browser's storage for ${win.location.origin}`,
        electron: null,
        chrome: null,
      }),
    openExternal: (url) => {
      if (!isAllowedExternalUrl(url))
        return Promise.reject(new PlatformError('That link is not on the allow-list.'))
      nativeOpen(url, '_blank', 'noopener,noreferrer')
      return Promise.resolve()
    },
    // A browser has no application menu: nothing ever fires.
    on: () => () => undefined,
    // The browser build warns through beforeunload (sync-store.ts); there is no main process to tell.
    reportUnsentChanges: () => Promise.resolve(),
  }
}

let current: Platform | undefined

/** The platform for this page: the desktop bridge when the preload exposed it, the browser otherwise. */
export function getPlatform(): Platform {
  current ??= window.fieldbill ? desktopPlatform(window.fieldbill) : browserPlatform()
  return current
}
