/**
 * The records the workflows need, created through their screens from an empty database (plus the sample
 * company's catalog): a customer with a contact, a customer created inline from the invoice form, a product.
 */
import { expect, test } from './fixtures'
import { choose, keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

test('a customer with a contact is created, found and used on an invoice', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Customers' })
    .click()
  // Wait for the page itself: the previous page's New button is still there for a moment.
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('Account Name').fill('Zeta Tools')
  await dialog.getByLabel('Bill To Street').fill('1 Harbor Rd')
  await dialog.getByLabel('Bill To City').fill('Astoria')
  await choose(page, dialog, 'Price List', 'Retail (USD)')
  await dialog.getByRole('button', { name: 'Add Contact' }).click()
  await dialog.getByLabel('First Name').fill('Ada')
  await dialog.getByLabel('Last Name').fill('Quill')
  await dialog.getByLabel('Contact Email').fill('ada@zeta.example')
  await keepScreen(page, testInfo, 'customer-form')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await page.getByLabel('Search').fill('Zeta T')
  await expect(page.getByRole('button', { name: 'Zeta Tools' })).toBeVisible()

  const form = new InvoiceForm(page)
  await form.create('For Zeta', 'Zeta T', 'Zeta Tools')
  await expect(page.getByRole('combobox', { name: 'Price List' })).toHaveText('Retail (USD)')
  await expect(page.getByLabel('Bill To City')).toHaveValue('Astoria')
})

test('a customer that does not exist is created without leaving the invoice', async ({ page }) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Walk-in sale')
  await page.getByRole('button', { name: 'New Customer' }).click()
  const dialog = page.getByRole('dialog', { name: 'New Customer' })
  await dialog.getByLabel('Customer Name').fill('Walk-in Garage')
  await dialog.getByLabel('City').fill('Bend')
  await dialog.getByRole('button', { name: 'Save Customer' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Customer', exact: true })).toHaveValue(
    'Walk-in Garage',
  )
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Walk-in sale')
  await choose(page, page, 'Price List', 'Retail (USD)')
  await form.save()
})

test('a product is created in a unit group and found by its number', async ({ page }, testInfo) => {
  await loadSampleCompany(page)
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Products' })
    .click()
  // Wait for the page itself: the previous page's New button is still there for a moment.
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible()
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Product' })
  await dialog.getByLabel('Product ID').fill('P-90001')
  await dialog.getByLabel('Name', { exact: true }).fill('Test Widget')
  await choose(page, dialog, 'Unit Group', 'Each and box')
  await expect(dialog.getByRole('combobox', { name: 'Default Unit' })).toHaveText('Each')
  await dialog.getByLabel('List Price').fill('-1')
  await expect(dialog.getByText('List Price: "-1" cannot be negative')).toBeVisible()
  await dialog.getByLabel('List Price').fill('12.50')
  await keepScreen(page, testInfo, 'product-form')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await page.getByLabel('Search').fill('P-9000')
  await expect(page.getByRole('button', { name: 'Test Widget' })).toBeVisible()
})

test('a customer’s email and phone are checked beside their fields before anything is saved', async ({
  page,
}) => {
  await page.goto('#/customers')
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('Account Name').fill('Typo Traders')
  await dialog.getByLabel('Bill To Street').fill('2 Dock St')
  await dialog.getByLabel('Bill To City').fill('Astoria')
  await dialog.getByLabel('Email', { exact: true }).fill('not an email')
  await dialog.getByLabel('Main Phone').fill('call me')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('Email: enter an address such as ann@example.com')).toBeVisible()
  await expect(dialog.getByLabel('Main Phone')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('Main Phone: enter digits, such as +1 555 010 2030')).toBeVisible()

  await dialog.getByLabel('Email', { exact: true }).fill('orders@typo.example')
  await dialog.getByLabel('Main Phone').fill('+1 503 555 0199')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Typo Traders' })).toBeVisible()
})
