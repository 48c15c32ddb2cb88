/**
 * Page model of the one list (Invoices, Orders, Customers, Products, Price Lists, Opportunities): the table by
 * its name, its column headers, the Search box and the record count, all found by role and accessible name.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export class ListView {
  readonly table: Locator

  /**
   * @param title - the page heading and site map entry ('Invoices')
   * @param tableName - the table's name when it is not the title ('Price List Items')
   */
  constructor(
    readonly page: Page,
    readonly title: string,
    tableName = title,
  ) {
    this.table = page.getByRole('table', { name: tableName, exact: true })
  }

  /** Opens the list from the site map and waits for its heading. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Site map' })
      .getByRole('link', { name: this.title, exact: true })
      .click()
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.title, exact: true }),
    ).toBeVisible()
  }

  header(name: string): Locator {
    return this.table.getByRole('columnheader', { name, exact: true })
  }

  /** The rows of the page on screen (the header row left out). */
  rows(): Locator {
    return this.table.locator('tbody').getByRole('row')
  }

  /** The text of one column on every row shown. */
  async column(name: string): Promise<string[]> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts()
    const index = headers.findIndex((h) => h.trim() === name)
    expect(index, `column ${name} among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0)
    const cells = await this.rows().evaluateAll(
      (rows, i) => rows.map((r) => r.querySelectorAll('td')[i]?.innerText.trim() ?? ''),
      index,
    )
    return cells
  }

  /** Clicks a column header until the list is sorted on it in the direction asked for. */
  async sortBy(name: string, direction: 'ascending' | 'descending'): Promise<void> {
    const header = this.header(name)
    for (let i = 0; i < 2; i++) {
      if ((await header.getAttribute('aria-sort')) === direction) break
      await header.click()
    }
    await expect(header).toHaveAttribute('aria-sort', direction)
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' })
  }

  /** "1–25 of 300" once counted. */
  count(): Locator {
    return this.page.getByText(/^\d[\d,.  ]*–\d[\d,.  ]* of \d[\d,.  ]*$/)
  }
}
