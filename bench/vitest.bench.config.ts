import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { pathAliases } from '../scripts/path-aliases'

/**
 * The benchmarks in a fixed order, the quick ones first: at 50,000 invoices a whole run takes an hour or more
 * on a loaded machine, and one cut short then still has most figures. Vitest's own order follows the last
 * run's durations, so it changed from run to run.
 */
const ORDER = ['pricing', 'sync-server', 'sync-laptops', 'data', 'ui-list']

const rank = (spec: TestSpecification) => {
  const at = ORDER.findIndex((name) => spec.moduleId.endsWith(`/${name}.bench-run.ts`))
  return at < 0 ? ORDER.length : at
}

class QuickFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b)))
  }
}

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
    sequence: { sequencer: QuickFirst },
    testTimeout: 300_000,
  },
})
