/**
 * The sync session (server, user, token) as main keeps it for the renderer: sealed with the keychain, or in memory
 * for this run when there is none (secrets.ts). Main checks the server address with the same rule as the renderer
 * (src-core/server-url.ts), so a session for a plain http:// server on another computer is neither kept nor given
 * back, and it knows the session's server origin: the one remote origin the Content Security Policy lets the page
 * connect to (security/policy.ts).
 */
import { syncCredentialsSchema, type SyncCredentials } from '@core/ipc/desktop-services'
import { checkServerUrl } from '@core/server-url'
import type { Handler } from '../ipc-router'
import { UserFacingError } from './errors'
import type { SecretStore } from './secrets'

export interface SyncSessionService {
  handlers: {
    'sync:save-token': Handler<'sync:save-token'>
    'sync:get-token': Handler<'sync:get-token'>
    'sync:clear-token': Handler<'sync:clear-token'>
  }
  /** The origin of the kept session's server, or null when there is no session. */
  serverOrigin(): Promise<string | null>
}

export function createSyncSession(options: {
  secrets: SecretStore
  /** Told the new origin whenever a session is kept or forgotten. */
  onServerChange?: (origin: string | null) => void
}): SyncSessionService {
  const { secrets } = options

  async function stored(): Promise<SyncCredentials | null> {
    const sealed = await secrets.get('sync-token')
    if (sealed === null) return null
    // A stored value that no longer parses, or whose address the rule refuses, is treated as signed out, never
    // as an error for the rep.
    try {
      const parsed = syncCredentialsSchema.safeParse(JSON.parse(sealed))
      return parsed.ok && checkServerUrl(parsed.value.serverUrl).ok ? parsed.value : null
    } catch {
      return null
    }
  }

  let origin: Promise<string | null> | undefined
  function setOrigin(next: string | null): void {
    origin = Promise.resolve(next)
    options.onServerChange?.(next)
  }

  return {
    handlers: {
      'sync:save-token': async (credentials) => {
        const checked = checkServerUrl(credentials.serverUrl)
        if (!checked.ok) throw new UserFacingError(checked.reason)
        const kept = await secrets.set('sync-token', JSON.stringify(credentials))
        setOrigin(checked.origin)
        return { persists: kept === 'keychain' }
      },
      'sync:get-token': () => stored(),
      'sync:clear-token': async () => {
        await secrets.delete('sync-token')
        setOrigin(null)
        return true as const
      },
    },
    serverOrigin() {
      origin ??= stored()
        .then((s) => (s ? checkServerUrl(s.serverUrl) : null))
        .then((c) => (c?.ok ? c.origin : null))
      return origin
    },
  }
}
