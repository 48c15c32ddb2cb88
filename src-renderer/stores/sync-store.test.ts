import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRepositories, type Repositories } from '@renderer/data'
import { provideRepositories } from '@renderer/app/database-provider'
import { closeDatabase, openTestDatabase, testEnv } from '@renderer/data/test-support/test-db'
import { loadSyncState } from '@renderer/sync/sync-state'
import { sessionNote, useSyncStore } from './sync-store'

// A browser with no saved session: the store only loads the sync state.
vi.mock('@renderer/platform', () => ({
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

// A sync session whose start the test finishes when it chooses (the server is slow to answer).
const starting = vi.hoisted(() => ({
  finish: undefined as undefined | (() => void),
  stopped: 0,
}))
vi.mock('@renderer/sync/http', async (original) => ({
  ...(await original<object>()),
  login: () => Promise.resolve({ token: 't', user: { id: 'ann', role: 'rep' } }),
  logout: () => Promise.resolve(),
}))
vi.mock('@renderer/sync/replication', () => ({
  startSync: () =>
    new Promise((resolve) => {
      const session = {
        stop: () => Promise.resolve(void starting.stopped++),
        pause: () => Promise.resolve(),
        resume: () => Promise.resolve(),
      }
      starting.finish = () => resolve(session)
    }),
}))

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

const AT = '2025-03-05T09:00:00.000Z'

describe('Settings > Sync: changes the server refused', () => {
  it('groups refusals by reason in plain words, names each record, and deals with them', () =>
    withDatabase(async (repos) => {
      // Refusals of an earlier day, as the tracker keeps them across restarts.
      const before = await loadSyncState(repos.db)
      const refuse = (
        collection: 'payments' | 'catalogrefs' | 'customers',
        code: string,
        reason: string,
        refused: { id: string; [field: string]: string },
      ) => {
        before.markPending(collection, refused.id, AT)
        before.markPushed(collection, [
          { id: refused.id, updatedAt: AT, conflict: false, rejection: { code, reason, refused } },
        ])
      }
      refuse('catalogrefs', 'notPermitted', 'Only the back office changes the catalog.', {
        id: 'pl-1',
        kind: 'priceList',
        name: 'Retail USD',
        updatedAt: AT,
      })
      refuse('customers', 'notPermitted', 'This customer is not yours.', {
        id: 'cust-9',
        name: 'Offline Outfitters',
        updatedAt: AT,
      })
      refuse('payments', 'overpayment', 'The payment of 150.00 is more than the balance due.', {
        id: 'P7',
        invoiceId: 'I1',
        amount: '150.00',
        currencyCode: 'USD',
        updatedAt: AT,
      })
      await before.flush()

      const store = useSyncStore()
      await store.init()
      expect(store.rejectedCount).toBe(3)
      await vi.waitFor(() => expect(store.refusalGroups).toHaveLength(2))
      expect(
        store.refusalGroups.map((g) => [g.title, g.canRetry, g.records.map((r) => r.label)]),
      ).toEqual([
        [
          'Changes you may not make',
          false,
          ['Customer Offline Outfitters', 'Price list Retail USD'],
        ],
        ['Payments above what is due', true, ['Payment of 150.00 USD on an invoice']],
      ])
      // Nothing internal on screen: no collection names, no ids.
      const shown = JSON.stringify(
        store.refusalGroups.map((g) => [g.title, g.help, g.records.map((r) => r.label)]),
      )
      expect(shown).not.toMatch(/catalogrefs|pl-1|cust-9|P7|I1/)

      store.keepServerVersion(store.refusalGroups[0]!.records)
      await vi.waitFor(() => expect(store.refusalGroups).toHaveLength(1))
      expect(store.rejectedCount).toBe(1)
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

describe('Settings > Sync: Disconnect', () => {
  it('while the session is still starting, the device stays disconnected and the session is stopped', () =>
    withDatabase(async () => {
      vi.stubGlobal('navigator', { onLine: true })
      const store = useSyncStore()
      const connecting = store.connect('http://127.0.0.1:9', 'ann', 'pw')
      await vi.waitFor(() => expect(store.status).toBe('connecting'))
      await store.disconnect()
      starting.finish!()
      expect(await connecting).toBe(true)
      expect(store.status).toBe('disconnected')
      expect(starting.stopped).toBe(1)
    }))
})
