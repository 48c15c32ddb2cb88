/**
 * The desktop project's `test`: `page` is the main window of the built main bundle running under Node with the
 * Electron stand-in (desktop-app.ts), with its folders in the test's own output folder. A spec scripts the native
 * parts with `test.use({ script: { ... } })` or by changing `script` before the step that needs it.
 */
import { randomBytes } from 'node:crypto'
import { test as base } from '@playwright/test'
import { freePort } from '../../src-server/test-support/embedded-pg'
import { startSmtp, type TestSmtp } from '../../src-main/services/test-support/smtp'
import { defaultScript, launchDesktop, type DesktopApp, type DesktopScript } from './desktop-app'

export const test = base.extend<
  { script: DesktopScript; home: string; desktop: DesktopApp },
  { appPort: number }
>({
  // The port of the origin that stands for app://fieldbill, one per worker (its tests run one after another),
  // known before the app starts so a sync server can be told to let that origin in.
  appPort: [async ({}, use) => use(await freePort()), { scope: 'worker' }],
  // A fresh copy per test, so a spec may change an answer between steps.
  script: async ({}, use) => {
    await use({ ...defaultScript })
  },
  home: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('home'))
  },
  desktop: async ({ context, script, home, appPort }, use) => {
    const app = await launchDesktop(context, {
      home,
      script,
      appPort,
      safeStorageKey: randomBytes(32).toString('hex'),
    })
    await use(app)
    await app.stop()
  },
  page: async ({ desktop }, use) => {
    await use(await desktop.mainWindow())
  },
})

/** The desktop `test` with a real SMTP server on 127.0.0.1, for the specs that send mail. */
export const testWithSmtp = test.extend<{ smtp: TestSmtp }>({
  smtp: async ({}, use) => {
    const smtp = await startSmtp()
    await use(smtp)
    await smtp.close()
  },
})

export { expect } from '@playwright/test'
