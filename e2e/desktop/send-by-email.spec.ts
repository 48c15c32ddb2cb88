/**
 * Send by Email on the desktop, to a real SMTP server on 127.0.0.1: the rep saves the mail account (the password
 * sealed by main with the keychain), sends the invoice, and main renders the PDF, queues the message in its
 * outbox and hands it to the server. The message is read back as received.
 */
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import {
  attachmentOf,
  header,
  SMTP_PASSWORD,
  SMTP_USER,
} from '../../src-main/services/test-support/smtp'
import { choose } from '../pages/app'
import { backupWith, go, restoreFile, threeLineInvoice } from './company'
import { expect, testWithSmtp as test } from './fixtures'

const run = promisify(execFile)

test('Send by Email delivers the invoice PDF to the SMTP server', async ({
  page,
  smtp,
}, testInfo) => {
  const invoice = threeLineInvoice()
  await restoreFile(page, await backupWith(invoice))

  await go(page, '#/settings/email-printer')
  await page.getByLabel('Server', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Port', { exact: true }).fill(String(smtp.port))
  await choose(page, page, 'Security', /^None/)
  await page.getByLabel('User Name', { exact: true }).fill(SMTP_USER)
  await page.getByLabel('Password', { exact: true }).fill(SMTP_PASSWORD)
  await page.getByLabel('From Address', { exact: true }).fill('rep@fabrikam.example')
  await page.getByLabel('From Name', { exact: true }).fill('Fabrikam Field')
  await page.getByRole('button', { name: 'Save Email Account' }).click()
  await expect(page.getByText('Email account saved.')).toBeVisible()

  await go(page, `#/invoices/${invoice.id}`)
  await expect(
    page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Send by Email' }).click()
  await expect(page.getByText(`Queued for ann@contoso.example`)).toBeVisible()
  await expect.poll(() => smtp.received.length, { timeout: 60_000 }).toBe(1)
  expect(smtp.received).toHaveLength(1)
  expect(smtp.authAttempts).toBe(1)
  const raw = smtp.received[0] ?? Buffer.alloc(0)
  const text = raw.toString('latin1')
  expect(header(text, 'To')).toContain('ann@contoso.example')
  expect(header(text, 'From')).toContain('rep@fabrikam.example')
  expect(header(text, 'Subject')).toContain(invoice.number)
  const { filename, bytes } = attachmentOf(raw)
  expect(filename).toContain(invoice.number)
  const pdf = testInfo.outputPath('mailed.pdf')
  await writeFile(pdf, bytes)
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'])
  expect(stdout).toContain(invoice.number)
  for (const line of invoice.lines) expect(stdout).toContain(line.productName)
})
