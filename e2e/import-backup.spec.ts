import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DataPage } from './pages/data-page'
import { ListView } from './pages/list-view'

const customersCsv = [
  'Account Name,Account Number,Bill To City,Bill To State/Province',
  'Contoso,A-1,Lyon,Rhône',
  ',A-2,Paris,',
  'Fabrikam,A-3,Nantes,Loire-Atlantique',
].join('\r\n')

async function importCustomers(page: Page): Promise<DataPage> {
  const data = new DataPage(page)
  await data.open()
  await data.previewCsv('Customers', customersCsv)
  await expect(data.preview).toContainText(
    '3 rows in the file: 2 ready to import; 1 row with a problem, not imported.',
  )
  const table = data.preview.getByRole('table', { name: 'Rows that will not be imported' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('row').nth(1)).toHaveText(/^\s*3\s*Account Name\s*is required\s*$/)
  await expect(await data.importPreviewed()).toHaveText('Imported 2 customers.')
  await expect(data.count('Customers')).toHaveText('2')
  return data
}

test('a CSV headed with the form labels imports its good rows and names the broken row and column', async ({
  page,
}) => {
  const data = await importCustomers(page)
  // Only what the file is about changed.
  await expect(data.count('Products')).toHaveText('0')
})

test('a broken row of a later import changes nothing stored; its good rows still import', async ({
  page,
}) => {
  const data = await importCustomers(page)
  // Row 2 would rename Contoso but has no name; row 3 has a bad email for Fabrikam; row 4 is new and good.
  await data.previewCsv(
    'Customers',
    [
      'Account Name,Account Number,Email',
      ',A-1,',
      'Fabrikam Renamed,A-3,not-an-email',
      'Northwind,A-4,orders@northwind.example',
    ].join('\n'),
  )
  await expect(data.preview).toContainText(
    '3 rows in the file: 1 ready to import; 2 rows with problems, not imported.',
  )
  const table = data.preview.getByRole('table', { name: 'Rows that will not be imported' })
  await expect(table.getByRole('row').nth(1)).toHaveText(/^\s*2\s*Account Name\s*is required\s*$/)
  await expect(table.getByRole('row').nth(2)).toContainText(/^\s*3\s*Email/)
  await expect(await data.importPreviewed()).toHaveText('Imported 1 customer.')
  await expect(data.count('Customers')).toHaveText('3')

  const customers = new ListView(page, 'Customers')
  await customers.open()
  await expect(customers.rows()).toHaveCount(3)
  expect((await customers.column('Account Name')).sort()).toEqual([
    'Contoso',
    'Fabrikam',
    'Northwind',
  ])
})

test('the field names of earlier files still import, one row in the singular', async ({ page }) => {
  const data = new DataPage(page)
  await data.open()
  await data.previewCsv('Customers', 'name,accountNumber,billToStateOrProvince\nContoso,A-1,OR\n')
  await expect(data.preview).toContainText('1 row in the file: 1 ready to import.')
  await expect(await data.importPreviewed()).toHaveText('Imported 1 customer.')
})

test('each kind has a template whose header row is the form labels', async ({ page }) => {
  const data = new DataPage(page)
  await data.open()
  const expected = {
    Customers:
      /^Account Name,Account Number,Email,Main Phone,Currency,Bill To Name,Bill To Street,.*Bill To State\/Province,/,
    Products:
      /^Product ID,Name,Unit Group,Default Unit,Description,List Price,Standard Cost,Current Cost,Retired\r\n$/,
    'Price List Items':
      /^Price List,Product ID,Unit,Pricing Method,Amount,Percentage,Rounding Policy,Rounding Option,Rounding Amount,Discount List\r\n$/,
  } as const
  for (const [kind, header] of Object.entries(expected)) {
    await data.chooseKind(kind as keyof typeof expected)
    const downloading = page.waitForEvent('download')
    await data.importSection.getByRole('button', { name: 'Download Template' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^fieldbill-[a-z-]+-template\.csv$/)
    expect(await readFile(await download.path(), 'utf8')).toMatch(header)
  }
})

test('a corrupted backup is refused and the data stays as it was', async ({ page }) => {
  const data = await importCustomers(page)

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
  await expect(data.count('Customers')).toHaveText('2')

  // The intact file restores.
  await page.getByLabel('Backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })
  await page.getByRole('button', { name: 'Restore from backup' }).click()
  await page.getByRole('button', { name: 'Replace my data' }).click()
  const backup = page.getByRole('region', { name: 'Backup', exact: true })
  await expect(backup.getByRole('status').last()).toHaveText(/^Restored the backup of /)
  await expect(data.count('Customers')).toHaveText('2')
})

test('the browser build says automatic backups are made by the desktop app only', async ({
  page,
}) => {
  await new DataPage(page).open()
  const auto = page.getByRole('region', { name: 'Automatic backups' })
  await expect(auto).toContainText(
    'Automatic daily backups are made by the Fieldbill desktop app only.',
  )
  await expect(auto.getByLabel('Last automatic backup')).toHaveCount(0)
})
