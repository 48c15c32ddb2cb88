/**
 * Settings > Sync against a real sync server and PostgreSQL (started and stopped by this spec): the login
 * refusals the rep reads, then two browsers (two laptops of one rep) connecting, each showing the connection,
 * the pending count and the last sync in the status bar.
 */
import type { Page } from '@playwright/test'
import { expect, test as base } from './fixtures'
import { startSyncServer, type SyncServer } from './sync-server'

const test = base.extend<object, { syncServer: SyncServer }>({
  syncServer: [
    async ({}, use) => {
      const server = await startSyncServer()
      await server.addUser('ann', 'rep', 'ann-password')
      await use(server)
      await server.stop()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

const BROWSER_ONLY =
  'the browser build; the desktop keeps the session in main (desktop-handlers.test.ts)'

async function connect(page: Page, url: string, user: string, password: string) {
  await page.goto('/#/settings/sync')
  await page.getByLabel('Server URL').fill(url)
  await page.getByLabel('User').fill(user)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Connect' }).click()
}

test('the rep reads why a login was refused', async ({ page, syncServer }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', BROWSER_ONLY)
  await page.goto('/#/settings')
  await page.getByRole('link', { name: 'Sync with the company server' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible()
  await expect(page.getByText('after a reload, connect again')).toBeVisible()

  await connect(page, syncServer.url, 'ann', 'wrong-password')
  await expect(page.getByRole('alert')).toHaveText('The server refused the user name or password.')

  await connect(page, 'http://127.0.0.1:9', 'ann', 'ann-password')
  await expect(page.getByRole('alert')).toHaveText('The server cannot be reached.')
})

test('two laptops of one rep connect and show their sync status', async ({
  browser,
  syncServer,
}) => {
  const laptops = await Promise.all([browser.newContext(), browser.newContext()])
  try {
    for (const context of laptops) {
      const page = await context.newPage()
      await connect(page, syncServer.url, 'ann', 'ann-password')
      await expect(page.getByRole('status')).toContainText(`Connected to ${syncServer.url} as ann`)
      const bar = page.getByRole('contentinfo', { name: 'Sync status' })
      await expect(bar.getByRole('link', { name: 'Sync on' })).toBeVisible()
      await expect(bar).toContainText('0 pending')
      await expect(bar).not.toContainText('Last sync: never')
      // Offline: the status says so, and the connection resumes when the network is back.
      await context.setOffline(true)
      await expect(bar.getByRole('link', { name: /^Offline/ })).toBeVisible()
      await context.setOffline(false)
      await expect(bar.getByRole('link', { name: 'Sync on' })).toBeVisible()
    }
  } finally {
    await Promise.all(laptops.map((c) => c.close()))
  }
})

test('a customer typed before the first connect goes to the server as the rep’s own', async ({
  browser,
  syncServer,
}) => {
  const laptops = await Promise.all([browser.newContext(), browser.newContext()])
  try {
    const a = await laptops[0].newPage()
    const b = await laptops[1].newPage()
    // Laptop A, never connected: the rep types a new account.
    await a.goto('/#/customers')
    await expect(a.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
    await a.getByRole('button', { name: 'New', exact: true }).click()
    const dialog = a.getByRole('dialog', { name: 'Customer' })
    await dialog.getByLabel('Account Name').fill('Offline Outfitters')
    await dialog.getByLabel('Bill To Street').fill('2 Pier St')
    await dialog.getByLabel('Bill To City').fill('Astoria')
    await dialog.getByRole('button', { name: 'Save and Close' }).click()
    await expect(dialog).toBeHidden()
    // The first connect hands the account to the signed-in rep; the server accepts it.
    await connect(a, syncServer.url, 'ann', 'ann-password')
    await expect(a.getByRole('status')).toContainText(`Connected to ${syncServer.url} as ann`)
    const bar = a.getByRole('contentinfo', { name: 'Sync status' })
    await expect(bar).toContainText('0 pending', { timeout: 60_000 })
    await expect(bar).not.toContainText('rejected')
    // Laptop B of the same rep receives it.
    await connect(b, syncServer.url, 'ann', 'ann-password')
    await expect(b.getByRole('status')).toContainText(`Connected to ${syncServer.url} as ann`)
    await expect(async () => {
      await b
        .getByRole('navigation', { name: 'Site map' })
        .getByRole('link', { name: 'Customers' })
        .click()
      await expect(b.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
      await expect(b.getByRole('button', { name: 'Offline Outfitters' })).toBeVisible({
        timeout: 5_000,
      })
    }).toPass({ timeout: 60_000 })
  } finally {
    await Promise.all(laptops.map((c) => c.close()))
  }
})
