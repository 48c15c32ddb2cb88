/**
 * What the invoice and order forms say is true, and one click does not destroy: Remove line with Undo (on a
 * locked invoice too), Cancel Invoice and Reactivate ask first, a second Create Invoice names the invoice that
 * exists, numbers without gaps, every problem of a Save shown beside its field at once, the history in the rep's
 * words, and the Saved / Unsaved changes / Saving… state.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { keepScreen, loadSampleCompany } from './pages/app'
import { DocumentForm, InvoiceForm } from './pages/invoice-form'

const PRODUCT = 'Heavy-duty Hinge'

// Each test loads the sample company and walks a whole form: past the 90 s default on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 })

async function invoiceWithHinges(page: Page, name: string): Promise<InvoiceForm> {
  const form = new InvoiceForm(page)
  await form.create(name, 'Alder', 'Alder Hardware')
  await form.addExisting(PRODUCT, { quantity: '3' })
  await form.addWriteIn('Installation', '120', { quantity: '1' })
  return form
}

/** The counter of a number such as INV-00302-X7K2Q9. */
async function counterOfHeading(page: Page): Promise<number> {
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })
  await expect(heading).toBeVisible()
  // The form moves to the stored invoice's address after the heading shows it; a later goto must come after.
  await expect(page).toHaveURL(/#\/invoices\/(?!new$)[^/]+$/)
  const match = /INV-(\d+)-/.exec(await heading.innerText())
  return Number(match?.[1])
}

test('a removed line comes back with Undo, with its locked price', async ({ page }) => {
  await loadSampleCompany(page)
  const form = await invoiceWithHinges(page, 'Undo a removal')
  await page.getByRole('button', { name: 'Lock Pricing' }).click()
  await expect(page.getByRole('button', { name: 'Use Current Pricing' })).toBeVisible()
  const price = await form.line(PRODUCT).getByLabel('Price Per Unit').inputValue()
  const total = await form.total('Total Amount').inputValue()

  const remove = form.line(PRODUCT).getByRole('button', { name: 'Remove line' })
  await expect(remove).toHaveText('Remove')
  await remove.click()
  await expect(form.line(PRODUCT)).toHaveCount(0)
  await expect(form.total('Total Amount')).not.toHaveValue(total)
  const undoBar = page.getByRole('status').filter({ hasText: `Removed ${PRODUCT}.` })
  await undoBar.getByRole('button', { name: 'Undo' }).click()

  await expect(form.line(PRODUCT).getByLabel('Price Per Unit')).toHaveValue(price)
  await expect(form.line(PRODUCT).getByLabel('Quantity')).toHaveValue('3')
  await expect(form.total('Total Amount')).toHaveValue(total)
  // The line is back first, where it was.
  await expect(
    page.getByRole('table', { name: 'Products' }).getByRole('row').nth(1),
  ).toHaveAccessibleName(PRODUCT)
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    `Brought back ${PRODUCT}`,
  )
})

test('Cancel Invoice asks with the Status Reason; Reactivate asks too', async ({ page }) => {
  await loadSampleCompany(page)
  const form = await invoiceWithHinges(page, 'Ask before canceling')
  await form.button('Cancel Invoice').click()
  const dialog = page.getByRole('dialog', { name: 'Cancel Invoice' })
  await expect(dialog).toContainText(/Cancel invoice INV-/)
  await expect(dialog.getByRole('combobox', { name: 'Status Reason' })).toHaveText('Canceled')
  await dialog.getByRole('button', { name: 'Keep Invoice' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('This invoice is canceled and read-only.')).toHaveCount(0)
  await expect(form.button('Invoice Paid')).toBeEnabled()

  await form.confirmCommand('Cancel Invoice')
  await expect(page.getByText('This invoice is canceled and read-only.')).toBeVisible()
  await form.button('Reactivate').click()
  const reactivate = page.getByRole('dialog', { name: 'Reactivate' })
  await expect(reactivate).toContainText('It becomes Active (New) again')
  await reactivate.getByRole('button', { name: 'Reactivate' }).click()
  await expect(page.getByText('This invoice is canceled and read-only.')).toHaveCount(0)
})

test('order and invoice show each other; a second Create Invoice asks, naming the invoice', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const order = new DocumentForm(page, 'order')
  await order.create('Invoiced twice?', 'Alder', 'Alder Hardware')
  await order.addWriteIn('Delivery', '35', { quantity: '1' })
  const orderNumber = (await page.getByRole('heading', { level: 1 }).innerText()).replace(
    'Order ',
    '',
  )
  await order.button('Create Invoice').click()
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })
  await expect(heading).toBeVisible()
  const invoiceNumber = (await heading.innerText()).replace('Invoice ', '')

  await page.getByRole('link', { name: `Order ${orderNumber}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` })).toBeVisible()
  const invoices = page.getByRole('navigation', { name: 'Invoices of this order' })
  await expect(invoices.getByRole('link', { name: `Invoice ${invoiceNumber}` })).toBeVisible()

  await order.button('Create Invoice').click()
  const ask = page.getByRole('dialog', { name: 'Create Invoice' })
  await expect(ask).toContainText(
    `${orderNumber} already has invoice ${invoiceNumber}. Create another?`,
  )
  await ask.getByRole('button', { name: "Don't Create" }).click()
  await expect(ask).toBeHidden()
  await expect(invoices.getByRole('link')).toHaveCount(1)

  await order.button('Create Invoice').click()
  await ask.getByRole('button', { name: 'Create Another Invoice' }).click()
  await expect(heading).not.toHaveText(`Invoice ${invoiceNumber}`)
  await expect(page.getByRole('link', { name: `Order ${orderNumber}` })).toBeVisible()
})

