/**
 * The one list pattern on the sample company at 1366×768, the common laptop: single-line rows (15 invoices
 * above the fold), every column sorts and says so (aria-sort), the record count, one search that finds a
 * customer by a word inside its name, the Created On filter, and an empty list that says what to do.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { loadSampleCompany } from './pages/app'
import { ListView } from './pages/list-view'

test.use({ viewport: { width: 1366, height: 768 } })

/** Every list of the site map with one of its columns and a word a rep would search it for. */
const LISTS = [
  { title: 'Invoices', table: 'Invoices' },
  { title: 'Orders', table: 'Orders' },
  { title: 'Customers', table: 'Customers' },
  { title: 'Products', table: 'Products' },
  { title: 'Price Lists', table: 'Price List Items' },
  { title: 'Opportunities', table: 'Opportunities' },
] as const

const number = (text: string) => Number(text.replace(/[^\d.-]/g, ''))

/** Rows wholly in the window above the status bar fixed to its bottom (or the window's end without one). */
async function rowsAboveTheFold(page: Page, list: ListView): Promise<number> {
  const bar = await page.getByRole('contentinfo', { name: 'Sync status' }).boundingBox()
  const window = page.viewportSize()?.height ?? 0
  const height = Math.min(window, bar && bar.y > 0 ? bar.y : window)
  const boxes = await list
    .rows()
    .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().bottom))
  return boxes.filter((bottom) => bottom <= height).length
}

test('the Invoices list: 15 single-line rows above the fold, a count, every column sorts', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await loadSampleCompany(page)
  const invoices = new ListView(page, 'Invoices')
  await expect(invoices.count()).toHaveText('1–25 of 300')
  await expect(invoices.rows()).toHaveCount(25)
  expect(await rowsAboveTheFold(page, invoices)).toBeGreaterThanOrEqual(15)
  // Newest first is the sort the list opens with, and it says so.
  await expect(invoices.header('Created On')).toHaveAttribute('aria-sort', 'descending')

  const headers = await invoices.table.getByRole('columnheader').allInnerTexts()
  expect(headers.map((h) => h.trim())).toEqual([
    'Invoice ID',
    'Name',
    'Customer',
    'Status',
    'Total Amount',
    'Balance Due',
    'Currency',
    'Due Date',
    'Created On',
  ])
  for (const name of headers.map((h) => h.trim())) {
    await invoices.sortBy(name, 'ascending')
    for (const other of headers.map((h) => h.trim()).filter((h) => h !== name))
      await expect(invoices.header(other)).toHaveAttribute('aria-sort', 'none')
    await expect(invoices.count()).toHaveText('1–25 of 300')
  }

  // Sorted amounts read in order, right-aligned, with the currency in its own column.
  await invoices.sortBy('Total Amount', 'descending')
  await expect
    .poll(async () => {
      const amounts = (await invoices.column('Total Amount')).map(number)
      return amounts.length === 25 && amounts.every((a, i) => i === 0 || amounts[i - 1]! >= a)
    })
    .toBe(true)
  const top = (await invoices.column('Total Amount')).map(number)
  await invoices.sortBy('Total Amount', 'ascending')
  await expect
    .poll(async () => number((await invoices.column('Total Amount'))[0] ?? ''))
    .toBeLessThan(top[0]!)
  const align = await invoices
    .rows()
    .first()
    .getByRole('cell')
    .nth(4)
    .evaluate((td) => getComputedStyle(td).textAlign)
  expect(align).toBe('right')
  expect((await invoices.column('Currency')).every((c) => /^[A-Z]{3}$/.test(c))).toBe(true)

  await invoices.sortBy('Customer', 'ascending')
  await expect
    .poll(async () => {
      const names = await invoices.column('Customer')
      return names.every(
        (n, i) =>
          i === 0 || names[i - 1]!.localeCompare(n, undefined, { sensitivity: 'base' }) <= 0,
      )
    })
    .toBe(true)

  // Every row is one line: as high as the first.
  const heights = await invoices
    .rows()
    .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))
  expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(2)
})

