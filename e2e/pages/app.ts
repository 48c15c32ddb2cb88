/**
 * Page models of the rep's workflows: each step of the Dynamics 365 Sales guide as one method, finding every
 * control by its role and accessible name, never by CSS.
 */
import { existsSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  expect,
  test,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test'

/**
 * The sample company for a test that starts from it. The first such test of a run loads it by hand (Settings ›
 * Load sample company) and keeps the browser's storage (localStorage and IndexedDB) in the run's output folder;
 * every later test starts from that prepared store, a fraction of the load's time. Playwright empties the output
 * folder at the start of each run, so the store always comes from the build under test. The Electron project
 * has a profile of its own and loads by hand.
 */
export async function loadSampleCompany(page: Page): Promise<void> {
  const info = test.info()
  if (info.project.name !== 'chromium') return loadSampleCompanyByHand(page)
  const port = process.env.E2E_PORT ?? '5199'
  const file = join(info.project.outputDir, '.prepared', `sample-company-${port}.json`)
  if (existsSync(file)) {
    await page.context().setStorageState(file)
    await page.goto('/#/invoices')
    // Generous: restoring the store and opening the database take many seconds on a busy 2-core machine.
    await expect(page.getByRole('link', { name: /^INV-/ }).first()).toBeVisible({ timeout: 90_000 })
    return
  }
  // The test that prepares the store pays for the load once for the whole run: it gets the load's time on top.
  info.setTimeout(info.timeout + 180_000)
  await loadSampleCompanyByHand(page)
  const state = await withListIndexes(page)
  await mkdir(dirname(file), { recursive: true })
  // Written whole, then renamed: a test in another worker never reads half a file.
  const partial = `${file}.${process.pid}-${Date.now()}`
  await writeFile(partial, JSON.stringify(state))
  await rename(partial, file)
  // Where a restored test starts too: keeping the indexes left the page on Orders.
  await page.goto('/#/invoices')
  await expect(page.getByRole('link', { name: /^INV-/ }).first()).toBeVisible({ timeout: 90_000 })
}

/** The local documents in which the Invoices and Orders lists keep their index once built. */
const LIST_INDEXES = ['list-index-invoices', 'list-index-orders']

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

/** What a storage state with `indexedDB: true` holds per origin, as far as read here. */
interface StoredOrigin {
  indexedDB?: { name: string; stores: { records: { value?: unknown }[] }[] }[]
}

/** The ids of the list indexes kept in the sample company's local documents of `state`. */
function storedIndexes(state: StorageState): string[] {
  return (state.origins as StoredOrigin[])
    .flatMap((o) => o.indexedDB ?? [])
    .filter((db) => db.name.includes('fieldbill-sample') && db.name.includes('local-documents'))
    .flatMap((db) => db.stores.flatMap((store) => store.records))
    .map((r) => (r.value as { id?: string } | undefined)?.id ?? '')
    .filter((id) => LIST_INDEXES.includes(id))
    .sort()
}

/**
 * The browser's storage once the Invoices and Orders lists have built their kept indexes and stored them beside
 * the data, as the app does after a first start: every test restored from it opens its lists from the stored
 * index, as a rep's app does after a restart, instead of reading every record to rebuild it. Should the app stop
 * storing them, the state is taken without them: slower later tests, the same behaviour.
 */
async function withListIndexes(page: Page): Promise<StorageState> {
  await page
    .getByRole('navigation', { name: 'Site map' })
    .getByRole('link', { name: 'Orders' })
    .click()
  await expect(page.getByRole('link', { name: /^ORD-/ }).first()).toBeVisible({ timeout: 90_000 })
  let state = await page.context().storageState({ indexedDB: true })
  await expect
    .poll(
      async () => storedIndexes((state = await page.context().storageState({ indexedDB: true }))),
      { timeout: 30_000 },
    )
    .toEqual(LIST_INDEXES)
    .catch(() => undefined)
  return state
}

/** Settings › Load sample company, from an empty database; waits until the Invoices list shows invoices. */
export async function loadSampleCompanyByHand(page: Page): Promise<void> {
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

/**
 * Keeps a screenshot of a main screen as a test artifact (test-results/screens/<name>.png). Transitions are run to
 * their end first (`animations: 'disabled'`): a page just turned read-only otherwise shows its boxes half faded.
 */
export async function keepScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = `test-results/screens/${name}.png`
  await page.screenshot({ animations: 'disabled', path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
