/**
 * Page model of Settings › Import, export and backup: choose what to import, give a CSV file, Preview, Import,
 * and the counts of what the device holds, all by role and accessible name.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { choose } from './app'

export type ImportKindLabel = 'Customers' | 'Products' | 'Price List Items'

export class DataPage {
  readonly importSection: Locator
  readonly preview: Locator

  constructor(readonly page: Page) {
    this.importSection = page.getByRole('region', { name: 'Import from CSV' })
    this.preview = page.getByRole('region', { name: 'Import preview' })
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings/data')
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Import, export and backup' }),
    ).toBeVisible()
  }

  async chooseKind(kind: ImportKindLabel): Promise<void> {
    await choose(this.page, this.page, 'What to import', kind)
  }

  /** Chooses what to import and the file, then Preview; the preview region is shown. */
  async previewCsv(kind: ImportKindLabel, csv: string, name = 'import.csv'): Promise<void> {
    await this.chooseKind(kind)
    await this.page
      .getByLabel('CSV file')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await this.importSection.getByRole('button', { name: 'Preview' }).click()
    await expect(this.preview).toBeVisible()
  }

  /** Import of the previewed good rows; waits for the outcome. */
  async importPreviewed(): Promise<Locator> {
    await this.preview.getByRole('button', { name: 'Import', exact: true }).click()
    const outcome = this.importSection.getByRole('status')
    await expect(outcome).toBeVisible()
    return outcome
  }

  /** How many records of a kind the device holds, as the page shows it ('Customers'). */
  count(label: string): Locator {
    // Inside "On this device": a kind dropdown just used can still show its option of the same name.
    return this.page
      .getByRole('region', { name: 'On this device' })
      .getByLabel(label, { exact: true })
  }
}