test('a refused save uses no number: the next invoice has the next number', async ({ page }) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('First', 'Alder', 'Alder Hardware')
  const first = await counterOfHeading(page)

  // A name far past its limit: the field stops at 300 characters, so the save goes through.
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('x'.repeat(5000))
  await form.pickCustomer('Alder', 'Alder Hardware')
  await form.button('Save').click()
  expect(await counterOfHeading(page)).toBe(first + 1)
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('x'.repeat(300))

  // A save refused for a missing customer, then the good one.
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Third')
  await form.button('Save').click()
  await expect(page.getByText('Customer is required.').first()).toBeVisible()
  await form.pickCustomer('Alder', 'Alder Hardware')
  await form.button('Save').click()
  expect(await counterOfHeading(page)).toBe(first + 2)
})

test('one Save shows every problem beside its field, and numbers out of range are refused as typed', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.newFromList()
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-required', 'true')
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('maxlength', '300')
  await form.dateField('Invoice Date').fill('2025-03-10')
  await form.dateField('Due Date').fill('2025-03-01')
  await form.button('Save').click()

  const name = page.getByLabel('Name', { exact: true })
  const customer = page.getByRole('combobox', { name: 'Customer', exact: true })
  const priceList = page.getByRole('combobox', { name: 'Price List', exact: true })
  const dueDate = form.dateField('Due Date')
  for (const [field, message] of [
    [name, 'Name is required.'],
    [customer, 'Customer is required.'],
    [priceList, 'Price List is required.'],
    [dueDate, 'Due Date cannot be before the Invoice Date.'],
  ] as const) {
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(message)
  }
  await expect(name).toBeFocused()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Name is required. Customer is required.')
  await expect(alert).not.toContainText('lines[')
  await page.setViewportSize({ width: 1366, height: 768 })
  await keepScreen(page, testInfo, 'invoice-errors-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await keepScreen(page, testInfo, 'invoice-errors-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Each correction clears its own mark.
  await name.fill('Errors at once')
  await expect(name).toHaveAttribute('aria-invalid', 'false')
  await form.pickCustomer('Alder', 'Alder Hardware')
  await expect(customer).not.toHaveAttribute('aria-invalid', 'true')
  await dueDate.fill('2025-04-09')
  await form.save()

  await form.addWriteIn('Service visit', '100', { quantity: '1' })
  const quantity = form.line('Service visit').getByLabel('Quantity')
  await quantity.fill('999999999999999')
  await expect(form.line('Service visit')).toContainText('Quantity is too large')
  await quantity.press('Tab')
  await page.reload()
  await expect(form.line('Service visit').getByLabel('Quantity')).toHaveValue('1')
})

test('a discount that makes the total negative asks before it is kept', async ({ page }) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Big discount', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Service visit', '100', { quantity: '1' })
  await expect(form.total('Total Amount')).toHaveValue('100.00')
  await form.setTotalField('Discount', '999999')
  const ask = page.getByRole('dialog', { name: 'Total Amount below zero' })
  await expect(ask).toContainText('the Total Amount is -999,899.00')
  await ask.getByRole('button', { name: 'Change It' }).click()
  await expect(form.total('Discount')).toHaveValue('0.00')
  await expect(form.total('Total Amount')).toHaveValue('100.00')
  await page.reload()
  await expect(form.total('Total Amount')).toHaveValue('100.00')

  await form.setTotalField('Discount', '150')
  await page
    .getByRole('dialog', { name: 'Total Amount below zero' })
    .getByRole('button', { name: 'Keep Discount' })
    .click()
  await expect(form.total('Total Amount')).toHaveValue('-50.00')
})

test('the history reads in the rep’s words', async ({ page }) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('History in words', 'Alder', 'Alder Hardware')
  await form.addExisting(PRODUCT, { quantity: '3' })
  const price = await form.line(PRODUCT).getByLabel('Price Per Unit').inputValue()
  const before = await form.total('Total Amount').inputValue()
  await form.setTotalField('Discount (%)', '10')
  const after = await form.total('Total Amount').inputValue()
  await form.recordPayment('10', 'CHK-1001')

  const history = page.getByRole('region', { name: 'History' })
  await expect(history).toContainText('Created the invoice for Alder Hardware')
  await expect(history).toContainText(`Added ${PRODUCT}, 3 × ${price}`)
  await expect(history).toContainText(`Total Amount ${before} → ${after}`)
  await expect(history).toContainText('Discount (%) 0 → 10')
  await expect(history).toContainText('Payment 10.00 by bank transfer, ref. CHK-1001')
  const text = await history.innerText()
  expect(text).not.toMatch(/lines\[|customerId|totals\.|cust-|\bid:/)
  expect(text).not.toMatch(/more$/m)
})

test('the form says Saved, Unsaved changes or Saving…, and a header field saves when left', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Save state', 'Alder', 'Alder Hardware')
  await expect(form.saveState()).toHaveText('Saved')
  const name = page.getByLabel('Name', { exact: true })
  await name.fill('Save state, renamed')
  await expect(form.saveState()).toHaveText('Unsaved changes')
  await name.press('Tab')
  await expect(form.saveState()).toHaveText('Saved')
  await page.reload()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Save state, renamed')
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Name Save state → Save state, renamed',
  )
})
