/**
 * Disconnect in Settings > Sync ends the session on the server too, against a real sync server and PostgreSQL
 * (started and stopped by this spec): a copied token is worth nothing afterwards.
 */
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

test('Disconnect ends the session on the server', async ({ page, syncServer }) => {
  await page.goto('/#/settings/sync')
  await page.getByLabel('Server URL').fill(syncServer.url)
  await page.getByLabel('User').fill('ann')
  await page.getByLabel('Password').fill('ann-password')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('status')).toContainText(`Connected to ${syncServer.url} as ann`)
  await expect.poll(() => syncServer.sessions('ann')).toBe(1)
  // The status above shows from the sign-in on; replication starts after it. Disconnect once sync is on, as a
  // rep would: the Disconnect this test is about, not one racing the start of replication.
  await expect(
    page.getByRole('contentinfo', { name: 'Sync status' }).getByRole('link', { name: 'Sync on' }),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeHidden()
  await expect.poll(() => syncServer.sessions('ann')).toBe(0)
})
