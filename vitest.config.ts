import { defineConfig } from 'vitest/config'
import { pathAliases } from './scripts/path-aliases'

export default defineConfig({
  resolve: { alias: pathAliases(import.meta.dirname) },
  test: {
    // test-integration/: the tests that cross runtimes (the renderer's sync client against the real server).
    include: ['src-*/**/*.test.ts', 'test-integration/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Server test files make their database in beforeAll; the first of a run waits for the cluster's start.
    hookTimeout: 120_000,
    // One PostgreSQL cluster for the run, a fresh database per file (src-server/test-support/shared-cluster.ts).
    globalSetup: ['src-server/test-support/vitest-global-setup.ts'],
    coverage: {
      provider: 'v8',
      include: ['src-core/**/*.ts'],
      exclude: ['src-core/**/*.test.ts', 'src-core/**/*.bench.ts', 'src-core/**/test-support/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
  },
})
