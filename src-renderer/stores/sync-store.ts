/**
 * Sync as the rep sees it: connect with server URL, user and password (Settings > Sync), the connection's
 * state, the pending count, the last sync, each document's sync state, and every change the server refused.
 * The session is kept by the platform (sealed by main in the desktop, in memory in a browser). Replication
 * runs while online and a session exists; it pauses offline and resumes from its checkpoints when the network
 * comes back.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { signInDeviceUser, type CollectionName, type Database } from '@renderer/data'
import { getRepositories, isSampleDatabase } from '@renderer/app/database-provider'
import { getPlatform, type SyncCredentials } from '@renderer/platform'
import { login, logout, SyncHttpError } from '@renderer/sync/http'
import { trackLocalWrites } from '@renderer/sync/local-writes'
import { startSync, type SyncSession } from '@renderer/sync/replication'
import { loadSyncState, type DocSyncInfo, type SyncStateTracker } from '@renderer/sync/sync-state'
import {
  groupRefusals,
  keepServerVersion as keepServer,
  sendAgain as sendRefusedAgain,
  type RefusalGroup,
  type RefusedRecord,
} from '@renderer/sync/refusals'
import { SyncProgress, type Transfer } from '@renderer/sync/sync-progress'

export type { CollectionName }

export type SyncStatus = 'disconnected' | 'connecting' | 'online' | 'offline' | 'signedOut'

export type { RefusalGroup, RefusedRecord, Transfer }

/** Why Connect is refused in the sample company. */
export const SAMPLE_NEVER_SYNCS =
  'The sample company is never synced. Go back to your data to connect to the company server.'

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * What Settings › Sync says about where the session is kept, when it does not survive a restart; null when it does.
 *
 * @param kind - the platform: a browser keeps it in the page, a desktop with no keychain in memory until it quits
 */
export function sessionNote(kind: 'desktop' | 'browser', persists: boolean): string | null {
  if (persists) return null
  if (kind === 'browser')
    return 'In a web browser the session is kept only while this page is open: after a reload, connect again.'
  return (
    'This computer has no keychain to keep the sync session safe, so Fieldbill keeps it only while it is ' +
    'open: after a restart, connect again. Invoices, orders and payments stay on this computer either way.'
  )
}

