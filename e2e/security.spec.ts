import { expect, test } from './fixtures'

test('the page has no Node globals, and the bridge (if any) only the contract', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      Buffer: typeof w.Buffer,
      ipcRenderer: typeof w.ipcRenderer,
    }
  })
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
  })
  const bridge = await page.evaluate(() => {
    const b = (window as unknown as { fieldbill?: object }).fieldbill
    return b ? Object.keys(b).sort() : null
  })
  // In a browser there is no bridge; in Electron it has one function per contract channel and `on`.
  const inElectron = test.info().project.name === 'electron'
  const desktopBridge = [
    'app:info',
    'app:theme',
    'app:unsent-changes',
    'backup:list',
    'backup:read',
    'backup:status',
    'backup:write',
    'file:open-dialog',
    'file:save-dialog',
    'mail:open-draft',
    'mail:outbox-status',
    'mail:queue',
    'mail:retry',
    'on',
    'pdf:export',
    'pdf:for-email',
    'print:invoice',
    'print:list-printers',
    'print:save-settings',
    'print:settings',
    'secrets:has-smtp',
    'secrets:set-smtp',
    'shell:open-external',
    'smtp:save-settings',
    'smtp:settings',
    'sync:clear-token',
    'sync:get-token',
    'sync:save-token',
  ]
  expect(bridge).toEqual(inElectron ? desktopBridge : null)
})

// eval is not tested here: DevTools evaluation is exempt from CSP, so page.evaluate could not prove it; the unit
// test of the policy checks that 'unsafe-eval' is absent.
test('the CSP blocks inline script and remote images', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  const result = await page.evaluate(async () => {
    const blocked: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => blocked.push(e.effectiveDirective))
    const w = window as unknown as { injected?: boolean }
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
    const img = document.createElement('img')
    img.src = 'https://tracker.example/pixel.png'
    document.body.append(img)
    await new Promise((resolve) => setTimeout(resolve, 200))
    return { injected: w.injected === true, blocked: blocked.sort() }
  })
  expect(result).toEqual({ injected: false, blocked: ['img-src', 'script-src-elem'] })
})

test('window.open and links to another origin are blocked', async ({ page, context }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  const popups: string[] = []
  context.on('page', (p) => popups.push(p.url()))
  const opened = await page.evaluate(() => window.open('https://evil.example/') !== null)
  expect(opened).toBe(false)

  // A link that customer data could carry (say, in a description) must not take the app away.
  await page.evaluate(() => {
    const a = document.createElement('a')
    a.href = 'https://evil.example/steal'
    a.textContent = 'Click me'
    document.querySelector('main')?.append(a)
  })
  const before = page.url()
  await page.getByRole('link', { name: 'Click me' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible()
  expect(page.url()).toBe(before)
  expect(popups).toEqual([])
})
