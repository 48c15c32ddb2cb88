/**
 * The built main process serves its window with its own policy, and the built preload reaches main's IPC router,
 * which answers the app's page and refuses any other.
 */
import { contentSecurityPolicy } from '../../src-main/security/policy'
import { expect, test } from './fixtures'

type Bridge = { fieldbill: { 'app:info': (request: undefined) => Promise<unknown> } }

test('main serves the window with its policy and answers through the preload and router', async ({
  page,
  context,
  home,
}) => {
  await expect(page.getByRole('navigation', { name: 'Site map' })).toBeVisible()
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy(null))

  const info = await page.evaluate(() =>
    (window as unknown as Bridge).fieldbill['app:info'](undefined),
  )
  expect(info).toMatchObject({
    ok: true,
    value: { name: 'fieldbill', dataFolder: `${home}/userData` },
  })

  // A page that is not the app's gets the same preload, and main's router refuses it.
  const stranger = await context.newPage()
  await stranger.goto('about:blank')
  const refused = await stranger.evaluate(() =>
    (window as unknown as Bridge).fieldbill['app:info'](undefined),
  )
  expect(refused).toEqual({ ok: false, error: 'Refused: the request did not come from the app.' })
})
