import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const customersCsv = [
  'name,accountNumber,billToCity',
  'Contoso,A-1,Lyon',
  ',A-2,Paris',
  'Fabrikam,A-3,Nantes',
].join('\r\n')

async function importCustomers(page: Page): Promise<void> {
  await page.getByLabel('What to import').selectOption('customers')
  await page.getByLabel('CSV file').setInputFiles({
    name: 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(customersCsv),
  })
  await page.getByRole('button', { name: 'Preview' }).click()
  const preview = page.getByRole('region', { name: 'Import preview' })
  await expect(preview).toContainText('3 rows: 2 ready to import')
  const table = preview.getByRole('table', { name: 'Rows that will not be imported' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('row').nth(1)).toHaveText(/3\s*name\s*is required/)
  await preview.getByRole('button', { name: 'Import' }).click()
  const importSection = page.getByRole('region', { name: 'Import from CSV' })
  await expect(importSection.getByRole('status')).toHaveText('Imported 2 customers.')
  await expect(page.getByLabel('Customers', { exact: true })).toHaveText('2')
}

test('a CSV with one broken row imports the good rows and reports the bad one', async ({
  page,
}) => {
  await page.goto('/#/settings/data')
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible()
  await importCustomers(page)
})

test('a corrupted backup is refused and the data stays as it was', async ({ page }) => {
  await page.goto('/#/settings/data')
  await importCustomers(page)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back up now' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^fieldbill-backup-\d{4}-\d{2}-\d{2}\.json$/)
  const text = await readFile(await download.path(), 'utf8')
  expect(JSON.parse(text)).toMatchObject({ format: 'fieldbill-backup', counts: { customers: 2 } })

  const corrupted = text.replace('"Fabrikam"', '"Fabrikan"')
  await page.getByLabel('Backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(corrupted),
  })
  await page.getByRole('button', { name: 'Restore from backup' }).click()
  await page
    .getByRole('alertdialog', { name: 'Confirm restore' })
    .getByRole('button', { name: 'Replace my data' })
    .click()
  await expect(page.getByRole('alert')).toHaveText(
    'The backup is damaged: its checksum does not match. Your data was not changed.',
  )
  await expect(page.getByLabel('Customers', { exact: true })).toHaveText('2')

  // The intact file restores.
  await page.getByLabel('Backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await page.getByRole('button', { name: 'Restore from backup' }).click()
  await page.getByRole('button', { name: 'Replace my data' }).click()
  const backup = page.getByRole('region', { name: 'Backup' })
  await expect(backup.getByRole('status').last()).toHaveText(/^Restored the backup of /)
  await expect(page.getByLabel('Customers', { exact: true })).toHaveText('2')
})

test('the browser build says automatic backups are made by the desktop app only', async ({
  page,
}) => {
  await page.goto('/#/settings/data')
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible()
  const auto = page.getByRole('region', { name: 'Automatic backups' })
  await expect(auto).toContainText(
    'Automatic daily backups are made by the Fieldbill desktop app only.',
  )
  await expect(auto.getByLabel('Last automatic backup')).toHaveCount(0)
})
