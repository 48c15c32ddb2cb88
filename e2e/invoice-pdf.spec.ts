/**
 * The invoice PDF, made the way the desktop app makes it: the print route rendered by Chromium with the same page
 * options (src-core/print/pdf-options.ts) that main gives printToPDF. The data goes in the way a rep's would: a
 * backup file, restored on the Settings page. The PDF is read back with pdftotext and pdffonts (poppler-utils),
 * and the 60-line sample is kept as test-results/artifacts/sample-invoice.pdf.
 */
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { applyInvoiceCommand, PAYMENT_TERMS, recordEmailStatus } from '../src-core/documents'
import {
  blankInvoice,
  context,
  customer,
  payment,
  settings,
} from '../src-core/documents/test-support/fixtures'
import type { Invoice } from '../src-core/documents/types'
import { encodeBackup } from '../src-core/io/backup'
import { sampleBackupData } from '../src-core/io/test-support/sample-backup'
import { formatIsoDate as formatDate, formatMoney } from '../src-core/format'
import {
  chromiumPdfOptions,
  PRINT_READY_ATTRIBUTE,
  printRoute,
} from '../src-core/print/pdf-options'
import { expect, test } from './fixtures'

const run = promisify(execFile)
const ARTIFACT = join('test-results', 'artifacts', 'sample-invoice.pdf')
const HOSTILE = '<script>window.pwned=1</script> Widget'
/** An 8×4 red PNG: the company logo. */
const LOGO =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEUlEQVR4nGM4ISeHFTFQTwIAbv4ggUBHKgEAAAAASUVORK5CYII='
const HEADER = {
  invoiceDate: '2025-03-03',
  dateDelivered: '2025-02-26',
  paymentTerms: '2pct10net30',
} as const

/** A 60-line invoice through the real document rules, with a hostile product name and one payment. */
function sixtyLineInvoice(): Invoice {
  const ctx = context()
  let invoice: Invoice = { ...blankInvoice(ctx), dueDate: '2025-04-01', ...HEADER }
  for (let i = 1; i <= 60; i++) {
    const result = applyInvoiceCommand(
      invoice,
      {
        type: 'addWriteIn',
        lineId: `L${i}`,
        productName: i === 7 ? HOSTILE : `Service item ${String(i).padStart(2, '0')}`,
        pricePerUnit: `${10 + i}.50`,
        quantity: String((i % 4) + 1),
        tax: i % 5 === 0 ? '1.25' : '0',
      },
      ctx,
    )
    if (!result.ok) throw new Error(result.refusal.reason)
    invoice = result.document
  }
  return invoice
}

/** The mail sender's reports on an invoice: queued, then failed. */
function mailedThenFailed(invoice: Invoice): Invoice {
  const queued = { state: 'queued', to: 'ann@contoso.example', messageId: 'M1' } as const
  const at = '2025-03-03T15:30:00.000Z'
  return [
    { ...queued, at },
    { ...queued, at, state: 'failed', reason: 'mailbox full' } as const,
  ].reduce((doc, report) => {
    const result = recordEmailStatus(doc, report, context())
    if (!result.ok) throw new Error(result.refusal.reason)
    return result.document
  }, invoice)
}

async function backupFile(invoice: Invoice): Promise<Buffer> {
  const data = sampleBackupData()
  const contact = { ...customer.contacts[0], id: 'K1', firstName: 'Ann', lastName: 'Lee' }
  data.customers = [{ ...customer, contacts: [contact], accountNumber: 'C-1' }]
  const logo = { mediaType: 'image/png', dataBase64: LOGO } as const
  data.settings = [{ ...settings, profile: { ...settings.profile, phone: '+1 555 0100', logo } }]
  data.invoices = [invoice]
  data.payments = [payment(invoice, 'PAY1', '25.00')]
  const text = await encodeBackup(data, { createdAt: invoice.createdAt, appVersion: 'e2e' })
  return Buffer.from(text)
}

