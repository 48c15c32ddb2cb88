/**
 * In the browser build a customer statement's Export PDF prints the statement's own print view (the toolbar
 * stays off paper) and says to choose Save as PDF; the period comes from the route's `?from=&to=`.
 */
import { customer } from '../src-core/documents/test-support/fixtures'
import { backupWith, restoreFile, threeLineInvoice } from './desktop/company'
import { expect, test } from './fixtures'

declare global {
  interface Window {
    printedViews?: string[]
  }
}

test('Export PDF on a statement prints the statement for the period in the route', async ({
  page,
}) => {
  // The browser's print dialog cannot be driven from a test: record which page asked for it instead.
  await page.addInitScript(() => {
    window.printedViews = []
    window.print = () => {
      window.printedViews?.push(window.location.hash)
    }
  })
  await page.goto('/')
  const invoice = threeLineInvoice()
  await restoreFile(page, await backupWith(invoice))

  await page.goto(`/#/customers/${customer.id}/statement?from=2025-01-01&to=2025-12-31`)
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-01')
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-12-31')
  const statement = page.getByRole('article', { name: 'Customer statement for print' })
  await expect(statement).toContainText(customer.name)
  await expect(statement.getByRole('table').first()).toContainText(invoice.number)
  await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true')

  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Save as PDF' })).toBeVisible()
  await expect
    .poll(() => page.evaluate(() => window.printedViews))
    .toEqual([`#/customers/${customer.id}/statement?from=2025-01-01&to=2025-12-31`])
})
