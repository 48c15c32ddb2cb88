/**
 * The catalog a rep sets up before selling, through its screens, from an empty database (plus the sample
 * company's customers): a unit group, a product in it, a discount list with bands, a price list with an item for
 * the product; an opportunity with that product; then Get Products on a new invoice finds it. Each form shows
 * what src-core refuses next to the field, and nothing is saved until it is right.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { choose, keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

async function open(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: 'Site map' }).getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

async function pageButton(page: Page, name: string, heading: string) {
  await page.getByRole('button', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

async function saveAndClose(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
}

test('unit group, product, discount list, price list item and opportunity feed Get Products', async ({
  page,
}, testInfo) => {
  // The whole catalog set-up of a rep, one record after the other: about 90 s on a quiet 2-core machine.
  test.setTimeout(240_000)
  await loadSampleCompany(page)

  // Unit group: a Case of 12 Bottles; a quantity of 0 is refused next to its field.
  await open(page, 'Products', 'Products')
  await pageButton(page, 'Unit Groups', 'Unit Groups')
  await page.getByRole('button', { name: 'New', exact: true }).click()
  let dialog = page.getByRole('dialog', { name: 'Unit Group' })
  await dialog.getByLabel('Name', { exact: true }).fill('Bottles')
  await dialog.getByLabel('Base Unit').fill('Bottle')
  await dialog.getByRole('button', { name: 'Add Unit' }).click()
  const unit = dialog.getByRole('group', { name: 'Unit 2' })
  await unit.getByLabel('Unit Name').fill('Case')
  await unit.getByLabel('Quantity').fill('0')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(unit.getByText('Quantity: must be more than 0')).toBeVisible()
  await unit.getByLabel('Quantity').fill('12')
  await keepScreen(page, testInfo, 'unit-group-form')
  await saveAndClose(dialog)
  await expect(page.getByRole('table', { name: 'Unit Groups' })).toContainText('Case (12)')

  // Product in that unit group.
  await pageButton(page, 'Back to Products', 'Products')
  await page.getByRole('button', { name: 'New', exact: true }).click()
  dialog = page.getByRole('dialog', { name: 'Product' })
  await dialog.getByLabel('Product ID').fill('P-BOT-1')
  await dialog.getByLabel('Name', { exact: true }).fill('Sparkling Water')
  await choose(page, dialog, 'Unit Group', 'Bottles')
  await expect(dialog.getByRole('combobox', { name: 'Default Unit' })).toHaveText('Bottle')
  await dialog.getByLabel('List Price').fill('2.50')
  await saveAndClose(dialog)

  // Discount list: overlapping bands are refused.
  await open(page, 'Price Lists', 'Price Lists')
  await pageButton(page, 'Discount Lists', 'Discount Lists')
  await page.getByRole('button', { name: 'New', exact: true }).click()
  dialog = page.getByRole('dialog', { name: 'Discount List' })
  await dialog.getByLabel('Name', { exact: true }).fill('Case volume')
  await choose(page, dialog, 'Type', 'Percentage')
  for (const [from, to, value] of [
    ['1', '9', '0'],
    ['9', '99', '10'],
  ]) {
    await dialog.getByRole('button', { name: 'Add Band' }).click()
    const band = dialog.getByRole('group').last()
    await band.getByLabel('Begin Quantity').fill(from!)
    await band.getByLabel('End Quantity').fill(to!)
    await band.getByLabel('Discount').fill(value!)
  }
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  const second = dialog.getByRole('group', { name: 'Band 2' })
  await expect(second.getByText('Begin Quantity: overlaps band 1')).toBeVisible()
  await second.getByLabel('Begin Quantity').fill('10')
  await saveAndClose(dialog)
  await expect(page.getByRole('table', { name: 'Discount Lists' })).toContainText('Case volume')

  // Price list: an end before the start is refused; then an item for the product's Case.
  await pageButton(page, 'Back to Price Lists', 'Price Lists')
  await page.getByRole('button', { name: 'New Price List' }).click()
  dialog = page.getByRole('dialog', { name: 'Price List' })
  await dialog.getByLabel('Name', { exact: true }).fill('Drinks 2026')
  await choose(page, dialog, 'Currency', /^USD/)
  await dialog.getByLabel('Start Date').fill('2026-01-01')
  await dialog.getByLabel('End Date').fill('2025-12-31')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog.getByText('End Date: must not be before the Start Date')).toBeVisible()
  await dialog.getByLabel('End Date').fill('2026-12-31')
  await saveAndClose(dialog)
  await expect(page.getByRole('combobox', { name: 'Price List', exact: true })).toHaveText(
    'Drinks 2026',
  )
  await page.getByRole('button', { name: 'Add Item' }).click()
  dialog = page.getByRole('dialog', { name: 'New Price List Item' })
  await choose(page, dialog, 'Product', /^Sparkling Water/)
  await choose(page, dialog, 'Unit', 'Case')
  await choose(page, dialog, 'Pricing Method', 'Currency Amount')
  await dialog.getByLabel('Amount', { exact: true }).fill('24')
  await choose(page, dialog, 'Discount List', 'Case volume')
  await saveAndClose(dialog)
  await expect(page.getByRole('table', { name: 'Price List Items' })).toContainText(
    'Sparkling Water',
  )
  await keepScreen(page, testInfo, 'price-list-new-item')

  // Opportunity with 10 cases: 24.00 less 10 % per case, 216.00.
  await open(page, 'Opportunities', 'Opportunities')
  await pageButton(page, 'New', 'New Opportunity')
  await page.getByLabel('Name', { exact: true }).fill('Summer drinks')
  const customer = page.getByRole('combobox', { name: 'Customer', exact: true })
  await customer.fill('Alder')
  await page.getByRole('option', { name: 'Alder Hardware' }).first().click()
  await choose(page, page, 'Price List', 'Drinks 2026')
  await page
    .getByRole('toolbar', { name: 'Opportunity commands' })
    .getByRole('button', { name: 'Save', exact: true })
    .click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Opportunity: Summer drinks' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Add Product' }).click()
  dialog = page.getByRole('dialog', { name: 'Add Product' })
  await choose(page, dialog, 'Existing Product', 'Sparkling Water')
  await expect(dialog.getByRole('combobox', { name: 'Unit', exact: true })).toHaveText('Case')
  await dialog.getByLabel('Quantity', { exact: true }).fill('10')
  await saveAndClose(dialog)
  const line = page.getByRole('table', { name: 'Products' }).getByRole('row', {
    name: 'Sparkling Water',
  })
  await expect(line.getByLabel('Price Per Unit')).toHaveValue('24.00')
  await expect(page.getByLabel('Total Amount', { exact: true })).toHaveValue('216.00')
  await keepScreen(page, testInfo, 'opportunity-form')

  // Get Products on a new invoice on the same price list finds the opportunity and copies its product.
  const form = new InvoiceForm(page)
  await form.newFromList()
  await page.getByLabel('Name', { exact: true }).fill('Drinks for Alder')
  await form.pickCustomer('Alder', 'Alder Hardware')
  await choose(page, page, 'Price List', /^Drinks 2026/)
  await form.save()
  await page.getByRole('button', { name: 'Get Products' }).click()
  dialog = page.getByRole('dialog', { name: 'Get Products' })
  await choose(page, dialog, 'Opportunity', 'Summer drinks')
  await expect(dialog.getByText('1 products will be copied.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Copy Products' }).click()
  await expect(dialog).toBeHidden()
  await expect(form.line('Sparkling Water').getByLabel('Quantity')).toHaveValue('10')
  await expect(form.total('Total Amount')).toHaveValue('216.00')
})

// A known regression of this round's merges: after Cancel › Stay, the customer dialog shows the contact's stored
// Last Name instead of the one typed. Marked to fix, and reported: this test does not pass today.
test('contacts are edited and removed; closing a changed record asks first', async ({
  page,
}, testInfo) => {
  await loadSampleCompany(page)
  await open(page, 'Customers', 'Customers')
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('Account Name').fill('Brook Cafe')
  for (const [first, last] of [
    ['Ada', 'Quill'],
    ['Ben', ''],
  ]) {
    await dialog.getByRole('button', { name: 'Add Contact' }).click()
    const contact = dialog.getByRole('group').last()
    await contact.getByLabel('First Name').fill(first!)
    await contact.getByLabel('Last Name').fill(last!)
  }
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog.getByText('Last Name: a value is required')).toBeVisible()
  await dialog.getByRole('button', { name: 'Remove contact Ben' }).click()
  await saveAndClose(dialog)

  await page.getByLabel('Search').fill('Brook')
  await page.getByRole('button', { name: 'Brook Cafe' }).click()
  const ada = dialog.getByRole('group', { name: 'Contact Ada Quill' })
  await expect(ada.getByLabel('Last Name')).toHaveValue('Quill')
  await expect(dialog.getByRole('group', { name: /^Contact Ben/ })).toHaveCount(0)
  await ada.getByLabel('Last Name').fill('Quillon')

  // Unsaved changes: Stay keeps them, Leave without Saving drops them.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  const leave = page.getByRole('dialog', { name: 'Unsaved changes' })
  await keepScreen(page, testInfo, 'record-unsaved-changes')
  await leave.getByRole('button', { name: 'Stay' }).click()
  await expect(dialog.getByLabel('Last Name')).toHaveValue('Quillon')
  await page.keyboard.press('Escape')
  await leave.getByRole('button', { name: 'Leave without Saving' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Brook Cafe' }).click()
  await expect(dialog.getByLabel('Last Name')).toHaveValue('Quill')

  // Edit then save: the contact is saved; closing an unchanged record asks nothing.
  await dialog.getByLabel('Last Name').fill('Quillon')
  await saveAndClose(dialog)
  await page.getByRole('button', { name: 'Brook Cafe' }).click()
  await expect(dialog.getByLabel('Last Name')).toHaveValue('Quillon')
  await dialog.getByRole('button', { name: 'Remove contact Ada Quillon' }).click()
  await saveAndClose(dialog)
  await page.getByRole('button', { name: 'Brook Cafe' }).click()
  await expect(dialog.getByText('No contacts.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('dialog', { name: 'Unsaved changes' })).toHaveCount(0)
})
