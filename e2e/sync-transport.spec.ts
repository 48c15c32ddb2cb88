/**
 * Settings › Sync refuses a plain http:// server on another computer before any password is sent, and says why.
 * No server is needed: nothing may be sent.
 */
import { expect, test } from './fixtures'

test('a plain http:// server address is refused with the reason, and nothing is sent', async ({
  page,
}) => {
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith('http://sync.example.com')) sent.push(request.url())
  })
  await page.goto('/#/settings/sync')
  await page.getByLabel('Server URL').fill('http://sync.example.com')
  await page.getByLabel('User').fill('ann')
  await page.getByLabel('Password').fill('ann-password')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'The server address must start with https:// — a password sent over http:// can be read on the network. Only a server on this computer may use http://.',
  )
  expect(sent).toEqual([])
})
