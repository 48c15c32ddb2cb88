import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './e2e/chromium'
import { electronBinary } from './e2e/electron'

const port = Number(process.env.E2E_PORT ?? 5199)
const executablePath = chromiumPath()

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Generous: several specs load the sample company first, which takes seconds on a 2-core CI machine.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The HTML report is for a person at this machine; a CI run is read from its list output (each failure with its
  // error, and its screenshot in test-results/), and writing the report there copies every attachment for no one.
  reporter: process.env.CI
    ? [['list']]
    : [
        ['list'],
        ['html', { open: 'never', outputFolder: process.env.E2E_REPORT ?? 'playwright-report' }],
      ],
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Off unless E2E_TRACE is set: recording a trace (a DOM snapshot per step) costs each test about a fifth of
    // its time on 2 cores even when the trace is thrown away, and a failure already leaves its screenshot and the
    // page's accessibility snapshot. With E2E_TRACE=1 a failed test keeps its trace, without the screencast.
    trace: process.env.E2E_TRACE ? { mode: 'retain-on-failure', screenshots: false } : 'off',
    screenshot: 'only-on-failure',
    // A fresh browser context per test means fresh, empty storage (IndexedDB, localStorage) per test.
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
  },
  globalSetup: './e2e/global-setup.ts',
  projects: [
    { name: 'chromium', testIgnore: 'desktop/**', use: { browserName: 'chromium' } },
    // The built main bundle, preload and IPC router under Node, with a stand-in for Electron's native parts
    // (e2e/desktop/): its windows are Chromium pages of this project.
    { name: 'desktop', testMatch: 'desktop/**/*.spec.ts', use: { browserName: 'chromium' } },
    // The desktop app itself, where its binary exists; the fixtures swap `page` for its window.
    ...(electronBinary()
      ? [{ name: 'electron', testIgnore: 'desktop/**', use: { baseURL: 'app://fieldbill/' } }]
      : []),
  ],
  webServer: {
    command: 'node scripts/serve-web.mjs',
    env: {
      PORT: String(port),
      ...(process.env.FIELDBILL_RENDERER_OUT
        ? { FIELDBILL_RENDERER_OUT: process.env.FIELDBILL_RENDERER_OUT }
        : {}),
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
})
