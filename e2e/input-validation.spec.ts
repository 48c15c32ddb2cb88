/**
 * Numbers typed in the rep's locale; a bad value is shown next to its field with the
 * reason and never saved; leaving a form with unsaved changes asks first; Ctrl+S saves; Enter adds a line.
 */
import { expect, test } from './fixtures'
import { keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

async function invoiceWithWriteIn(form: InvoiceForm) {
  await form.create('Input checks', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Service visit', '80', { quantity: '2.5', manualDiscount: '0', tax: '0' })
  await expect(form.total('Total Amount')).toHaveValue('200.00')
}

test('bad values are shown next to their field with the reason and never saved', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await invoiceWithWriteIn(form)
  const line = form.line('Service visit')

  await line.getByLabel('Quantity').fill('12,5O')
  await line.getByLabel('Quantity').press('Tab')
  await expect(line.getByText('Quantity: "12,5O" is not a number')).toBeVisible()
  await line.getByLabel('Manual Discount').fill('-5')
  await line.getByLabel('Manual Discount').press('Tab')
  await expect(line.getByText('Manual Discount: "-5" cannot be negative')).toBeVisible()
  await form.setTotalField('Discount (%)', '150')
  await expect(page.getByText('Discount (%): "150" must be between 0 and 100')).toBeVisible()
  await expect(form.total('Total Amount')).toHaveValue('200.00')
  await keepScreen(page, testInfo, 'invoice-bad-input')

  // Nothing of it reached the database: the invoice reads back as it was.
  await page.reload()
  await expect(form.line('Service visit').getByLabel('Quantity')).toHaveValue('2.5')
  await expect(form.line('Service visit').getByLabel('Manual Discount')).toHaveValue('0.00')
  await expect(form.total('Discount (%)')).toHaveValue('0')

  // The Add Product dialog refuses letters in Quantity and adds nothing.
  await page.getByRole('button', { name: 'Add Product' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Product' })
  await dialog.getByLabel('Write-In', { exact: true }).check()
  await dialog.getByLabel('Write-In Product').fill('Typo')
  await dialog.getByLabel('Price Per Unit').fill('10')
  await dialog.getByLabel('Quantity').fill('abc')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog.getByText('Quantity: "abc" is not a number')).toBeVisible()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(form.line('Typo')).toHaveCount(0)
})

test('leaving with unsaved changes asks first; Ctrl+S saves', async ({ page }) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  // A field of an open invoice is saved when it is left, so what can be unsaved is a new invoice.
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Typed before leaving')
  const siteMap = page.getByRole('navigation', { name: 'Site map' })
  await siteMap.getByRole('link', { name: 'Orders' }).click()
  const ask = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Stay' }).click()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Typed before leaving')

  await form.pickCustomer('Alder', 'Alder Hardware')
  await page.keyboard.press('Control+s')
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Created the invoice for Alder Hardware',
  )
  await siteMap.getByRole('link', { name: 'Orders' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible()
})

test('Tab walks through a line and Enter on its last field adds the next line', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await invoiceWithWriteIn(form)
  const line = form.line('Service visit')
  await line.getByLabel('Quantity').fill('3')
  // The totals follow what is typed before it is saved.
  await expect(form.total('Total Amount')).toHaveValue('240.00')
  await page.keyboard.press('Tab')
  await expect(line.getByLabel('Manual Discount')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(line.getByLabel('Tax')).toBeFocused()
  await expect(form.total('Total Amount')).toHaveValue('240.00')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Add Product' })).toBeVisible()
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('numbers are typed and shown the German way', async ({ page }) => {
    await loadSampleCompany(page)
    const form = new InvoiceForm(page)
    await form.create('Rechnung', 'Alder', 'Alder Hardware')
    await form.addWriteIn('Montage', '1.234,56', { quantity: '2', manualDiscount: '0,5', tax: '0' })
    await expect(form.total('Total Amount')).toHaveValue('2.468,62')
    await expect(form.line('Montage').getByLabel('Price Per Unit')).toHaveValue('1.234,56')
  })
})
