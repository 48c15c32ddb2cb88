/**
 * What the status bar and the forms say about sync is true at every moment, against a real sync server and
 * PostgreSQL (started and stopped by this spec): a change is pending from the moment it is saved, connected or
 * not, and settles only once the server has answered (its answers held back on purpose); a first sync of
 * thousands of invoices shows what it moves; refused changes are grouped by reason, named, paged and dealt with.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { settings } from '../src-core/documents/test-support/fixtures'
import type { Customer } from '../src-core/documents'
import { invoice } from '../src-server/test-support/documents'
import { expect, test as base } from './fixtures'
import { choose } from './pages/app'
import { InvoiceForm } from './pages/invoice-form'
import { startSyncServer, type SyncServer } from './sync-server'

const REP = { name: 'ann', password: 'ann-password' }
const OFFICE = { name: 'office', password: 'office-password' }
const AT = '2025-03-01T09:00:00.000Z'
const HARBOR: Customer = {
  id: 'C-harbor',
  updatedAt: AT,
  name: 'Harbor Supply',
  ownerId: REP.name,
  contacts: [],
  billTo: { line1: '2 Pier St', city: 'Astoria' },
  shipTo: { line1: '2 Pier St', city: 'Astoria' },
  priceListId: 'retail',
  currencyCode: 'USD',
}

const test = base.extend<object, { syncServer: SyncServer }>({
  syncServer: [
    async ({}, use) => {
      const server = await startSyncServer()
      await server.addUser(REP.name, 'rep', REP.password)
      await server.addUser(OFFICE.name, 'admin', OFFICE.password)
      await server.push(OFFICE.name, OFFICE.password, 'settings', [settings])
      await server.push(OFFICE.name, OFFICE.password, 'catalogrefs', [
        { kind: 'priceList', id: 'retail', updatedAt: AT, name: 'Retail', currencyCode: 'USD' },
      ])
      await server.push(REP.name, REP.password, 'customers', [HARBOR])
      await use(server)
      await server.stop()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })

async function laptop(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  return { context, page: await context.newPage() }
}

async function connect(page: Page, url: string): Promise<void> {
  await page.goto('/#/settings/sync')
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible()
  await page.getByLabel('Server URL').fill(url)
  await page.getByLabel('User').fill(REP.name)
  await page.getByLabel('Password').fill(REP.password)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('status')).toContainText(`Connected to ${url} as ${REP.name}`)
}

/**
 * Holds the server's answers to pushes until released: the server is slow, the device must not guess. Each
 * hold is a route of its own, asked first (Playwright asks the latest route first); once released it lets
 * every push through.
 */
async function holdPushes(page: Page, url: string) {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  let seen: () => void = () => undefined
  const held = new Promise<void>((resolve) => (seen = resolve))
  await page.route(new RegExp(`^${url.replace(/[.]/g, '\\.')}/sync/\\w+/push$`), async (route) => {
    seen()
    await released
    await route.continue()
  })
  return { held, release }
}

