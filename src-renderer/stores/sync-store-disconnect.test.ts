import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, expect, test, vi } from 'vitest'
import { useSyncStore } from './sync-store'

const saved = { serverUrl: 'https://sync.example.com', userName: 'ann', token: 'T'.repeat(43) }
const cleared = vi.fn(() => Promise.resolve())
const logout = vi.fn((_url: string, _token: string) => new Promise<boolean>(() => undefined))

// A device with a saved session, and a server that never answers the logout.
vi.mock('@renderer/platform', () => ({
  getPlatform: () => ({
    kind: 'browser',
    syncTokenPersists: false,
    syncCredentials: () => Promise.resolve(saved),
    saveSyncCredentials: () => Promise.resolve(),
    clearSyncCredentials: cleared,
  }),
}))
vi.mock('@renderer/sync/http', async (original) => ({
  ...(await original<typeof import('@renderer/sync/http')>()),
  logout: (url: string, token: string) => logout(url, token),
}))

beforeEach(() => {
  setActivePinia(createPinia())
})

test('Disconnect ends the session on the server, and does not wait for it', async () => {
  const store = useSyncStore()
  await store.disconnect()
  expect(cleared).toHaveBeenCalledOnce()
  expect(store.status).toBe('disconnected')
  expect(logout).toHaveBeenCalledWith(saved.serverUrl, saved.token)
})
