import { defineConfig } from 'vitest/config'
import { pathAliases } from './scripts/path-aliases'

export default defineConfig({
  resolve: { alias: pathAliases(import.meta.dirname) },
  test: {
    include: ['src-*/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Server test files start their own embedded PostgreSQL in beforeAll, which is slow on a loaded 2-core machine.
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src-core/**/*.ts'],
      exclude: ['src-core/**/*.test.ts', 'src-core/**/*.bench.ts', 'src-core/**/test-support/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
  },
})
