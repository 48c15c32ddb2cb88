/**
 * The sync session on the desktop, against a real sync server (PostgreSQL and src-server, started by this spec):
 * main keeps the token sealed with the keychain (safeStorage) in its own folder, never in the page's storage, and
 * serves the next page with the server in its policy's connect-src; and main asks before the window closes while
 * changes wait to be sent.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { contentSecurityPolicy } from '../../src-main/security/policy'
import { startSyncServer, type SyncServer } from '../sync-server'
import { go } from './company'
import { expect, test as base } from './fixtures'

const test = base.extend<object, { syncServer: SyncServer }>({
  syncServer: [
    async ({ appPort }, use) => {
      // In Electron the page's origin is app://fieldbill; here the stand-in's loopback origin stands for it.
      const server = await startSyncServer({ webOrigins: [`http://127.0.0.1:${appPort}`] })
      await server.addUser('ann', 'rep', 'ann-password')
      await use(server)
      await server.stop()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

type Bridge = { fieldbill: { 'sync:get-token': (r: undefined) => Promise<unknown> } }

/** Every file under a folder, as text. */
async function filesUnder(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      found.set(path, await readFile(path, 'latin1'))
    }
  return found
}

/** Everything the page keeps in localStorage and IndexedDB, as one string. */
function pageStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage })]
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name ?? '')
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error ?? new Error('open failed'))
      })
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll()
          all.onsuccess = () => resolve(all.result)
          all.onerror = () => reject(all.error ?? new Error('read failed'))
        })
        parts.push(JSON.stringify(rows))
      }
      db.close()
    }
    return parts.join('\n')
  })
}

async function connect(page: Page, url: string): Promise<void> {
  await go(page, '#/settings/sync')
  await page.getByLabel('Server URL').fill(url)
  await page.getByLabel('User').fill('ann')
  await page.getByLabel('Password').fill('ann-password')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('status')).toContainText(`Connected to ${url} as ann`)
}

test('the sync token is kept by main through safeStorage, never in the page', async ({
  page,
  home,
  syncServer,
}) => {
  await connect(page, syncServer.url)
  const bar = page.getByRole('contentinfo', { name: 'Sync status' })
  await expect(bar.getByRole('link', { name: 'Sync on' })).toBeVisible()

  const answer = (await page.evaluate(() =>
    (window as unknown as Bridge).fieldbill['sync:get-token'](undefined),
  )) as { ok: true; value: { token: string; userName: string } }
  expect(answer.value.userName).toBe('ann')
  const { token } = answer.value
  expect(token.length).toBeGreaterThan(16)

  // On disk: main's secrets file holds the session, sealed; no file in the app's folders has the token.
  const files = await filesUnder(home)
  const secrets = files.get(join(home, 'userData', 'fieldbill', 'secrets.json'))
  expect(secrets).toBeDefined()
  for (const [path, text] of files) expect(text, path).not.toContain(token)
  // In the page: neither localStorage nor IndexedDB.
  expect(await pageStorage(page)).not.toContain(token)

  // The next page main serves lets the page reach that server, and the session comes back from main.
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(
    contentSecurityPolicy(new URL(syncServer.url).origin),
  )
  await expect(bar.getByRole('link', { name: 'Sync on' })).toBeVisible()
  expect(await pageStorage(page)).not.toContain(token)
})

test('closing the window with unsent changes asks first; Stay keeps it, Close Fieldbill quits', async ({
  page,
  context,
  desktop,
  script,
  syncServer,
}) => {
  await connect(page, syncServer.url)
  const bar = page.getByRole('contentinfo', { name: 'Sync status' })
  await expect(bar).toContainText('0 pending')
  await go(page, '#/customers')
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const form = page.getByRole('dialog', { name: 'Customer' })
  // Off the network, a new account waits to be sent. Only once the form is loaded: main's pages come over a
  // loopback http origin here (not app:// as in Electron), which going offline cuts off too.
  await context.setOffline(true)
  await form.getByLabel('Account Name').fill('Offline Outfitters')
  await form.getByRole('button', { name: 'Save and Close' }).click()
  await expect(form).toBeHidden()
  await expect(bar).toContainText('1 pending')

  // The rep clicks the close button and then Stay (the default answer of the script: the last button).
  await desktop.closeMainWindow()
  await expect.poll(() => desktop.dialogs.length).toBe(1)
  expect(desktop.dialogs[0]).toMatchObject({
    kind: 'message',
    options: {
      message: '1 change has not been sent to the sync server yet.',
      buttons: ['Close Fieldbill', 'Stay'],
    },
  })
  await expect(bar).toContainText('1 pending')
  expect(page.isClosed()).toBe(false)

  // Closed again, and this time Close Fieldbill: the window goes and main quits cleanly.
  script.messageBox = () => 0
  await desktop.closeMainWindow()
  expect(await desktop.exited).toBe(0)
  expect(desktop.dialogs).toHaveLength(2)
  expect(page.isClosed()).toBe(true)
})
