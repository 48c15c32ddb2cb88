/**
 * The specs' `test`: in the chromium project it is Playwright's own; in the electron project (only defined where
 * the Electron binary exists) `page` and `context` are the desktop app's first window, so the same specs run
 * against the real Electron app.
 */
import { _electron, test as base, type ElectronApplication } from '@playwright/test'
import { electronBinary } from './electron'

export const test = base.extend<{ electronApp: ElectronApplication | null }>({
  electronApp: async ({}, use, testInfo) => {
    const binary = electronBinary()
    if (testInfo.project.name !== 'electron' || !binary) {
      await use(null)
      return
    }
    const app = await _electron.launch({ executablePath: binary, args: ['out/main/index.js'] })
    await use(app)
    await app.close()
  },
  context: async ({ electronApp, context }, use) => {
    await use(electronApp ? electronApp.context() : context)
  },
  page: async ({ electronApp, page }, use) => {
    await use(electronApp ? await electronApp.firstWindow() : page)
  },
})

export { expect } from '@playwright/test'
