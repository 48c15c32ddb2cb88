/**
 * In the browser build Print and Export PDF open the invoice's print view and print that (not the editing
 * screen); Duplicate makes a new invoice with the same lines under the next number, dated today.
 */
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

// Each test loads the sample company first, which takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 })

declare global {
  interface Window {
    printedViews?: string[]
  }
}

test('Print and Export PDF print the print view; Duplicate copies the lines under a new number', async ({
  page,
}) => {
  // The browser's print dialog cannot be driven from a test: record which page asked for it instead.
  await page.addInitScript(() => {
    window.printedViews = []
    window.print = () => {
      window.printedViews?.push(window.location.hash)
    }
  })
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create('Print me', 'Alder', 'Alder Hardware')
  await form.addWriteIn('Service visit', '80', { quantity: '3', manualDiscount: '0', tax: '0' })
  const heading = page.getByRole('heading', { level: 1 })
  const number = (await heading.textContent())?.replace('Invoice ', '') ?? ''
  expect(number).toMatch(/^INV-/)

  await form.button('Print').click()
  const paper = page.getByRole('article', { name: 'Invoice for print' })
  await expect(paper).toContainText(number)
  await expect(paper).toContainText('Service visit')
  await expect(page.getByLabel('Name', { exact: true })).toHaveCount(0)
  await expect
    .poll(() => page.evaluate(() => window.printedViews))
    .toEqual([expect.stringMatching(/^#\/invoices\/[^/]+\/print$/)])

  await page.getByRole('button', { name: 'Back to Invoice' }).click()
  await form.button('Export PDF').click()
  await expect(paper).toContainText(number)
  await expect.poll(() => page.evaluate(() => window.printedViews?.length)).toBe(2)
  await page.getByRole('button', { name: 'Back to Invoice' }).click()

  await expect(form.total('Total Amount')).toHaveValue('240.00')
  await form.button('Duplicate').click()
  await expect(heading).toHaveText(/^Invoice INV-/)
  await expect(heading).not.toHaveText(`Invoice ${number}`)
  await expect(form.line('Service visit')).toBeVisible()
  await expect(form.total('Total Amount')).toHaveValue('240.00')
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Print me')
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    `Created as a copy of ${number}`,
  )
})
