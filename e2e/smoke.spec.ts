import { expect, test } from './fixtures'
import { readFileSync } from 'node:fs'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
const siteMap = [
  'Home',
  'Orders',
  'Invoices',
  'Customers',
  'Products',
  'Price Lists',
  'Opportunities',
  'Settings',
]

test('the app opens on its start page with the site map', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Site map' })
  for (const entry of siteMap) {
    await expect(nav.getByRole('link', { name: entry, exact: true })).toBeVisible()
  }
})

test('every site-map entry navigates to its page', async ({ page }) => {
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Site map' })
  for (const entry of siteMap) {
    await nav.getByRole('link', { name: entry, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: entry })).toBeVisible()
    await expect(page).toHaveTitle(`${entry} · Fieldbill`)
  }
})

test('the About dialog shows the version', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'About' }).click()
  const dialog = page.getByRole('dialog', { name: 'About Fieldbill' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText(version, { exact: true })).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})
