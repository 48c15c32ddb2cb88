/** A company with one invoice, put into the desktop app the way a rep would: a backup restored on the Data page. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { applyInvoiceCommand } from '../../src-core/documents'
import {
  blankInvoice,
  context,
  customer,
  settings,
} from '../../src-core/documents/test-support/fixtures'
import type { Invoice } from '../../src-core/documents/types'
import { encodeBackup } from '../../src-core/io/backup'
import { sampleBackupData } from '../../src-core/io/test-support/sample-backup'
import type { DesktopScript } from './desktop-app'

/** Moves the window to a route of the app, as its own links do (a hash change, no reload). */
export async function go(page: Page, hash: string): Promise<void> {
  // A fresh window is still sending / on to #/start: a hash set before that lands would be replaced by it.
  await page.waitForFunction(() => !['', '#', '#/'].includes(window.location.hash))
  await page.evaluate((h) => (window.location.hash = h), hash)
}

/** Three write-in lines through the real document rules. */
export function threeLineInvoice(): Invoice {
  const ctx = context()
  let invoice: Invoice = { ...blankInvoice(ctx), dueDate: '2025-04-01' }
  for (const [i, name] of ['Site survey', 'Cable run', 'Final inspection'].entries()) {
    const result = applyInvoiceCommand(
      invoice,
      {
        type: 'addWriteIn',
        lineId: `L${i + 1}`,
        productName: name,
        pricePerUnit: `${100 + i}.25`,
        quantity: '2',
        tax: '0',
      },
      ctx,
    )
    if (!result.ok) throw new Error(result.refusal.reason)
    invoice = result.document
  }
  return invoice
}

/** The customer gets Ann Lee, with an email address, as primary contact. */
export async function backupWith(invoice: Invoice): Promise<Buffer> {
  const data = sampleBackupData()
  const contact = {
    ...customer.contacts[0],
    id: 'K1',
    firstName: 'Ann',
    lastName: 'Lee',
    email: 'ann@contoso.example',
  }
  data.customers = [{ ...customer, contacts: [contact], primaryContactId: 'K1' }]
  data.settings = [settings]
  data.invoices = [invoice]
  return Buffer.from(await encodeBackup(data, { createdAt: invoice.createdAt, appVersion: 'e2e' }))
}

/** Settings › Data: restores a backup file, as a rep would. */
export async function restoreFile(page: Page, file: Buffer): Promise<void> {
  await go(page, '#/settings/data')
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

/**
 * Makes the save dialog answer `<home>/chosen/<file>`, in a folder that exists (a save dialog only ever answers a
 * path in one); returns that path.
 */
export async function saveDialogChooses(
  script: DesktopScript,
  home: string,
  file: string,
): Promise<string> {
  await mkdir(join(home, 'chosen'), { recursive: true })
  const chosen = join(home, 'chosen', file)
  script.saveDialog = () => chosen
  return chosen
}
