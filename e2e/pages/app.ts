/**
 * Page models of the rep's workflows: each step of the Dynamics 365 Sales guide as one method, finding every
 * control by its role and accessible name, never by CSS.
 */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test'

/** Settings › Load sample company, from an empty database; waits until the Invoices list shows invoices. */
export async function loadSampleCompany(page: Page): Promise<void> {
  await page.goto('/#/settings')
  await page.getByRole('button', { name: 'Load sample company' }).click()
  await expect(page.getByRole('status')).toBeVisible({ timeout: 60_000 })
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Invoices' })
    .click()
  // Generous: the first page of a fresh sample database waits for its list index on a busy machine.
  await expect(page.getByRole('link', { name: /^INV-/ }).first()).toBeVisible({ timeout: 90_000 })
}

/** Picks an option of a PrimeVue Select found by its accessible name. */
export async function choose(
  page: Page,
  scope: Page | Locator,
  name: string,
  option: string | RegExp,
) {
  await scope.getByRole('combobox', { name, exact: true }).click()
  await page.getByRole('option', { name: option }).first().click()
}

/** Keeps a screenshot of a main screen as a test artifact (test-results/screens/<name>.png). */
export async function keepScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = `test-results/screens/${name}.png`
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
