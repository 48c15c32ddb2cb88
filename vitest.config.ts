import { defineConfig } from 'vitest/config'
import { pathAliases } from './scripts/path-aliases'

/** The run's one PostgreSQL cluster, a fresh database per file (src-server/test-support/shared-cluster.ts). */
const SHARED_CLUSTER = 'src-server/test-support/vitest-global-setup.ts'
/** The sync simulation: a minute or more, most of it waiting on five devices and a server. */
const SIMULATION = 'test-integration/sync-simulation.test.ts'

export default defineConfig({
  resolve: { alias: pathAliases(import.meta.dirname) },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Server test files make their database in beforeAll; the first of a run waits for the cluster's start.
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['src-core/**/*.test.ts'],
          // Pure functions with no mocks and no I/O: the files share one module graph per worker instead of
          // each importing the core again in a process of its own.
          isolate: false,
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          // test-integration/: the tests that cross runtimes (the renderer's sync client against the real server).
          include: ['src-*/**/*.test.ts', 'test-integration/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src-core/**', SIMULATION, '**/node_modules/**'],
          globalSetup: [SHARED_CLUSTER],
          // Each file in a worker thread of its own rather than a child process: the same isolation (its own
          // modules, globals and environment copy) for about a quarter less CPU in starting and importing, which
          // on 2 cores is time. Nothing here needs a process of its own (no chdir, no native addon): the servers
          // and PostgreSQL the tests start are child processes either way.
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          // A project of its own, so that `npm test` runs it in the other lane (scripts/run-tests.mjs).
          name: 'simulation',
          include: [SIMULATION],
          globalSetup: [SHARED_CLUSTER],
          pool: 'threads',
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src-core/**/*.ts'],
      exclude: ['src-core/**/*.test.ts', 'src-core/**/*.bench.ts', 'src-core/**/test-support/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
  },
})
