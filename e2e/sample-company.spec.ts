/**
 * The sample company is a demo database of its own: it opens with a banner, never connects, survives a reload,
 * and "Back to my data" returns to the rep's own records as they were left.
 */
import { expect, test } from './fixtures'
import { loadSampleCompanyByHand } from './pages/app'

test('the sample company opens apart, refuses Connect, and Back to my data returns untouched', async ({
  page,
}) => {
  test.setTimeout(180_000)
  // The rep's own data: one customer typed on this device, not sent yet.
  await page.goto('/#/customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('Account Name').fill('My Own Outfitters')
  await dialog.getByLabel('Bill To Street').fill('2 Pier St')
  await dialog.getByLabel('Bill To City').fill('Astoria')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  const bar = page.getByRole('contentinfo', { name: 'Sync status' })
  await expect(bar).toContainText('1 pending')

  await loadSampleCompanyByHand(page)
  const banner = page.getByRole('complementary', { name: 'Sample company' })
  await expect(banner).toContainText('Sample company — not synced')
  await expect(bar).toContainText('Sample company: never synced')
  await page.goto('/#/customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'My Own Outfitters' })).toBeHidden()

  // No Connect in the sample company, and the reason is on screen.
  await page.goto('/#/settings/sync')
  await page.getByLabel('Server URL').fill('http://127.0.0.1:9')
  await page.getByLabel('User').fill('ann')
  await page.getByLabel('Password').fill('ann-password')
  await expect(page.getByRole('button', { name: 'Connect' })).toBeDisabled()
  await expect(page.getByText('The sample company is never synced.')).toBeVisible()

  // A reload keeps the sample company open.
  await page.reload()
  await expect(banner).toBeVisible()

  await banner.getByRole('button', { name: 'Back to my data' }).click()
  await expect(banner).toBeHidden()
  // The page reloads into the rep's own database: only once it shows that database's count is it safe to move on
  // (a navigation during the reload is lost to it).
  await expect(bar).toContainText('1 pending')
  await page.goto('/#/customers')
  await expect(page.getByRole('button', { name: 'My Own Outfitters' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Customer / })).toHaveCount(0)
  await expect(bar).toContainText('1 pending')
  await page.goto('/#/settings/data')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import, export and backup' }),
  ).toBeVisible()
  await expect(page.getByLabel('Invoices', { exact: true })).toHaveText('0')
  await expect(page.getByLabel('Customers', { exact: true })).toHaveText('1')
})
