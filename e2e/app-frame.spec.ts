/**
 * The window's frame at 1366×768: the sync status bar stays at the bottom of the window on a page longer than
 * the window (Settings › Import, export and backup), and the tab shows the app's icon.
 */
import { expect, test } from './fixtures'
import { DataPage } from './pages/data-page'

test.use({ viewport: { width: 1366, height: 768 } })

test('the status bar is fixed to the bottom of the window, and the app has a favicon', async ({
  page,
  request,
}) => {
  await new DataPage(page).open()
  const bar = page.getByRole('contentinfo', { name: 'Sync status' })
  const automatic = page.getByRole('heading', { name: 'Automatic backups' })
  // The page is longer than the window: its last section starts below the fold.
  expect((await automatic.boundingBox())?.y ?? 0).toBeGreaterThan(768)
  const bottom = async () => {
    const box = await bar.boundingBox()
    return Math.round((box?.y ?? 0) + (box?.height ?? 0))
  }
  expect(await bottom()).toBe(768)
  await automatic.scrollIntoViewIfNeeded()
  expect(await bottom()).toBe(768)

  const icon = await page.evaluate(
    () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
  )
  expect(icon).toMatch(/\.svg$/)
  const answer = await request.get(icon)
  expect(answer.ok()).toBe(true)
  expect(answer.headers()['content-type']).toContain('image/svg+xml')
})
