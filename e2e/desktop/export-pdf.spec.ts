/**
 * Export PDF from the invoice form: the bridge asks main, main asks the rep where to save (the scripted save
 * dialog), renders the print route in a hidden window of its own with printToPDF (Chromium's page.pdf here) and
 * writes the file there. The file is read back with pdftotext.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { backupWith, go, restoreFile, saveDialogChooses, threeLineInvoice } from './company'
import { expect, test } from './fixtures'

const run = promisify(execFile)

test('Export PDF writes the invoice where the rep chose in the save dialog', async ({
  page,
  desktop,
  script,
  home,
}) => {
  const invoice = threeLineInvoice()
  await restoreFile(page, await backupWith(invoice))
  const chosen = await saveDialogChooses(script, home, 'invoice.pdf')

  await go(page, `#/invoices/${invoice.id}`)
  await expect(
    page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect(page.getByText('Saved invoice.pdf.')).toBeVisible({ timeout: 60_000 })

  // Main asked once, suggesting a file named after the invoice in the documents folder.
  expect(desktop.dialogs).toHaveLength(1)
  expect(desktop.dialogs[0]?.kind).toBe('save')
  expect(desktop.dialogs[0]?.options.defaultPath).toMatch(
    new RegExp(`^${home}/documents/.*${invoice.number}.*\\.pdf$`),
  )
  expect((await readFile(chosen)).subarray(0, 5).toString()).toBe('%PDF-')
  const { stdout } = await run('pdftotext', ['-layout', chosen, '-'])
  expect(stdout).toContain(invoice.number)
  expect(stdout).toContain('Contoso')
  for (const line of invoice.lines) expect(stdout).toContain(line.productName)
  expect(stdout).toContain('Page 1 of 1')
})

test('a canceled save dialog writes nothing and says nothing went wrong', async ({
  page,
  desktop,
  home,
}) => {
  const invoice = threeLineInvoice()
  await restoreFile(page, await backupWith(invoice))
  await go(page, `#/invoices/${invoice.id}`)
  await page.getByRole('button', { name: 'Export PDF' }).click()
  await expect.poll(() => desktop.dialogs.length).toBe(1)
  await expect(page.getByRole('button', { name: 'Export PDF' })).toBeEnabled()
  await expect(page.getByText(/^Saved /)).toBeHidden()
  const { stdout } = await run('find', [home, '-name', '*.pdf'])
  expect(stdout).toBe('')
})
