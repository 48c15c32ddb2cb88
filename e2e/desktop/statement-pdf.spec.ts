/**
 * Export PDF from a customer's statement: main asks the rep where to save (the scripted save dialog), renders
 * the statement route for the period shown in a hidden window of its own with printToPDF (Chromium's page.pdf
 * here) and writes the file there. The file is read back with pdftotext.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { customer } from '../../src-core/documents/test-support/fixtures'
import { backupWith, go, restoreFile, saveDialogChooses, threeLineInvoice } from './company'
import { expect, test } from './fixtures'

const run = promisify(execFile)

test("Export PDF saves the customer's statement where the rep chose", async ({
  page,
  desktop,
  script,
  home,
}) => {
  const invoice = threeLineInvoice()
  await restoreFile(page, await backupWith(invoice))
  const chosen = await saveDialogChooses(script, home, 'statement.pdf')

  await go(page, `#/customers/${customer.id}/statement?from=2000-01-01&to=2030-12-31`)
  const statement = page.getByRole('article', { name: 'Customer statement for print' })
  await expect(statement).toContainText(customer.name)
  const totals = statement.getByRole('table', { name: /^Totals in / }).first()
  // The invoice counts at its Total Amount; the sample company's payment on it is taken off.
  const total = invoice.totals.totalAmount
  await expect(totals.getByRole('row', { name: /Invoiced/ })).toContainText(total)
  const closing = totals.getByRole('row', { name: /Closing balance/ }).getByRole('cell')
  await expect(closing).toHaveText(/\d+\.\d{2}/)
  const closingText = ((await closing.textContent()) ?? '').trim()

  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved statement.pdf.' })).toBeVisible({
    timeout: 60_000,
  })

  expect(desktop.dialogs).toHaveLength(1)
  expect(desktop.dialogs[0]?.options.defaultPath).toMatch(
    new RegExp(`^${home}/documents/Statement ${customer.name} 2030-12-31\\.pdf$`),
  )
  expect((await readFile(chosen)).subarray(0, 5).toString()).toBe('%PDF-')
  const { stdout } = await run('pdftotext', ['-layout', chosen, '-'])
  expect(stdout).toContain('Statement')
  expect(stdout).toContain(customer.name)
  expect(stdout).toContain(invoice.number)
  expect(stdout).toMatch(/Invoiced\s+\S+/)
  expect(stdout).toContain(total)
  const closingLine = stdout.split('\n').find((line) => line.includes('Closing balance')) ?? ''
  expect(closingLine).toContain(closingText)
  // The toolbar (date fields, buttons) stays off paper.
  expect(stdout).not.toContain('Back to Customers')
})
