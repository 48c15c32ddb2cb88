/**
 * The start page: on an empty database it says what to do first; with invoices it shows what is outstanding and
 * overdue per currency, the aging and the largest overdue invoices as links. The customer statement prints the
 * opening balance, the period's invoices and payments and the closing balance.
 */
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'

test.describe.configure({ timeout: 240_000 })

test('an empty database opens on what to do first', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  const welcome = page.getByRole('region', { name: 'Welcome to Fieldbill' })
  await expect(welcome).toContainText('There are no invoices yet.')
  await expect(welcome.getByRole('link', { name: 'Set up your company' })).toBeVisible()
  await expect(welcome.getByRole('link', { name: 'Add a customer' })).toBeVisible()
  await welcome.getByRole('link', { name: 'Create an invoice' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New Invoice' })).toBeVisible()
  await page.goBack()
  await welcome.getByRole('link', { name: /Load sample company/ }).click()
  await expect(page.getByRole('button', { name: 'Load sample company' })).toBeVisible()
})

test('receivables at a glance, and a customer statement', async ({ page }) => {
  await loadSampleCompany(page)
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Home' })
    .click()
  const receivables = page.getByRole('region', { name: 'Receivables' })
  await expect(receivables.getByRole('group', { name: 'Outstanding USD' })).toContainText(
    /[\d,]+\.\d{2} USD/,
  )
  await expect(receivables.getByRole('group', { name: 'Overdue USD' })).toContainText(/past due/)
  await expect(
    page.getByRole('img', { name: /^Aging of receivables\. EUR: Current .*; USD: Current/ }),
  ).toBeVisible()
  const aging = page.getByRole('table', { name: 'Aging' })
  await expect(aging.getByRole('columnheader', { name: 'Over 90 days' })).toBeVisible()
  await expect(aging.getByRole('rowheader', { name: 'USD' })).toBeVisible()

  const largest = page.getByRole('table', { name: 'Largest overdue invoices' })
  const first = largest.getByRole('link').first()
  const number = (await first.textContent()) ?? ''
  expect(number).toMatch(/^INV-/)
  await first.click()
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible()

  await page.goto('/#/customers/cust-1/statement')
  const statement = page.getByRole('article', { name: 'Customer statement for print' })
  await page.getByLabel('From', { exact: true }).fill('2000-01-01')
  await expect(statement).toContainText('Opening balance')
  await expect(statement.getByRole('table').first()).toContainText(/Invoice\s*INV-/)
  const totals = statement.getByRole('table', { name: /^Totals in / }).first()
  await expect(totals.getByRole('row', { name: /Closing balance/ })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Site map' })).toBeHidden()
})
