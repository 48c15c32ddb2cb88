/**
 * Forms that read like documents: the totals block (calculated values as text, out of the Tab order, each named
 * by its label), read-only states, Invoice Date defaulting to today, State/Province on addresses printed in the
 * country's order, and Add Product (product ID, unit and price per choice; Escape closes only the list; Write-In
 * disabled with its reason while prices are locked).
 */
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

// Each test loads the sample company first, which takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 })

test('the totals are text out of the Tab order; a paid invoice reads as a document', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Totals block', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Service visit', '1234.5', { quantity: '2', manualDiscount: '0', tax: '0' })

  for (const name of ['Detail Amount', 'Pre-Freight Amount', 'Total Tax', 'Total Amount'])
    await expect(form.total(name)).toHaveAttribute('tabindex', '-1')
  await expect(form.total('Total Amount')).toHaveValue('2,469.00')
  await expect(form.total('Balance Due')).toHaveValue('2,469.00')
  // Tab from Freight Amount goes past the calculated totals to the next control that takes input.
  await form.total('Freight Amount').focus()
  await page.keyboard.press('Tab')
  await expect(form.total('Total Tax')).not.toBeFocused()
  await expect(form.total('Total Amount')).not.toBeFocused()

  await form.recordPayment('2469', 'CHK-1')
  await expect(page.getByText(/is paid and read-only/)).toBeVisible()
  await expect(form.total('Discount (%)')).toHaveAttribute('readonly', '')
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('readonly', '')
  await expect(page.getByRole('button', { name: 'Add Product' })).toBeDisabled()
  await expect(form.total('Balance Due')).toHaveValue('0.00')
})

test('a new invoice is dated today; the Bill To State/Province prints in the US order', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.newFromList()
  const today = await page.evaluate(() => {
    const d = new Date()
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  })
  await expect(form.dateField('Invoice Date')).toHaveValue(new RegExp(`^${today}$|.`))
  await page.getByLabel('Name', { exact: true }).fill('Address order')
  await form.pickCustomer('Alder', 'Alder Hardware')
  await page.getByLabel('Bill To Street', { exact: true }).fill('200 SW Market St')
  await page.getByLabel('Bill To City', { exact: true }).fill('Portland')
  await page.getByLabel('Bill To State/Province', { exact: true }).fill('OR')
  await page.getByLabel('Bill To ZIP/Postal Code', { exact: true }).fill('97201')
  await page.getByLabel('Bill To Country/Region', { exact: true }).fill('US')
  await form.save()
  await expect(page.getByLabel('Bill To State/Province', { exact: true })).toHaveValue('OR')

  const number = (await page.getByRole('heading', { level: 1 }).textContent())?.replace(
    'Invoice ',
    '',
  )
  const id = new URL(page.url()).hash.split('/').at(-1)
  await page.goto(`/#/invoices/${id}/print`)
  const paper = page.getByRole('article', { name: 'Invoice for print' })
  await expect(paper).toContainText(number ?? 'INV-')
  await expect(paper).toContainText('Portland, OR 97201')
  const printed = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    today,
  )
  await expect(paper).toContainText(printed)
})

test('Add Product: each choice shows product ID, unit and price; Escape closes only the list; Write-In waits for unlocked prices', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Add Product', 'Alder', 'Alder Hardware')
  await page.getByRole('button', { name: 'Add Product' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Product' })
  const box = await dialog.boundingBox()
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(640)

  await dialog.getByRole('combobox', { name: 'Existing Product', exact: true }).click()
  const first = page.getByRole('option').first()
  await expect(first).toContainText(/P-\d{5}/)
  await expect(first).toContainText(/Each|Meter|Kilogram|Hour|Pair|Liter/)
  await expect(first).toContainText(/\d+\.\d{2}/)

  // Filtering shows the first match at the top of the list, in view.
  await page.getByRole('searchbox').fill('P-00123')
  const match = page.getByRole('option').first()
  await expect(match).toContainText('P-00123')
  await expect(match).toBeInViewport()

  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // While prices are locked Write-In is disabled, and says why.
  await page
    .getByRole('group', { name: 'Pricing' })
    .getByRole('button', { name: 'Lock Pricing' })
    .click()
  await expect(page.getByRole('button', { name: 'Use Current Pricing' })).toBeVisible()
  await page.getByRole('button', { name: 'Add Product' }).click()
  const writeIn = dialog.getByLabel('Write-In', { exact: true })
  await expect(writeIn).toBeDisabled()
  await expect(writeIn).toHaveAccessibleDescription(/not available while prices are locked/)
})
