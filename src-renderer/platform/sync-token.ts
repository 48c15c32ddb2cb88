/**
 * Where the sync session (server, user, token) is kept. In the desktop, main seals it with safeStorage and it
 * survives a restart; on a computer with no keychain main keeps it in memory until the app quits. In a browser it
 * lives only in this page's memory, never in localStorage or IndexedDB (any script of the origin could read
 * those): the rep connects again after a reload.
 */
import type { DesktopBridge, IpcResult } from '@core/ipc/contract'
import type { SyncCredentials } from '@core/ipc/desktop-services'

export type { SyncCredentials }

export interface SyncTokenPlatform {
  /** Whether the session survives a restart (desktop) or only this page (browser). */
  readonly syncTokenPersists: boolean
  syncCredentials(): Promise<SyncCredentials | null>
  /** `persists`: whether this session survives a restart (false on a desktop with no keychain). */
  saveSyncCredentials(credentials: SyncCredentials): Promise<{ persists: boolean }>
  clearSyncCredentials(): Promise<void>
}

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(result.error)
  return result.value
}

export function desktopSyncToken(bridge: DesktopBridge): SyncTokenPlatform {
  return {
    syncTokenPersists: true,
    syncCredentials: async () => unwrap(await bridge['sync:get-token'](undefined)),
    async saveSyncCredentials(credentials) {
      return unwrap(await bridge['sync:save-token'](credentials))
    },
    async clearSyncCredentials() {
      unwrap(await bridge['sync:clear-token'](undefined))
    },
  }
}

export function browserSyncToken(): SyncTokenPlatform {
  let kept: SyncCredentials | null = null
  return {
    syncTokenPersists: false,
    syncCredentials: () => Promise.resolve(kept),
    saveSyncCredentials(credentials) {
      kept = credentials
      return Promise.resolve({ persists: false })
    },
    clearSyncCredentials() {
      kept = null
      return Promise.resolve()
    },
  }
}
