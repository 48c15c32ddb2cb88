/**
 * Settings > Company from an empty database: the rep's values (company name, discount method, logo) are saved
 * and still there after a reload; a wrong value shows its reason beside the field and nothing is saved; new
 * invoices take the saved numbering. Settings > Email and printer says plainly that it is desktop-only here.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { choose, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

async function openCompany(page: Page): Promise<void> {
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await page.getByRole('link', { name: 'Company profile and pricing' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible()
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  // The page's own status: a choice just made in a dropdown keeps a hidden "1 items selected" status of its own.
  await expect(
    page.getByRole('region', { name: 'Company', exact: true }).getByRole('status'),
  ).toHaveText('Settings saved. New documents use them.')
}

const companyName = (page: Page) => page.getByRole('textbox', { name: 'Company Name' })
const discountMethod = (page: Page) =>
  page.getByRole('combobox', { name: 'Discount Calculation Method', exact: true })

test('company name, discount method and logo are saved and kept after a reload', async ({
  page,
}) => {
  await openCompany(page)
  await expect(discountMethod(page)).toHaveText('Line item')
  await companyName(page).fill('Fabrikam Field Sales')
  await choose(page, page, 'Discount Calculation Method', 'Per unit')
  await page.getByLabel('Logo').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: PNG,
  })
  await expect(page.getByRole('img', { name: 'Company logo' })).toBeVisible()
  await save(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible()
  await expect(companyName(page)).toHaveValue('Fabrikam Field Sales')
  await expect(discountMethod(page)).toHaveText('Per unit')
  await expect(page.getByRole('img', { name: 'Company logo' })).toBeVisible()

  // Remove Logo, saved, stays removed.
  await page.getByRole('button', { name: 'Remove Logo' }).click()
  await save(page)
  await page.reload()
  await expect(companyName(page)).toHaveValue('Fabrikam Field Sales')
  await expect(page.getByText('No logo.')).toBeVisible()
  await expect(page.getByRole('img', { name: 'Company logo' })).toHaveCount(0)
})

test('a bad value shows its reason beside the field and nothing is saved', async ({ page }) => {
  await openCompany(page)
  await companyName(page).fill('Fabrikam')
  await save(page)

  await companyName(page).fill('Renamed but not saved')
  const precision = page.getByRole('textbox', { name: 'Pricing Decimal Precision' })
  await precision.fill('9')
  const rate = page.getByRole('group', { name: 'Currency 1' }).getByLabel('Exchange Rate')
  await rate.fill('abc')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Not saved: correct the fields marked below.')
  await expect(precision).toHaveAccessibleDescription(
    'Pricing Decimal Precision: must be from 0 to 4',
  )
  await expect(rate).toHaveAccessibleDescription('Exchange Rate: "abc" is not a number')

  // A file that is not a PNG or JPEG is refused whatever its name says.
  await page.getByLabel('Logo').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  })
  await expect(page.getByLabel('Logo')).toHaveAccessibleDescription(
    'Logo: "logo.png" is not a PNG or JPEG image',
  )
  await expect(page.getByRole('img', { name: 'Company logo' })).toHaveCount(0)

  // A reload drops the unsaved edits: the stored values are unchanged.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible()
  await expect(companyName(page)).toHaveValue('Fabrikam')
  await expect(page.getByRole('textbox', { name: 'Pricing Decimal Precision' })).toHaveValue('2')
})

test('new invoices take the saved numbering', async ({ page }) => {
  test.setTimeout(180_000)
  await loadSampleCompany(page)
  await openCompany(page)
  await expect(companyName(page)).not.toHaveValue('')
  const invoiceNumbering = page.getByRole('group', { name: 'Invoice Numbering' })
  await invoiceNumbering.getByRole('textbox', { name: 'Prefix' }).fill('FB')
  await invoiceNumbering.getByRole('textbox', { name: 'Digits' }).fill('7')
  await expect(invoiceNumbering).toContainText('Numbers look like FB-0001001-')
  await save(page)

  const form = new InvoiceForm(page)
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Numbered by settings')
  await form.pickCustomer('Alder', 'Alder Hardware')
  await form.button('Save').click()
  await expect(
    page.getByRole('heading', { level: 1, name: /^Invoice FB-\d{7}-[2-9A-Z]{6}$/ }),
  ).toBeVisible()
})

test('Email and printer says it is for the desktop app in a browser', async ({ page }) => {
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await page.getByRole('link', { name: 'Email account and printer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Email and printer' })).toBeVisible()
  await expect(
    page.getByText('These settings are for the Fieldbill desktop app only.'),
  ).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Password' })).toHaveCount(0)
})
