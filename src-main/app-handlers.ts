/**
 * The handlers of the app's own channels: About (`app:info`), links opened in the rep's browser, the unsent
 * changes that the close warning asks about, and the colour theme. Plain Node: `index.ts` hands in the few
 * Electron calls they make, so they are tested without Electron.
 */
import type { Handlers } from './ipc-router'
import { appInfo, type AppInfoSource } from './services/app-info'
import type { CloseGuard } from './services/close-guard'
import { UserFacingError } from './services/errors'
import { isAllowedExternalUrl } from './security/policy'

export interface AppHandlerDeps {
  /** Read on every `app:info`, so the About dialog shows the current values. */
  info: () => AppInfoSource
  openExternal: (url: string) => Promise<void>
  closeGuard: Pick<CloseGuard, 'report'>
  setTheme: (source: 'system' | 'light' | 'dark') => void
}

export function appHandlers(deps: AppHandlerDeps): Handlers {
  return {
    'app:info': () => appInfo(deps.info()),
    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new UserFacingError('That link is not on the allow-list.')
      await deps.openExternal(url)
      return true as const
    },
    'app:unsent-changes': ({ count }) => {
      deps.closeGuard.report(count)
      return true as const
    },
    'app:theme': ({ source }) => {
      deps.setTheme(source)
      return true as const
    },
  }
}