async function toPage(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Site map' }).getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

test('a change is pending from the moment it is saved and settles only on the server’s answer', async ({
  browser,
  syncServer,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the server answers are held in a browser context',
  )
  test.setTimeout(240_000)
  const { context, page } = await laptop(browser)
  try {
    // Never connected: a customer typed now is a change the server does not have.
    await page.goto('/#/customers')
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible()
    await page.getByRole('button', { name: 'New', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Customer' })
    await dialog.getByLabel('Account Name').fill('Offline Outfitters')
    await dialog.getByLabel('Bill To Street').fill('2 Pier St')
    await dialog.getByLabel('Bill To City').fill('Astoria')
    await dialog.getByRole('button', { name: 'Save and Close' }).click()
    await expect(dialog).toBeHidden()
    await expect(statusBar(page)).toContainText('1 pending')

    // Connected, with the server's answer held: still pending, and the bar says what is being sent.
    let hold = await holdPushes(page, syncServer.url)
    await connect(page, syncServer.url)
    await hold.held
    await expect(statusBar(page)).toContainText('1 pending')
    await expect(statusBar(page)).toContainText('Sending 0 of 1')
    hold.release()
    await expect(statusBar(page)).toContainText('0 pending', { timeout: 60_000 })
    await expect(statusBar(page)).not.toContainText('Sending')

    // An invoice saved online: pending at once, synced only when the server has answered.
    const form = new InvoiceForm(page)
    await form.newFromList()
    await page.getByLabel('Name', { exact: true }).fill('Harbor restock')
    await form.pickCustomer('Harbor', 'Harbor Supply')
    await expect(page.getByRole('combobox', { name: 'Price List' })).toHaveText('Retail')
    hold = await holdPushes(page, syncServer.url)
    await form.save()
    await expect(page.getByText('Sync pending', { exact: true })).toBeVisible()
    await expect(statusBar(page)).toContainText('1 pending')
    await hold.held
    await expect(page.getByText('Sync pending', { exact: true })).toBeVisible()
    hold.release()
    await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 60_000 })
    await expect(statusBar(page)).toContainText('0 pending')

    // Offline: an edit is pending at once; back online with the server slow, it stays pending until answered.
    await context.setOffline(true)
    await expect(statusBar(page).getByRole('link', { name: /^Offline/ })).toBeVisible()
    await page.getByLabel('Description', { exact: true }).fill('Typed offline')
    await form.save()
    await expect(page.getByText('Sync pending', { exact: true })).toBeVisible()
    await expect(statusBar(page)).toContainText('1 pending')
    hold = await holdPushes(page, syncServer.url)
    await context.setOffline(false)
    await hold.held
    await expect(statusBar(page)).toContainText('1 pending')
    await expect(page.getByText('Sync pending', { exact: true })).toBeVisible()
    hold.release()
    await expect(page.getByText('Synced', { exact: true })).toBeVisible({ timeout: 60_000 })
    await expect(statusBar(page)).toContainText('0 pending')
  } finally {
    await context.close()
  }
})

test('a first sync of thousands of invoices shows what it receives', async ({
  browser,
  syncServer,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'electron',
    'the server answers are slowed in a browser context',
  )
  test.setTimeout(300_000)
  // 2,000 invoices of the rep's customer, already on the server (made on other devices).
  const invoices = Array.from({ length: 2000 }, (_, i) =>
    invoice(`I-seed-${i}`, `INV-${String(10_000 + i).padStart(5, '0')}-AAAAAA`, HARBOR, 1),
  )
  for (let start = 0; start < invoices.length; start += 500)
    await syncServer.push(REP.name, REP.password, 'invoices', invoices.slice(start, start + 500))

  const { context, page } = await laptop(browser)
  try {
    // Each page of invoices answered a little late, so the progress can be read as a rep would.
    await page.route(/\/sync\/invoices\/pull\?/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700))
      await route.continue()
    })
    await connect(page, syncServer.url)
    const bar = statusBar(page)
    await expect(bar).toContainText(/Receiving [\d,]+ of 2,00\d invoices/, { timeout: 60_000 })
    await expect(bar.getByRole('progressbar')).toBeVisible()
    await expect(bar).toContainText(
      /Receiving [\d,]+ of 2,00\d invoices · (less than a|about \d+) min/,
    )
    await page.goto('/#/invoices')
    await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible()
    await expect(bar).toContainText(/Receiving [\d,]+ of 2,00\d invoices/)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        animations: 'disabled',
        path: `test-results/screens/first-sync-progress-${scheme}.png`,
      })
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(bar).not.toContainText('Receiving', { timeout: 180_000 })
    await page.goto('/#/settings/data')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Import, export and backup' }),
    ).toBeVisible()
    await expect(page.getByLabel('Invoices', { exact: true })).toHaveText(/^200\d$/)
    await expect(bar).toContainText('0 pending')
  } finally {
    await context.close()
  }
})

test('refused changes are grouped by reason, named, paged and can be dealt with', async ({
  browser,
  syncServer,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'a browser context of its own')
  test.setTimeout(240_000)
  const { context, page } = await laptop(browser)
  try {
    await connect(page, syncServer.url)
    // The rep sets up catalog records, which only the back office may change: the server refuses them.
    await toPage(page, 'Products', 'Products')
    await page.getByRole('button', { name: 'Unit Groups', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Unit Groups' })).toBeVisible()
    await page.getByRole('button', { name: 'New', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Unit Group' })
    await dialog.getByLabel('Name', { exact: true }).fill('Bottles')
    await dialog.getByLabel('Base Unit').fill('Bottle')
    await dialog.getByRole('button', { name: 'Save and Close' }).click()
    await expect(dialog).toBeHidden()
    await page.goto('/#/settings/data')
    await choose(page, page, 'What to import', 'Products')
    const rows = Array.from(
      { length: 24 },
      (_, i) => `P-${10 + i},Sparkling water ${i + 1},Bottles,2.50`,
    )
    await page.getByLabel('CSV file').setInputFiles({
      name: 'products.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['productNumber,name,unitGroup,listPrice', ...rows].join('\r\n')),
    })
    await page.getByRole('button', { name: 'Preview' }).click()
    await page
      .getByRole('region', { name: 'Import preview' })
      .getByRole('button', { name: 'Import' })
      .click()
    await expect(statusBar(page)).toContainText('25 rejected', { timeout: 60_000 })

    await page.goto('/#/settings/sync')
    const refused = page.getByRole('region', { name: 'Changes the server refused' })
    const group = refused.getByRole('region', { name: /Changes you may not make \(25\)/ })
    await expect(group).toContainText(
      'The catalog and other reps’ customers are kept by the back office',
    )
    await expect(group.getByRole('listitem')).toHaveCount(20)
    await expect(group).toContainText('1–20 of 25')
    await expect(group).toContainText('Product Sparkling water 1 · P-10')
    // Nothing internal: no collection names, no ids, no JSON.
    await expect(refused).not.toContainText(/catalogrefs|products \[|\{"|unitGroupId/)
    await refused.evaluate((section) => section.scrollIntoView())
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await page.screenshot({
        animations: 'disabled',
        path: `test-results/screens/refusals-${scheme}.png`,
      })
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await group.getByRole('button', { name: 'Next' }).click()
    await expect(group.getByRole('listitem')).toHaveCount(5)
    await expect(group).toContainText('21–25 of 25')
    await expect(group).toContainText('Unit group Bottles')
    await expect(group.getByRole('button', { name: 'Try again' })).toHaveCount(0)

    await group.getByRole('button', { name: 'Keep the server’s version for all' }).click()
    await expect(refused).toBeHidden()
    await expect(statusBar(page)).not.toContainText('rejected')
    await expect(statusBar(page)).toContainText('0 pending')
  } finally {
    await context.close()
  }
})
