/**
 * VAT mode as a rep meets it: Settings › Company switched to VAT rates with the seller's e-invoice details, the
 * German sample company's invoice with its VAT breakdown, Export e-invoice downloading the invoice's CII XML, and
 * the refusal that names what is missing. Screens are kept at 1366×768, light and dark, in test-results/screens-vat/.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { printRoute } from '../src-core/print/pdf-options'
import { expect, test } from './fixtures'
import { choose } from './pages/app'

async function screens(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/screens-vat/${name}-${scheme}.png`,
      fullPage: true,
    })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('Settings › Company in VAT mode: rates of the country, seller details, a wrong IBAN named', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  // Through Settings, as a rep goes: the form is filled once the stored settings are read.
  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await page.getByRole('link', { name: 'Company profile and pricing' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible()
  await page.getByLabel('Company Name').fill('Nordlicht Werkzeuge')
  await page.getByLabel('Street').fill('Hafenstraße 12')
  await page.getByLabel('City').fill('Hamburg')
  await choose(page, page, 'Tax Mode', 'VAT rates')
  await page.getByLabel('Legal Name').fill('Nordlicht Werkzeuge GmbH')
  await page.getByLabel('VAT ID').fill('DE123456789')
  await page.getByLabel('Country Code').fill('DE')
  await page.getByLabel('Electronic Address').fill('rechnung@nordlicht.example')
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 01')
  await page.getByRole('button', { name: "Use the Country's Rates" }).click()
  const second = page.getByRole('group', { name: 'VAT Category 2' })
  await expect(second.getByLabel('Rate (%)')).toHaveValue('7')
  await expect(
    page.getByRole('group', { name: 'VAT Category 1' }).getByLabel('Rate (%)'),
  ).toHaveValue('19')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('IBAN: not a valid IBAN')).toBeVisible()
  await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Settings saved. New documents use them.')).toBeVisible()
  await screens(page, 'settings-company-vat')

  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Tax Mode' })).toHaveText('VAT rates')
  await expect(page.getByLabel('IBAN')).toHaveValue('DE89370400440532013000')
  await expect(second.getByLabel('Category Name')).toHaveValue('Reduced rate 7 %')
})

test('German sample: an invoice with its VAT breakdown, Export e-invoice downloads it, a missing buyer VAT ID is named', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('/#/settings')
  await page.getByRole('radio', { name: 'Germany (VAT, e-invoices)' }).check()
  await page.getByRole('button', { name: 'Load sample company' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Sample company loaded' })).toBeVisible({
    timeout: 90_000,
  })

  // The first invoice: 19 % and 7 % lines, a header discount and freight, paid.
  await page.goto('/#/invoices/de-inv-1')
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })
  await expect(heading).toBeVisible()
  const number = ((await heading.textContent()) ?? '').replace('Invoice ', '').trim()
  const breakdown = page.getByRole('table', { name: 'VAT Breakdown' })
  await expect(breakdown.getByRole('row', { name: /S: Standard rate 19 %/ })).toBeVisible()
  await expect(breakdown.getByRole('row', { name: /S: Reduced rate 7 %/ })).toBeVisible()
  // In VAT mode the lines grid has each line's VAT Category where typed mode has Tax.
  const lines = page.getByRole('table', { name: 'Products' })
  await expect(lines.getByRole('columnheader', { name: 'VAT Category' })).toBeVisible()
  await expect(lines.getByRole('columnheader', { name: 'Tax', exact: true })).toHaveCount(0)
  await expect(lines.getByRole('combobox', { name: /^VAT Category of / }).first()).toHaveText(
    /rate \d+ %/,
  )
  await screens(page, 'invoice-vat-breakdown')

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export e-invoice' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`${number}.xml`)
  const xml = await readFile(await file.path(), 'utf8')
  expect(xml).toContain('rsm:CrossIndustryInvoice')
  expect(xml).toContain(`<ram:ID>${number}</ram:ID>`)
  expect(xml).toContain('DE123456789')
  expect(xml).toContain('Elbtal Bau GmbH')
  await expect(page.getByText(`E-invoice ${number}.xml exported`)).toBeVisible()

  await page.goto(`/${printRoute('de-inv-1', 'a4')}`)
  await expect(page.getByText('VAT ID DE123456789')).toBeVisible()
  await expect(page.getByText('VAT ID DE811234567')).toBeVisible()
  await expect(page.getByRole('table', { name: 'VAT Breakdown' })).toBeVisible()
  await screens(page, 'invoice-print-vat')

  // Reverse charge needs the buyer's VAT ID: without it, nothing is written and the field is named.
  await page.goto('/#/customers')
  await page.getByRole('button', { name: 'Dachdeckerei Petersen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('VAT ID').fill('')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await page.goto('/#/invoices/de-inv-3')
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })).toBeVisible()
  let downloaded = false
  page.on('download', () => (downloaded = true))
  await page.getByRole('button', { name: 'Export e-invoice' }).click()
  const refusal = page.getByRole('alert').filter({ hasText: 'Not exported' })
  await expect(refusal.getByRole('listitem')).toContainText([
    'buyer VAT ID (the customer’s VAT ID)',
  ])
  expect(downloaded).toBe(false)
})
