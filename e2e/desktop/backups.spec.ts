/**
 * Automatic backups on the desktop: at start main finds a backup due and says so (`backup:due`); the page writes
 * it through main into the backup folder outside the app's storage; the rep later restores it from the Data page,
 * which reads it back through main.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { backupWith, go, restoreFile, threeLineInvoice } from './company'
import { expect, test } from './fixtures'

test('the backup main asked for at start is written to its folder and restores the data it held', async ({
  page,
  home,
}) => {
  const folder = join(home, 'documents', 'Fieldbill Backups')
  // The start page first: a hash set before the app's first route lands is replaced by it.
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  await go(page, '#/settings/data')
  await expect(page.getByLabel('Backup folder')).toHaveText(folder)
  const table = page.getByRole('table', { name: 'Backups in the backup folder' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('row').nth(1)).toContainText('Daily')
  const [name] = await readdir(folder)
  expect(name).toBeDefined()
  expect(JSON.parse(await readFile(join(folder, name ?? ''), 'utf8'))).toMatchObject({
    format: 'fieldbill-backup',
    counts: { invoices: 0 },
  })

  // The rep then restores a company from a file, and changes their mind: back to the automatic backup.
  await restoreFile(page, await backupWith(threeLineInvoice()))
  await expect(page.getByLabel('Invoices', { exact: true })).toHaveText('1')
  await table.getByRole('button', { name: /^Restore the backup of / }).click()
  await page
    .getByRole('alertdialog', { name: 'Confirm restore of an automatic backup' })
    .getByRole('button', { name: 'Replace my data' })
    .click()
  await expect(page.getByRole('status').filter({ hasText: /^Restored the backup/ })).toBeVisible()
  await expect(page.getByLabel('Invoices', { exact: true })).toHaveText('0')
  await expect(page.getByLabel('Customers', { exact: true })).toHaveText('0')
})
