/**
 * Price Lists in Dynamics' words: the list, the Price List form and the Price List Item form show pricing
 * methods, rounding and dates as a rep reads them, never a field name such as `currencyAmount`.
 */
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { choose, loadSampleCompany } from './pages/app'
import { ListView } from './pages/list-view'

/** Words of the code that must never reach a rep. */
const CODE_WORDS =
  /currencyAmount|percentOfList|markup[A-Z]|margin[A-Z]|endsIn|multipleOf|validFrom|validTo/

async function expectPlainWords(scope: Locator): Promise<void> {
  expect(await scope.innerText()).not.toMatch(CODE_WORDS)
}

test('the price list screens speak Dynamics, not field names', async ({ page }) => {
  await loadSampleCompany(page)
  const list = new ListView(page, 'Price Lists', 'Price List Items')
  await list.open()
  await expect(list.rows().first()).toBeVisible()
  await choose(page, page, 'Price List', 'Europe (EUR)')
  await expect(page.getByText('Currency EUR', { exact: true })).toBeVisible()
  expect(await list.column('Pricing Method')).toContain('Currency Amount')
  await expectPlainWords(page.getByRole('main'))

  await page.getByRole('button', { name: 'Edit Price List' }).click()
  const form = page.getByRole('dialog', { name: 'Price List: Europe (EUR)' })
  await expect(form.getByRole('combobox', { name: 'Currency' })).toHaveText('EUR (Euro)')
  await expect(form.getByLabel('Start Date')).toBeVisible()
  await expectPlainWords(form)
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(form).toBeHidden()

  await page.getByRole('button', { name: 'Add Item' }).click()
  const item = page.getByRole('dialog', { name: 'New Price List Item' })
  await expect(item.getByText('In EUR, the currency of Europe (EUR).')).toBeVisible()
  await choose(page, item, 'Pricing Method', 'Markup % Current Cost')
  await expect(item.getByText("Markup on the product's Current Cost.")).toBeVisible()
  await choose(page, item, 'Rounding Policy', 'Nearest')
  await item.getByRole('combobox', { name: 'Rounding Option' }).click()
  await expect(page.getByRole('option')).toHaveText(['Ends in', 'Multiple of'])
  await page.getByRole('option', { name: 'Multiple of' }).click()
  await expectPlainWords(item)
})
