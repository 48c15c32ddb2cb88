/**
 * Export e-invoice and Send by Email on the desktop with the German sample company (VAT mode): main writes the
 * invoice PDF made Factur-X where the rep chose in the save dialog, with the CII XML beside it, and the mail
 * carries the Factur-X PDF. Each PDF is read back with poppler: `factur-x.xml` inside, equal to the XML.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { attachmentOf, SMTP_PASSWORD, SMTP_USER } from '../../src-main/services/test-support/smtp'
import { choose } from '../pages/app'
import { go, saveDialogChooses } from './company'
import { expect, testWithSmtp as test } from './fixtures'

const run = promisify(execFile)

async function loadGermanSample(page: Page): Promise<void> {
  await go(page, '#/settings')
  await page.getByRole('radio', { name: 'Germany (VAT, e-invoices)' }).check()
  await page.getByRole('button', { name: 'Load sample company' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Sample company loaded' })).toBeVisible({
    timeout: 90_000,
  })
}

/** Opens the German sample's first invoice (19 % and 7 % lines) and answers its number. */
async function openFirstInvoice(page: Page): Promise<string> {
  await go(page, '#/invoices/de-inv-1')
  const heading = page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })
  await expect(heading).toBeVisible()
  return ((await heading.textContent()) ?? '').replace('Invoice ', '').trim()
}

/** The names of the files embedded in a PDF, as `pdfdetach -list` shows them. */
async function embeddedNames(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdfdetach', ['-list', pdf])
  return stdout
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\s*\d+:\s*/, '').trim())
    .filter(Boolean)
}

/** The bytes of the first file embedded in a PDF, saved in `out`. */
async function firstEmbedded(pdf: string, out: string): Promise<Buffer> {
  await mkdir(dirname(out), { recursive: true })
  await run('pdfdetach', ['-save', '1', '-o', out, pdf])
  return readFile(out)
}

test('Export e-invoice writes the Factur-X PDF with the XML inside and beside it', async ({
  page,
  desktop,
  script,
  home,
}, testInfo) => {
  test.setTimeout(240_000)
  await loadGermanSample(page)
  const chosen = await saveDialogChooses(script, home, 'e-invoice.pdf')

  const number = await openFirstInvoice(page)
  await page.getByRole('button', { name: 'Export e-invoice' }).click()
  await expect(
    page.getByText('Saved the e-invoice e-invoice.pdf (Factur-X PDF) and e-invoice.xml beside it.'),
  ).toBeVisible({ timeout: 60_000 })

  expect(desktop.dialogs).toHaveLength(1)
  expect(desktop.dialogs[0]?.options.defaultPath).toMatch(new RegExp(`${number}.*\\.pdf$`))
  const xml = await readFile(join(home, 'chosen', 'e-invoice.xml'), 'utf8')
  expect(xml).toContain('rsm:CrossIndustryInvoice')
  expect(xml).toContain(`<ram:ID>${number}</ram:ID>`)
  expect(xml).toContain('DE123456789')

  expect(await embeddedNames(chosen)).toEqual(['factur-x.xml'])
  expect(
    (await firstEmbedded(chosen, testInfo.outputPath('factur-x.xml'))).equals(
      Buffer.from(xml, 'utf8'),
    ),
  ).toBe(true)
  const { stdout } = await run('pdftotext', ['-layout', chosen, '-'])
  expect(stdout).toContain(number)

  // Reverse charge needs the buyer's VAT ID: without it the field is named and no dialog opens, no file is written.
  await go(page, '#/customers')
  await page.getByRole('button', { name: 'Dachdeckerei Petersen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Customer' })
  await dialog.getByLabel('VAT ID').fill('')
  await dialog.getByRole('button', { name: 'Save and Close' }).click()
  await expect(dialog).toBeHidden()
  await go(page, '#/invoices/de-inv-3')
  await expect(page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })).toBeVisible()
  await page.getByRole('button', { name: 'Export e-invoice' }).click()
  const refusal = page.getByRole('alert').filter({ hasText: 'Not exported' })
  await expect(refusal.getByRole('listitem')).toContainText([
    'buyer VAT ID (the customer’s VAT ID)',
  ])
  expect(desktop.dialogs).toHaveLength(1)
  const { stdout: files } = await run('find', [home, '-name', '*.pdf', '-o', '-name', '*.xml'])
  expect(files.trim().split('\n').sort()).toEqual([chosen, join(home, 'chosen', 'e-invoice.xml')])
})

test('Send by Email in VAT mode attaches the Factur-X PDF', async ({ page, smtp }, testInfo) => {
  test.setTimeout(240_000)
  await loadGermanSample(page)

  await go(page, '#/settings/email-printer')
  await page.getByLabel('Server', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Port', { exact: true }).fill(String(smtp.port))
  await choose(page, page, 'Security', /^None/)
  await page.getByLabel('User Name', { exact: true }).fill(SMTP_USER)
  await page.getByLabel('Password', { exact: true }).fill(SMTP_PASSWORD)
  await page.getByLabel('From Address', { exact: true }).fill('rep@nordlicht.example')
  await page.getByLabel('From Name', { exact: true }).fill('Nordlicht Field')
  await page.getByRole('button', { name: 'Save Email Account' }).click()
  await expect(page.getByText('Email account saved.')).toBeVisible()

  const number = await openFirstInvoice(page)
  await page.getByRole('button', { name: 'Send by Email' }).click()
  await expect(page.getByText(/^Queued for /)).toBeVisible({ timeout: 60_000 })
  await expect.poll(() => smtp.received.length, { timeout: 60_000 }).toBe(1)

  const { filename, bytes } = attachmentOf(smtp.received[0] ?? Buffer.alloc(0))
  expect(filename).toContain(number)
  const pdf = testInfo.outputPath('mailed.pdf')
  await writeFile(pdf, bytes)
  expect(await embeddedNames(pdf)).toEqual(['factur-x.xml'])
  const xml = (await firstEmbedded(pdf, testInfo.outputPath('factur-x.xml'))).toString('utf8')
  expect(xml).toContain('rsm:CrossIndustryInvoice')
  expect(xml).toContain(`<ram:ID>${number}</ram:ID>`)
})
