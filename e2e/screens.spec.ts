/**
 * The main screens at 1366×768 in light and dark, written to test-results/screens/ for a person to look at,
 * each scanned with axe-core: no serious or critical accessibility violation.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { DataPage } from './pages/data-page'
import { InvoiceForm } from './pages/invoice-form'

test.describe.configure({ timeout: 900_000 })
test.use({ viewport: { width: 1366, height: 768 } })

/** Every serious or critical violation on the page, each with the elements at fault and why. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '').slice(0, 300)).join('\n')}`,
    )
}

/**
 * Opens each screen once and takes it in light, then in dark (the system setting switched under the open page, as
 * a rep's system does at dusk): a screenshot and an accessibility scan of each. Returns every screen and scheme
 * with its violations, for one assertion at the end, so one run names them all.
 */
async function inBothSchemes(
  page: Page,
  screens: Array<{ name: string; open: () => Promise<void> }>,
): Promise<Array<[string, string[]]>> {
  const problems: Array<[string, string[]]> = []
  for (const screen of screens) {
    await screen.open()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        animations: 'disabled',
        path: `test-results/screens/${screen.name}-${scheme}.png`,
      })
      problems.push([`${screen.name} (${scheme})`, await seriousViolations(page)])
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  return problems.filter(([, found]) => found.length > 0)
}

test('the main screens in light and dark, with no serious accessibility violation', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Screens', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Service visit', '120', { quantity: '3', manualDiscount: '0', tax: '0' })
  const draft = new URL(page.url()).hash
  await form.create('Screens (paid)', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Site survey', '450', { quantity: '1', manualDiscount: '0', tax: '0' })
  await form.recordPayment('450', 'CHK-7')
  await expect(page.getByText(/is paid and read-only/)).toBeVisible()
  const paid = new URL(page.url()).hash

  const screens: Array<{ name: string; open: () => Promise<void> }> = [
    {
      name: 'start',
      open: async () => {
        await page.goto('/#/start')
        await expect(page.getByRole('img', { name: /^Aging of receivables/ })).toBeVisible()
      },
    },
    {
      name: 'invoice-draft',
      open: async () => {
        await page.goto(`/${draft}`)
        await expect(form.line('Service visit')).toBeVisible()
      },
    },
    {
      name: 'invoice-paid',
      open: async () => {
        await page.goto(`/${paid}`)
        await expect(page.getByText(/is paid and read-only/)).toBeVisible()
      },
    },
    {
      name: 'add-product',
      open: async () => {
        await page.goto(`/${draft}`)
        await page.getByRole('button', { name: 'Add Product' }).click()
        await page.getByRole('combobox', { name: 'Existing Product', exact: true }).click()
        await expect(page.getByRole('option').first()).toBeVisible()
      },
    },
    {
      name: 'invoice-print',
      open: async () => {
        await page.goto(`/${draft}/print`)
        await expect(page.getByRole('article', { name: 'Invoice for print' })).toBeVisible()
      },
    },
    {
      name: 'customer-statement',
      open: async () => {
        await page.goto('/#/customers/cust-1/statement')
        await expect(page.getByText('Closing balance').first()).toBeVisible()
      },
    },
    {
      name: 'settings-import',
      open: async () => {
        await page.goto('/#/settings/data')
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      },
    },
  ]

  expect(await inBothSchemes(page, screens)).toEqual([])
})

// Settings and first run, from an empty database: a first invoice offering its price list, Settings › Import with
// a preview of a broken row, and the Price List form. Kept apart from the screens above so each block changes alone.
test('the first-run and settings screens in light and dark, with no serious accessibility violation', async ({
  page,
}) => {
  const screens: Array<{ name: string; open: () => Promise<void> }> = [
    {
      name: 'first-run-invoice',
      open: async () => {
        await page.goto('/#/invoices/new')
        await expect(page.getByRole('button', { name: 'Create Standard (USD)' })).toBeVisible()
        await expect(page.getByRole('combobox', { name: 'Currency', exact: true })).toHaveText(
          'USD',
        )
      },
    },
    {
      name: 'settings-import-preview',
      open: async () => {
        const data = new DataPage(page)
        await data.open()
        await data.previewCsv(
          'Customers',
          'Account Name,Account Number,Email\nContoso,A-1,\n,A-2,\nFabrikam,A-3,not-an-email\n',
        )
        await expect(data.preview).toContainText('2 rows with problems')
      },
    },
    {
      name: 'price-list-form',
      open: async () => {
        await page.goto('/#/settings/company')
        await page.getByRole('button', { name: 'Create Standard (USD)' }).click()
        await expect(page.getByText(/^Standard \(USD\)\. Add prices/)).toBeVisible()
        await page.goto('/#/price-lists')
        await page.getByRole('button', { name: 'Edit Price List' }).click()
        await expect(page.getByRole('dialog', { name: 'Price List: Standard (USD)' })).toBeVisible()
      },
    },
  ]
  expect(await inBothSchemes(page, screens)).toEqual([])
})
