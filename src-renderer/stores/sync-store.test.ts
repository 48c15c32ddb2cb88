import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRepositories, provideRepositories, type Repositories } from '../data'
import { closeDatabase, openTestDatabase, testEnv } from '../data/test-support/test-db'
import { loadSyncState } from '../sync/sync-state'
import { sessionNote, useSyncStore } from './sync-store'

// A browser with no saved session: the store only loads the sync state.
vi.mock('../platform', () => ({
  getPlatform: () => ({
    kind: 'browser',
    syncTokenPersists: false,
    syncCredentials: () => Promise.resolve(undefined),
    saveSyncCredentials: () => Promise.resolve({ persists: false }),
    clearSyncCredentials: () => Promise.resolve(),
  }),
}))

beforeEach(() => {
  vi.stubGlobal('window', new EventTarget())
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

/** Runs `test` on a fresh database the repositories (and so the store) use. */
async function withDatabase(test: (repos: Repositories) => Promise<void>): Promise<void> {
  const repos = createRepositories(await openTestDatabase(), testEnv())
  provideRepositories(repos)
  try {
    await test(repos)
  } finally {
    provideRepositories(undefined)
    await closeDatabase(repos.db)
  }
}

describe('Settings > Sync: changes the server refused', () => {
  it('lists each refusal with its record, reason, time and every refused value as text', () =>
    withDatabase(async (repos) => {
      // A payment refused on an earlier day, as the tracker keeps it across restarts.
      const before = await loadSyncState(repos.db)
      before.markPending('payments', 'P7', '2025-03-05T09:00:00.000Z')
      before.markPushed('payments', [
        {
          id: 'P7',
          updatedAt: '2025-03-05T09:00:00.000Z',
          conflict: false,
          rejection: {
            code: 'overpayment',
            reason: 'The payment of 150.00 is more than the balance due of 100.00 on INV-00001.',
            refused: {
              id: 'P7',
              invoiceId: 'I1',
              amount: '150.00',
              method: 'cash',
              note: '<b>not markup</b>',
              updatedAt: '2025-03-05T09:00:00.000Z',
              _deleted: false,
            },
          },
        },
      ])
      await before.flush()

      const store = useSyncStore()
      await store.init()

      expect(store.rejectedCount).toBe(1)
      expect(store.pendingCount).toBe(0)
      expect(store.rejections).toEqual([
        {
          collection: 'payments',
          id: 'P7',
          code: 'overpayment',
          reason: 'The payment of 150.00 is more than the balance due of 100.00 on INV-00001.',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
          values: [
            { field: 'invoiceId', value: 'I1' },
            { field: 'amount', value: '150.00' },
            { field: 'method', value: 'cash' },
            { field: 'note', value: '<b>not markup</b>' },
          ],
        },
      ])
    }))
})

describe('Settings > Sync: where the session is kept', () => {
  it('says nothing when the session survives a restart', () => {
    expect(sessionNote('desktop', true)).toBeNull()
  })

  it('speaks of sync, not of mail, on a desktop with no keychain', () => {
    const note = sessionNote('desktop', false)
    expect(note).toMatch(/no keychain to keep the sync session safe/)
    expect(note).toMatch(/after a restart, connect again/)
    expect(note).not.toMatch(/mail|password|SMTP/i)
  })

  it('tells a browser user the session ends with the page', () => {
    expect(sessionNote('browser', false)).toMatch(/after a reload, connect again/)
  })
})
