/**
 * Payment Terms on an order, as on the Dynamics order form, and Create Invoice: the new invoice takes the order's
 * Payment Terms and is dated today (Invoice Date), from an empty database.
 */
import { expect, test } from './fixtures'
import { choose, loadSampleCompany } from './pages/app'
import { DocumentForm, InvoiceForm } from './pages/invoice-form'

test('Create Invoice copies the order’s Payment Terms and sets the Invoice Date to today', async ({
  page,
}) => {
  test.slow()
  await loadSampleCompany(page)
  const order = new DocumentForm(page, 'order')
  await order.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Terms order')
  await order.pickCustomer('Alder', 'Alder Hardware')
  await choose(page, page, 'Payment Terms', 'Net 45')
  await order.save()
  await order.addWriteIn('Delivery', '35', { quantity: '1' })
  await expect(page.getByRole('combobox', { name: 'Payment Terms' })).toHaveText('Net 45')
  // Orders have no Invoice Date or Date Delivered.
  await expect(page.getByLabel('Invoice Date', { exact: true })).toHaveCount(0)

  const before = new Date().toISOString().slice(0, 10)
  await order.button('Create Invoice').click()
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })).toBeVisible()
  const after = new Date().toISOString().slice(0, 10)
  const invoice = new InvoiceForm(page)
  await expect(invoice.paymentTerms()).toHaveText('Net 45')
  // The rules' clock is UTC; a run across midnight may see either day.
  const invoiceDate = await invoice.dateField('Invoice Date').inputValue()
  expect([before, after]).toContain(invoiceDate)
  await expect(invoice.dateField('Date Delivered')).toHaveValue('')
})
