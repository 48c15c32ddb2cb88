import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { pathAliases } from '../scripts/path-aliases'

// Benchmarks run as ordinary Vitest files so they share the TypeScript pipeline of the tests; each prints
// one JSON line per figure to stdout (`npm run bench`).
export default defineConfig({
  resolve: { alias: pathAliases(resolve(import.meta.dirname, '..')) },
  test: {
    include: ['bench/**/*.bench-run.ts'],
    environment: 'node',
    // Straight to stdout, so the JSON lines are not wrapped in Vitest's per-test log headers.
    disableConsoleIntercept: true,
    // One file at a time: parallel benchmarks would measure each other.
    fileParallelism: false,
    testTimeout: 300_000,
  },
})
