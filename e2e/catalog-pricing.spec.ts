/**
 * Pricing against the catalog, from an empty database: Lock Pricing keeps an invoice's price when the price list
 * changes while an unlocked invoice takes the new price; Get Products copies an opportunity's products.
 */
import { expect, test } from './fixtures'
import { choose, keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

const HINGE = 'Heavy-duty Hinge'

async function invoiceWithHinge(form: InvoiceForm, name: string): Promise<string> {
  await form.create(name, 'Alder', 'Alder Hardware')
  await form.addExisting(HINGE, { quantity: '2' })
  return form.page.url()
}

test('a locked invoice keeps its price when the catalog changes; an unlocked one takes it', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  const lockedUrl = await invoiceWithHinge(form, 'Locked hinges')
  const oldPrice = await form.line(HINGE).getByLabel('Price Per Unit').inputValue()
  await page.getByRole('button', { name: 'Lock Pricing' }).click()
  await expect(
    page.getByText(/Prices are locked: each line keeps its price per unit/),
  ).toBeVisible()
  const currentUrl = await invoiceWithHinge(form, 'Current hinges')
  await expect(page.getByText(/Current pricing: lines priced from the price list/)).toBeVisible()
  const newPrice = oldPrice === '999.99' ? '888.88' : '999.99'

  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Price Lists' })
    .click()
  // Wait for the page itself: the previous page's New button is still there for a moment.
  await expect(page.getByRole('heading', { level: 1, name: 'Price Lists' })).toBeVisible()
  await choose(page, page, 'Price List', 'Retail (USD)')
  await page.getByLabel('Search').fill(HINGE)
  await page.getByRole('button', { name: `Edit ${HINGE} (Each)` }).click()
  const dialog = page.getByRole('dialog', { name: `Price List Item: ${HINGE}` })
  await choose(page, dialog, 'Pricing Method', 'Currency Amount')
  await dialog.getByLabel('Amount', { exact: true }).fill(newPrice)
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: 'Price List Items' })).toContainText(newPrice)
  await keepScreen(page, testInfo, 'price-list')

  await page.goto(lockedUrl)
  await expect(form.line(HINGE).getByLabel('Price Per Unit')).toHaveValue(oldPrice)
  await page.goto(currentUrl)
  await expect(form.line(HINGE).getByLabel('Price Per Unit')).toHaveValue(newPrice)
  const total = (Number(newPrice) * 2).toFixed(2)
  await expect(form.total('Total Amount')).toHaveValue(
    new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(Number(total)),
  )
})

test('Get Products copies the products of an opportunity into the invoice', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Opportunities' })
    .click()
  const first = page.getByRole('table', { name: 'Opportunities' }).getByRole('row').nth(1)
  await expect(first.getByRole('cell').nth(1)).not.toBeEmpty()
  const opportunity = await first.getByRole('cell').nth(0).innerText()
  const customer = await first.getByRole('cell').nth(1).innerText()
  // Columns: Name, Customer, Status, Est. Close Date, Products, …
  const count = Number(await first.getByRole('cell').nth(4).innerText())
  await keepScreen(page, testInfo, 'opportunities-list')

  const form = new InvoiceForm(page)
  await form.create(`From ${opportunity}`, customer.slice(0, 4), customer)
  await page.getByRole('button', { name: 'Get Products' }).click()
  const dialog = page.getByRole('dialog', { name: 'Get Products' })
  await choose(page, dialog, 'Opportunity', opportunity)
  await expect(dialog.getByText(`${count} products will be copied.`)).toBeVisible()
  await dialog.getByRole('button', { name: 'Copy Products' }).click()
  await expect(dialog).toBeHidden()
  // The header row plus one row per copied product.
  await expect(page.getByRole('table', { name: 'Products' }).getByRole('row')).toHaveCount(
    count + 1,
  )
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Get Products')
})