test('one search finds an invoice by a word inside its customer’s name; Created On from and to filter', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await loadSampleCompany(page)
  const invoices = new ListView(page, 'Invoices')
  await expect(invoices.count()).toHaveText('1–25 of 300')

  // A customer's second word, cut short and in capitals: found in the middle of the name.
  const customers = await invoices.column('Customer')
  const customer = customers.find((c) => c.split(' ').length > 1)!
  const word = customer.split(' ')[1]!.slice(0, 4).toUpperCase()
  await invoices.search().fill(word)
  await expect(invoices.count()).not.toHaveText('1–25 of 300')
  await expect(invoices.count()).toHaveText(/^1–\d+ of \d+$/)
  const found = await invoices.column('Customer')
  expect(found).toContain(customer)
  for (const text of await invoices.rows().allInnerTexts())
    expect(text.toUpperCase()).toContain(word)

  // The number anywhere: the digits of an invoice ID without its prefix.
  await invoices.search().fill('')
  await expect(invoices.count()).toHaveText('1–25 of 300')
  const id = (await invoices.column('Invoice ID'))[3]!
  await invoices.search().fill(id.slice(4, 9))
  await expect(invoices.table.getByRole('link', { name: id })).toBeVisible()
  await invoices.search().fill('')
  await expect(invoices.count()).toHaveText('1–25 of 300')

  // The Created On range of the newest invoice's day holds only invoices of that day.
  const day = (await invoices.column('Created On'))[0]!
  const iso = new Date(`${day} 12:00 UTC`).toISOString().slice(0, 10)
  await page.getByLabel('Created On from').fill(iso)
  await page.getByLabel('Created On to').fill(iso)
  await expect(invoices.count()).not.toHaveText('1–25 of 300')
  await expect(invoices.count()).toHaveText(/^1–\d+ of \d+$/)
  await expect
    .poll(async () => new Set(await invoices.column('Created On')))
    .toEqual(new Set([day]))
  await page.getByLabel('Created On from').fill('2999-01-01')
  await page.getByLabel('Created On to').fill('')
  await expect(invoices.table).toContainText('No invoices match the search or filters.')
})

test('an empty list says what to do', async ({ page }) => {
  await page.goto('/#/invoices')
  const invoices = new ListView(page, 'Invoices')
  await expect(invoices.table).toContainText(
    'No invoices yet. Create one, or try the sample company.',
  )
  await expect(invoices.table.getByRole('link', { name: 'Load the sample company' })).toBeVisible()
  await page.goto('/#/customers')
  await expect(new ListView(page, 'Customers').table).toContainText('No customers yet.')
})

test('the six lists at 1366×768 in light and dark: screenshots, and no serious or critical accessibility violation', async ({
  page,
}, testInfo) => {
  test.setTimeout(400_000)
  await loadSampleCompany(page)
  const problems: Array<[string, string[]]> = []
  for (const { title, table } of LISTS) {
    const list = new ListView(page, title, table)
    await list.open()
    await expect(list.rows().first().getByRole('cell').first()).not.toBeEmpty()
    await expect(list.count()).toBeVisible()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      // The window as the rep sees it, not the whole page: what is above the fold is the point.
      const slug = title.toLowerCase().replace(/\W+/g, '-')
      const path = `test-results/screens/list-${slug}-${scheme}.png`
      await page.screenshot({ animations: 'disabled', path })
      await testInfo.attach(`list-${slug}-${scheme}`, { path, contentType: 'image/png' })
      const results = await new AxeBuilder({ page }).analyze()
      const bad = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      )
      problems.push([
        `${title} (${scheme})`,
        bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
      ])
    }
    await page.emulateMedia({ colorScheme: 'light' })
  }
  expect(problems.filter(([, found]) => found.length > 0)).toEqual([])
})
