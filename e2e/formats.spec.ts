/**
 * One number format per currency and one date format per locale: an amount reads the same in an input, in the
 * totals and on the print view; Add Product shows what each product costs, whatever its pricing method.
 */
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

test('amounts are grouped with their currency decimals in inputs, totals and print alike', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Formats', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Site survey', '1234.5', {
    quantity: '1000',
    manualDiscount: '0',
    tax: '0',
  })
  const line = form.line('Site survey')
  await expect(line.getByLabel('Price Per Unit')).toHaveValue('1,234.50')
  await expect(line.getByLabel('Quantity')).toHaveValue('1,000')
  await expect(line.getByLabel('Manual Discount')).toHaveValue('0.00')
  // Typed totals read like the calculated ones beside them.
  await expect(form.total('Detail Amount')).toHaveValue('1,234,500.00')
  await expect(form.total('Discount')).toHaveValue('0.00')
  await expect(form.total('Freight Amount')).toHaveValue('0.00')
  await form.setTotalField('Freight Amount', '2500')
  await expect(form.total('Freight Amount')).toHaveValue('2,500.00')
  await expect(form.total('Total Amount')).toHaveValue('1,237,000.00')

  await page.goto(`${page.url()}/print`)
  const paper = page.getByRole('article', { name: 'Invoice for print' })
  await expect(paper).toContainText('$1,234.50')
  await expect(paper).toContainText('$1,237,000.00')
})

test('Add Product shows the price of every product, those priced by a percentage included', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Prices', 'Alder', 'Alder Hardware')
  await page.getByRole('button', { name: 'Add Product' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Product' })
  await dialog.getByRole('combobox', { name: 'Existing Product', exact: true }).click()
  const options = page.getByRole('option')
  await expect(options.first()).toBeVisible()
  // Each choice is named by all it shows, its price last.
  const names = await options.evaluateAll((all) => all.map((o) => o.getAttribute('aria-label')))
  expect(names.length).toBeGreaterThan(20)
  expect(names.filter((n) => !/ \d[\d,]*\.\d{2}$/.test(n ?? ''))).toEqual([])
  await expect(page.getByRole('searchbox', { name: 'Search Existing Product' })).toBeVisible()
})
