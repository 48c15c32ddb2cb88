/**
 * The payments ledger on the invoice form, as a rep uses it: a payment recorded, voided with a reason, a refund
 * recorded, the Balance Due following each step; the Invoice Paid dialog recording the typed amount (or refusing
 * it beside the field) and asking before it closes an invoice with money still due.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { keepScreen, loadSampleCompany } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'

/** A new invoice for Alder Hardware of 300.00: one write-in, 2.5 × 120.00, no discount or tax. */
async function invoiceOf300(page: Page, name: string): Promise<InvoiceForm> {
  await loadSampleCompany(page)
  const form = new InvoiceForm(page)
  await form.create(name, 'Alder', 'Alder Hardware')
  await form.addWriteIn('Installation', '120', { quantity: '2.5' })
  await expect(form.total('Total Amount')).toHaveValue('300.00')
  return form
}

test('a payment voided with a reason, then a refund: the Balance Due follows each step', async ({
  page,
}, testInfo) => {
  test.slow()
  const form = await invoiceOf300(page, 'Ledger steps')
  const payments = page.getByRole('region', { name: 'Payments' })
  await expect(payments).toContainText('No payments recorded.')

  await form.recordPayment('100', 'CHK-1001')
  await expect(form.total('Balance Due')).toHaveValue('200.00')
  const grid = payments.getByRole('table', { name: 'Payments' })
  const first = grid.getByRole('row', { name: /CHK-1001/ })
  await expect(first).toContainText('100.00')
  await expect(first).toContainText('Bank Transfer')

  // Void Payment asks for the reason, and refuses none.
  await first.getByRole('button', { name: 'Void Payment of 100.00' }).click()
  const voidDialog = page.getByRole('dialog', { name: 'Void Payment' })
  await voidDialog.getByRole('button', { name: 'Void Payment' }).click()
  await expect(voidDialog.getByText('Say why the payment is voided.')).toBeVisible()
  await expect(voidDialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true')
  await voidDialog.getByLabel('Reason').fill('Typed on the wrong invoice')
  await voidDialog.getByRole('button', { name: 'Void Payment' }).click()
  await expect(voidDialog).toBeHidden()
  await expect(form.total('Balance Due')).toHaveValue('300.00')
  await expect(form.total('Amount Paid')).toHaveValue('0.00')
  await expect(first).toContainText('Voided')
  await expect(first).toContainText('Typed on the wrong invoice')
  await expect(first.getByRole('button', { name: /Void Payment/ })).toHaveCount(0)

  // The full amount: Paid, Complete. Then money given back: the balance is due again, Paid, Partial.
  await form.recordPayment('300', 'CHK-1002')
  await expect(form.total('Balance Due')).toHaveValue('0.00')
  await expect(page.getByText('This invoice is paid and read-only')).toBeVisible()
  await payments.getByRole('button', { name: 'Refund' }).click()
  const refund = page.getByRole('dialog', { name: 'Refund' })
  await refund.getByLabel('Refund Amount', { exact: true }).fill('300.01')
  await refund.getByLabel('Refund Reference', { exact: true }).fill('RF-7')
  await refund.getByRole('button', { name: 'Record Refund' }).click()
  await expect(
    refund.getByText('Refund of 300.01 is more than the 300.00 paid and not yet refunded.'),
  ).toBeVisible()
  await refund.getByLabel('Refund Amount', { exact: true }).fill('50')
  await refund.getByRole('button', { name: 'Record Refund' }).click()
  await expect(refund).toBeHidden()
  await expect(form.total('Balance Due')).toHaveValue('50.00')
  await expect(form.total('Amount Paid')).toHaveValue('250.00')
  await expect(grid.getByRole('row', { name: /RF-7/ })).toContainText('−50.00')
  await expect(page.getByText('Partial', { exact: true })).toBeVisible()
  const history = page.getByRole('region', { name: 'History' })
  await expect(history).toContainText('Voided the payment of 100.00: Typed on the wrong invoice')
  await expect(history).toContainText('Refund 50.00 by bank transfer, ref. RF-7')

  // The Payments grid at a laptop's size, light and dark.
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await payments.scrollIntoViewIfNeeded()
    await page.screenshot({
      animations: 'disabled',
      path: `test-results/screens/payments-grid-${colorScheme}.png`,
    })
    await keepScreen(page, testInfo, `invoice-payments-${colorScheme}`)
  }
})

test('Invoice Paid records the typed amount, refuses a wrong one beside the field, and asks before closing with a balance', async ({
  page,
}, testInfo) => {
  test.slow()
  const form = await invoiceOf300(page, 'Typed amount')
  await form.button('Invoice Paid').click()
  const dialog = page.getByRole('dialog', { name: 'Invoice Paid' })
  const amount = dialog.getByLabel('Amount', { exact: true })
  await expect(amount).toHaveValue('300.00')

  // A wrong amount is refused beside the field, and nothing is recorded or closed.
  await amount.fill('-5')
  await dialog.getByRole('button', { name: 'Mark as Paid' }).click()
  await expect(dialog.getByText('A payment must be more than zero.')).toBeVisible()
  await expect(amount).toHaveAttribute('aria-invalid', 'true')
  await expect(form.total('Balance Due')).toHaveValue('300.00')

  // 100 typed, Mark as Paid: the 100.00 is recorded, then the dialog asks about the 200.00 left.
  await amount.fill('100')
  await dialog.getByRole('button', { name: 'Mark as Paid' }).click()
  await expect(dialog.getByText('Close with 200.00 still due?')).toBeVisible()
  await keepScreen(page, testInfo, 'invoice-paid-close-with-balance')
  await dialog.getByRole('button', { name: 'Go Back' }).click()
  await expect(dialog.getByText('Close with 200.00 still due?')).toBeHidden()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(form.total('Balance Due')).toHaveValue('200.00')
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('100.00')
  await expect(page.getByText('This invoice is paid and read-only')).toBeHidden()

  // Asked again (nothing recorded twice), and this time closed: Paid, Partial.
  await form.button('Invoice Paid').click()
  await amount.fill('0')
  await dialog.getByRole('button', { name: 'Mark as Paid' }).click()
  await dialog.getByRole('button', { name: 'Close as Paid' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('This invoice is paid and read-only')).toBeVisible()
  await expect(page.getByText('Partial', { exact: true })).toBeVisible()
  await expect(form.total('Balance Due')).toHaveValue('200.00')
  await expect(page.getByRole('table', { name: 'Payments' }).getByRole('row')).toHaveCount(2)
})

test('the Invoices list shows the Balance Due and marks an overdue invoice', async ({ page }) => {
  test.slow()
  const form = await invoiceOf300(page, 'Overdue one')
  // An invoice of 2020 (a new one is dated today, and its Due Date may not come before its Invoice Date).
  await form.dateField('Invoice Date').fill('2020-01-01')
  await form.dateField('Due Date').fill('2020-01-31')
  await form.save()
  await form.recordPayment('120', 'CHK-9')
  await page.goto('/#/invoices')
  const row = page
    .getByRole('table', { name: 'Invoices' })
    .getByRole('row', { name: /Overdue one/ })
  // The Balance Due in its own right-aligned cell, the currency in the next.
  await expect(row.getByRole('cell', { name: '180.00', exact: true })).toBeVisible()
  await expect(row.getByRole('cell', { name: 'USD', exact: true })).toBeVisible()
  await expect(row).toContainText('Overdue')
})