export const useSyncStore = defineStore('sync', () => {
  const platform = getPlatform()
  const status = ref<SyncStatus>('disconnected')
  const serverUrl = ref('')
  const userName = ref('')
  const loginError = ref<string | null>(null)
  const syncError = ref<string | null>(null)
  const pendingCount = ref(0)
  const rejectedCount = ref(0)
  const lastSyncAt = ref<string | null>(null)
  /** Whether the session survives a restart; false in a browser, and on a desktop with no keychain. */
  const tokenPersists = ref(platform.syncTokenPersists)
  /** The open database is the sample company's: it never connects and nothing in it is pending. */
  const sampleCompany = isSampleDatabase()
  /** What a sync under way moves: records sent out of those pending, records received out of the server's. */
  const sending = shallowRef<Transfer | null>(null)
  const receiving = shallowRef<Transfer | null>(null)
  const progress = new SyncProgress()
  /** Set just before the page reloads on purpose (into another database): nothing unsent is lost by that. */
  let leaving = false
  /** The refused changes, grouped by reason, each record named (Settings > Sync). */
  const refusalGroups = shallowRef<RefusalGroup[]>([])
  let groupsVersion = 0
  /** Bumped on every tracker change, so `stateOf` is reactive. */
  const version = ref(0)
  const tracker = shallowRef<SyncStateTracker>()
  let session: SyncSession | undefined
  /** Bumped by each start and each Disconnect, so that a session that finishes starting late is stopped. */
  let runs = 0
  let db: Database | undefined
  let ready: Promise<void> | undefined

  function refreshCounts(): void {
    const t = tracker.value
    if (!t) return
    pendingCount.value = t.pendingCount()
    rejectedCount.value = t.rejectedCount()
    lastSyncAt.value = t.lastSyncAt()
    showProgress()
    if (rejectedChanged(t)) void regroup(t)
    version.value++
  }

  let seenRefusals = ''
  /** Whether the set of refusals changed since the groups were made (not only their number). */
  function rejectedChanged(t: SyncStateTracker): boolean {
    const now = t
      .rejections()
      .map((r) => `${r.collection}/${r.id}@${r.at}`)
      .join(' ')
    if (now === seenRefusals) return false
    seenRefusals = now
    return true
  }

  /** Names and groups the refusals; a slower answer to an earlier change never overwrites a later one. */
  async function regroup(t: SyncStateTracker): Promise<void> {
    if (!db) return
    const mine = ++groupsVersion
    const groups = await groupRefusals(db, t)
    if (mine === groupsVersion) refusalGroups.value = groups
  }

  function showProgress(): void {
    const now = Date.now()
    sending.value = progress.sent(pendingCount.value, status.value === 'online', now)
    receiving.value = progress.received(status.value === 'online', now)
  }

  async function run(credentials: SyncCredentials): Promise<void> {
    if (!db || !tracker.value) return
    const mine = ++runs
    await session?.stop()
    serverUrl.value = credentials.serverUrl
    userName.value = credentials.userName
    status.value = 'connecting'
    const started = await startSync({
      db,
      tracker: tracker.value,
      url: credentials.serverUrl,
      token: credentials.token,
      onUnauthorized: () => {
        status.value = 'signedOut'
        syncError.value = 'The server ended the session: connect again in Settings > Sync.'
        void session?.pause()
      },
      onPulled: (collection, page) => {
        progress.pulled(collection, page, Date.now())
        showProgress()
      },
      onError: (e) => (syncError.value = message(e)),
    })
    // Disconnected (or connected again) while this session was starting: it must not run on.
    if (mine !== runs) return void (await started.stop())
    session = started
    if (navigator.onLine) status.value = 'online'
    else {
      await session.pause()
      status.value = 'offline'
    }
    showProgress()
  }

  async function setUp(): Promise<void> {
    // The sample company is a demo: nothing of it is tracked, sent or counted.
    if (sampleCompany) return
    db = (await getRepositories()).db
    tracker.value = await loadSyncState(db)
    // From the moment the database is open, connected or not: every local write is pending until accepted.
    trackLocalWrites(db, tracker.value)
    tracker.value.subscribe(refreshCounts)
    refreshCounts()
    window.addEventListener('online', () => {
      if (!session || status.value === 'signedOut') return
      status.value = 'online'
      showProgress()
      void session.resume()
    })
    window.addEventListener('offline', () => {
      if (!session || status.value === 'signedOut') return
      status.value = 'offline'
      showProgress()
      void session.pause()
    })
    // Closing the page with unsent work asks first. Not in Electron: there a cancelled beforeunload silently
    // keeps the window open with no dialog; main asks instead (app:unsent-changes, src-main/services/close-guard.ts).
    window.addEventListener('beforeunload', (event) => {
      if (pendingCount.value === 0 || leaving || platform.kind === 'desktop') return
      event.preventDefault()
      event.returnValue = ''
    })
    const saved = await platform.syncCredentials()
    if (saved) await run(saved)
  }

  /** Loads the sync state and resumes a saved session; safe to call more than once. */
  function init(): Promise<void> {
    ready ??= setUp().catch((e: unknown) => {
      ready = undefined
      syncError.value = message(e)
    })
    return ready
  }

  /** Signs in and starts syncing; a refusal is shown in `loginError`. */
  async function connect(url: string, name: string, password: string): Promise<boolean> {
    await init()
    loginError.value = null
    syncError.value = null
    if (sampleCompany) {
      loginError.value = SAMPLE_NEVER_SYNCS
      return false
    }
    try {
      const { token, user } = await login(url, name, password)
      const credentials = { serverUrl: url.trim().replace(/\/+$/, ''), userName: name, token }
      tokenPersists.value = (await platform.saveSyncCredentials(credentials)).persists
      // From now on this device acts as the signed-in user, and customers typed before are handed to them.
      const repos = await getRepositories()
      await signInDeviceUser(repos.db, repos.env, { userId: user.id, role: user.role })
      await run(credentials)
      return true
    } catch (e) {
      loginError.value =
        e instanceof SyncHttpError ? message(e) : `Could not connect: ${message(e)}`
      return false
    }
  }

  /**
   * Stops syncing, forgets the session (unsent changes stay on this device) and ends it on the server, which
   * is not waited for: offline, or with the server down, the device disconnects all the same.
   */
  async function disconnect(): Promise<void> {
    runs++
    const saved = await platform.syncCredentials().catch(() => undefined)
    await session?.stop()
    session = undefined
    await platform.clearSyncCredentials()
    status.value = 'disconnected'
    syncError.value = null
    if (saved) void logout(saved.serverUrl, saved.token)
    showProgress()
  }

  /** Forgets these refused versions: the records keep the server's version, which they already hold. */
  function keepServerVersion(records: readonly RefusedRecord[]): void {
    if (tracker.value) keepServer(tracker.value, records)
  }

  /** Sends these refused versions again (pending until the server answers). */
  async function sendAgain(records: readonly RefusedRecord[]): Promise<void> {
    if (tracker.value && db) await sendRefusedAgain(db, tracker.value, records)
  }

  /** The page is about to reload into another database: unsent work stays where it is, nothing to ask. */
  function leaveWithoutAsking(): void {
    leaving = true
  }

  /** The sync state of one document (reactive). */
  function stateOf(collection: CollectionName, id: string): DocSyncInfo {
    void version.value
    return tracker.value?.stateOf(collection, id) ?? { state: 'local' }
  }

  const connected = computed(() => status.value !== 'disconnected')
  const sessionKeptNote = computed(() => sessionNote(platform.kind, tokenPersists.value))

  return {
    status,
    connected,
    serverUrl,
    userName,
    loginError,
    syncError,
    pendingCount,
    rejectedCount,
    lastSyncAt,
    sampleCompany,
    sending,
    receiving,
    refusalGroups,
    tokenPersists,
    sessionKeptNote,
    init,
    connect,
    disconnect,
    stateOf,
    leaveWithoutAsking,
    keepServerVersion,
    sendAgain,
  }
})
