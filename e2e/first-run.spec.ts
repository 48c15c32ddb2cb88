/**
 * First run on an empty database: a new invoice has a currency from the company's defaults and offers the first
 * price list instead of the dead end "choose a price list"; Settings › Company offers it too, and says where
 * price lists are kept once there are some.
 */
import { expect, test } from './fixtures'
import { InvoiceForm } from './pages/invoice-form'

test('a first invoice on an empty database gets its price list and currency on the form', async ({
  page,
}) => {
  const form = new InvoiceForm(page)
  await form.newFromList()
  await expect(page.getByRole('combobox', { name: 'Currency', exact: true })).toHaveText('USD')
  const priceList = page.getByRole('combobox', { name: 'Price List', exact: true })
  await expect(
    page.getByText('No price lists yet: invoices take their prices from one.'),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Price Lists', exact: true }).last()).toHaveAttribute(
    'href',
    '#/price-lists',
  )
  await expect(page.getByRole('link', { name: 'Settings › Company' })).toHaveAttribute(
    'href',
    '#/settings/company',
  )

  await page.getByRole('button', { name: 'Create Standard (USD)' }).click()
  await expect(priceList).toHaveText('Standard (USD)')
  await expect(page.getByRole('button', { name: 'Create Standard (USD)' })).toBeHidden()

  await page.getByLabel('Name', { exact: true }).fill('First invoice')
  await page.getByRole('button', { name: 'New Customer', exact: true }).click()
  const customer = page.getByRole('dialog', { name: 'New Customer' })
  await customer.getByLabel('Customer Name').fill('Contoso')
  await customer.getByLabel('Street').fill('1 Main St')
  await customer.getByLabel('City').fill('Portland')
  await customer.getByRole('button', { name: 'Save Customer' }).click()
  await expect(customer).toBeHidden()
  await form.save()
  await form.addWriteIn('Site visit', '120', { quantity: '2', manualDiscount: '0', tax: '0' })
  await expect(form.total('Total Amount')).toHaveValue('240.00')
})

test('Settings › Company creates the first price list in the base currency, then names the lists', async ({
  page,
}) => {
  await page.goto('/#/settings/company')
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible()
  await expect(page.getByText('No price lists yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Create Standard (USD)' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Price list Standard (USD) created.' }),
  ).toBeVisible()
  await expect(page.getByText('Standard (USD). Add prices, or more lists, under')).toBeVisible()

  await page.getByRole('link', { name: 'Price Lists', exact: true }).last().click()
  await expect(page.getByRole('combobox', { name: 'Price List', exact: true })).toHaveText(
    'Standard (USD)',
  )
  await expect(page.getByText('Currency USD', { exact: true })).toBeVisible()
})
