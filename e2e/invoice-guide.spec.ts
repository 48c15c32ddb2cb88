/**
 * The Dynamics 365 Sales invoice guide, step by step, from an empty database: a new invoice with an existing
 * product at its default price and a write-in at an overridden price, every total checked against priceDocument
 * computed here from the same inputs; a partial then a full payment; cancel, read-only, reactivate.
 */
import { priceDocument, type PricingTotals } from '../src-core/pricing'
import { expect, test } from './fixtures'
import { choose, keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

const CUSTOMER = 'Alder Hardware'
const PRODUCT = 'Heavy-duty Hinge'
// Test amounts are small: a float is exact enough to show them the way an en-US rep reads them.
const en = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const shown = (value: string) => en.format(Number(value))

const TOTAL_FIELDS: [label: string, key: keyof PricingTotals][] = [
  ['Detail Amount', 'detailAmount'],
  ['Pre-Freight Amount', 'preFreightAmount'],
  ['Freight Amount', 'freightAmount'],
  ['Total Tax', 'totalTax'],
  ['Total Amount', 'totalAmount'],
]

async function newInvoiceWithLines(form: InvoiceForm, name: string) {
  await form.create(name, 'Alder', CUSTOMER)
  await expect(form.page.getByRole('combobox', { name: 'Price List' })).toHaveText('Retail (USD)')
  await form.addExisting(PRODUCT, {
    quantity: '3',
    manualDiscount: '5',
    tax: '2.50',
  })
  await form.addWriteIn('Installation', '120', { quantity: '2.5', manualDiscount: '10', tax: '15' })
}

test('a new invoice with an existing product and a write-in shows the totals of priceDocument', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  await keepScreen(page, testInfo, 'invoices-list')
  const form = new InvoiceForm(page)
  await newInvoiceWithLines(form, 'Hinges and installation')
  await form.setTotalField('Discount (%)', '10')
  await form.setTotalField('Freight Amount', '25')

  const defaultPrice = await form.line(PRODUCT).getByLabel('Price Per Unit').inputValue()
  const expected = priceDocument({
    settings: {
      pricingPrecision: 2,
      currencyPrecision: 2,
      discountMethod: 'lineItem',
      rounding: 'halfEven',
    },
    header: { discountPercent: '10', discountAmount: '0', freightAmount: '25' },
    lines: [
      { pricePerUnit: defaultPrice, quantity: '3', manualDiscount: '5', tax: '2.50' },
      { pricePerUnit: '120', quantity: '2.5', manualDiscount: '10', tax: '15' },
    ],
  })
  for (const [label, key] of TOTAL_FIELDS)
    await expect(form.total(label)).toHaveValue(shown(expected.totals[key]))
  await expect(form.line('Installation')).toContainText(
    shown(expected.lines[1]?.extendedAmount ?? ''),
  )
  await expect(form.line(PRODUCT)).toContainText(shown(expected.lines[0]?.extendedAmount ?? ''))
  await keepScreen(page, testInfo, 'invoice-form')

  // Partial payment, then the rest: the invoice closes as Paid, Complete, and becomes read-only.
  const total = expected.totals.totalAmount
  await form.recordPayment('100', 'CHK-1001')
  await expect(form.total('Amount Paid')).toHaveValue('100.00')
  const rest = (Number(total) * 100 - 10000) / 100
  await expect(form.total('Balance Due')).toHaveValue(shown(rest.toFixed(2)))
  await form.recordPayment(rest.toFixed(2), 'CHK-1002')
  await expect(form.total('Balance Due')).toHaveValue('0.00')
  await expect(page.getByText('This invoice is paid and read-only')).toBeVisible()
  await expect(form.button('Save')).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Add Product' })).toBeDisabled()
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Payment 100.00 by bank transfer, ref. CHK-1001',
  )
  await keepScreen(page, testInfo, 'invoice-paid')
})

test('a canceled invoice is read-only until Reactivate', async ({ page }, testInfo) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await newInvoiceWithLines(form, 'To be canceled')
  await form.confirmCommand('Cancel Invoice')
  const banner = page.getByText(
    'This invoice is canceled and read-only. Reactivate it to make changes.',
  )
  await expect(banner).toBeVisible()
  await expect(form.line('Installation').getByLabel('Quantity')).not.toBeEditable()
  await expect(form.total('Freight Amount')).not.toBeEditable()
  await expect(form.button('Invoice Paid')).toBeDisabled()
  await keepScreen(page, testInfo, 'invoice-canceled')
  await form.confirmCommand('Reactivate')
  await expect(banner).toBeHidden()
  await expect(form.line('Installation').getByLabel('Quantity')).toBeEditable()
})

test('Invoice Date, Due Date, Date Delivered and Payment Terms are saved, survive a reload, and lock when canceled', async ({
  page,
}, testInfo) => {
  // Two reloads on top of the sample company: more time than one step of the guide on a loaded machine.
  test.slow()
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Header dates', 'Alder', CUSTOMER)
  const heading = await page.getByRole('heading', { level: 1 }).innerText()

  // A Due Date before the Invoice Date is shown next to Due Date, and Save refuses it.
  await form.dateField('Invoice Date').fill('2025-03-10')
  await form.dateField('Due Date').fill('2025-03-01')
  await expect(page.getByText('Due Date cannot be before the Invoice Date.')).toBeVisible()
  await expect(form.dateField('Due Date')).toHaveAttribute('aria-invalid', 'true')
  await form.button('Save').click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'Due Date cannot be before the Invoice Date.' }),
  ).toBeVisible()

  await form.dateField('Due Date').fill('2025-04-09')
  await expect(form.dateField('Due Date')).toHaveAttribute('aria-invalid', 'false')
  await form.dateField('Date Delivered').fill('2025-03-07')
  await choose(page, page, 'Payment Terms', '2% 10, Net 30')
  await form.button('Save').click()
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Payment Terms — → 2% 10, Net 30',
  )

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(form.dateField('Invoice Date')).toHaveValue('2025-03-10')
  await expect(form.dateField('Due Date')).toHaveValue('2025-04-09')
  await expect(form.dateField('Date Delivered')).toHaveValue('2025-03-07')
  await expect(form.paymentTerms()).toHaveText('2% 10, Net 30')
  await keepScreen(page, testInfo, 'invoice-header-fields')

  // Cleared with an empty value and (none); then read-only once canceled.
  await form.dateField('Date Delivered').fill('')
  await choose(page, page, 'Payment Terms', '(none)')
  await form.button('Save').click()
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    /Date Delivered Mar 7, 2025 → —/,
  )
  await form.confirmCommand('Cancel Invoice')
  await expect(page.getByText('This invoice is canceled and read-only.')).toBeVisible()
  for (const label of ['Invoice Date', 'Due Date', 'Date Delivered'] as const)
    await expect(form.dateField(label)).not.toBeEditable()
  await expect(form.paymentTerms()).toHaveAttribute('aria-disabled', 'true')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(form.dateField('Date Delivered')).toHaveValue('')
  await expect(form.paymentTerms()).toHaveText('(none)')
})

test('the Invoices list finds the new invoice by name and opens it with Enter', async ({
  page,
}) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await newInvoiceWithLines(form, 'Findable by name')
  const heading = await page.getByRole('heading', { level: 1 }).innerText()
  await form.button('Save and Close').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible()
  await page.getByLabel('Search').fill('findable')
  const link = page.getByRole('link', { name: heading.replace('Invoice ', '') })
  await expect(link).toBeVisible()
  await expect(page.getByRole('link', { name: /^INV-/ })).toHaveCount(1)
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
})