/** Restores a backup file from Settings › Import, export and backup, as a rep would. */
async function restore(page: Page, file: Buffer): Promise<void> {
  await page.goto('/#/settings')
  await page.getByRole('link', { name: 'Import, export and backup' }).click()
  await page
    .getByLabel('Backup file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file })
  await page.getByRole('button', { name: 'Restore from backup' }).click()
  await page
    .getByRole('alertdialog', { name: 'Confirm restore' })
    .getByRole('button', { name: 'Replace my data' })
    .click()
  await expect(page.getByRole('status').filter({ hasText: /^Restored the backup/ })).toBeVisible()
}

async function renderPdf(page: Page, invoice: Invoice): Promise<Buffer> {
  await page.goto(`/${printRoute(invoice.id, 'a4')}`)
  await expect(page.locator('html')).toHaveAttribute(PRINT_READY_ATTRIBUTE, 'true')
  return page.pdf(chromiumPdfOptions('a4'))
}

async function pdfPages(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', path, '-'])
  return stdout.split('\f').filter((p) => p.trim().length > 0)
}

test('a 60-line invoice becomes a paginated PDF with every line, the totals and the font', async ({
  page,
}) => {
  const invoice = sixtyLineInvoice()
  await restore(page, await backupFile(invoice))
  const pdf = await renderPdf(page, invoice)
  await mkdir(join('test-results', 'artifacts'), { recursive: true })
  await writeFile(ARTIFACT, pdf)

  // The customer's text stayed text: nothing ran, and it prints as typed.
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  // The logo loaded (the Content-Security-Policy lets a data: image in) and was drawn into the PDF.
  const logo = page.getByRole('img', { name: 'Acme logo' })
  await expect(logo).toBeVisible()
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8)
  const { stdout: images } = await run('pdfimages', ['-list', ARTIFACT])
  expect(images).toMatch(/^\s*1\s+\d+\s+image\s+8\s+4\s/m)

  const pages = await pdfPages(ARTIFACT)
  const all = pages.join('\n')
  expect(pages.length).toBeGreaterThanOrEqual(2)
  expect(all).toContain(invoice.number)
  expect(all).toContain('Contoso')
  // The header of the Dynamics invoice form: Invoice Date, Due Date, Date Delivered, Payment Terms.
  const first = pages[0] ?? ''
  const header: [label: string, value: string][] = [
    ['Invoice date', formatDate(HEADER.invoiceDate, 'en-US')],
    ['Due date', formatDate('2025-04-01', 'en-US')],
    ['Date delivered', formatDate(HEADER.dateDelivered, 'en-US')],
    ['Payment terms', PAYMENT_TERMS[HEADER.paymentTerms]],
  ]
  for (const [label, value] of header)
    expect(
      first.split('\n').find((line) => line.includes(label)),
      label,
    ).toContain(value)
  // pdftotext may wrap the name onto two lines; the tags themselves must be there, as text.
  expect(all).toContain('<script>window.pwned=1</script>')
  const names = invoice.lines.map((l) => l.productName).filter((n) => n !== HOSTILE)
  expect(names).toHaveLength(59)
  for (const name of names) expect(all).toContain(name)
  const usd = (amount: string) => formatMoney(amount, 'USD', 'en-US')
  for (const line of invoice.lines) expect(all).toContain(usd(line.extendedAmount))

  pages.forEach((text, i) => {
    // Every page: the footer with the invoice number and "Page x of y"; every page with lines: the header.
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
    expect(text, `page ${i + 1}`).toContain(invoice.number)
  })
  const withLines = pages.filter((text) => text.includes('Service item'))
  expect(withLines.length).toBeGreaterThanOrEqual(2)
  for (const text of withLines) expect(text).toContain('Extended amount')
  // The totals are on the last page and only there; the balance takes the payment into account.
  const last = pages.at(-1) ?? ''
  expect(last).toContain('Total amount')
  expect(last).toContain(usd(invoice.totals.totalAmount))
  expect(last).toContain('Balance due')
  expect(pages.slice(0, -1).join('\n')).not.toContain('Total amount')

  // The shipped font is embedded (a subset), not the system's.
  const { stdout: fonts } = await run('pdffonts', [ARTIFACT])
  expect(fonts).toMatch(/LiberationSans\S*\s+(CID )?TrueType.*yes\s+yes/)
})

test('the invoice form shows what the mail sender last reported, and the restored header fields', async ({
  page,
}) => {
  const invoice = mailedThenFailed(sixtyLineInvoice())
  await restore(page, await backupFile(invoice))
  await page.goto(`/#/invoices/${invoice.id}`)
  await expect(
    page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` }),
  ).toBeVisible()
  await expect(page.getByText(/Email failed: mailbox full \(Mar 3, 2025/)).toBeVisible()
  await expect(page.getByLabel('Invoice Date', { exact: true })).toHaveValue(HEADER.invoiceDate)
  await expect(page.getByRole('combobox', { name: 'Payment Terms' })).toHaveText('2% 10, Net 30')
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Email failed: mailbox full',
  )
})
