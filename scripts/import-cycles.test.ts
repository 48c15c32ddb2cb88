import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findCycles, importGraph, importSpecifiers } from './import-cycles'

const ROOT = resolve(import.meta.dirname, '..')
const FOLDERS = ['src-core', 'src-main', 'src-renderer', 'src-server']
const ALIASES = { '@core': 'src-core', '@renderer': 'src-renderer' }

let scratch: string | undefined
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  scratch = undefined
})

/** A small tree of files in a temporary folder. */
function tree(files: Record<string, string>): string {
  scratch = mkdtempSync(join(tmpdir(), 'import-cycles-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true })
    writeFileSync(join(scratch, path), text)
  }
  return scratch
}

describe('the import graph', () => {
  it('has no cycle in src-core, src-main, src-renderer and src-server', () => {
    const graph = importGraph(ROOT, FOLDERS, ALIASES)
    expect(graph.size).toBeGreaterThan(300)
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '))
    expect(cycles, 'import cycles (break each one: move what both sides share)').toEqual([])
  })

  it('names a cycle closed by a type-only import through an alias', () => {
    const root = tree({
      'src-renderer/data/collections.ts': "import { handler } from '@renderer/sync/conflict'\n",
      'src-renderer/sync/conflict.ts': "import type { Name } from '../data/collections'\n",
      'src-renderer/sync/other.ts': "import { handler } from './conflict'\n",
    })
    expect(findCycles(importGraph(root, ['src-renderer'], ALIASES))).toEqual([
      [
        'src-renderer/data/collections.ts',
        'src-renderer/sync/conflict.ts',
        'src-renderer/data/collections.ts',
      ],
    ])
  })

  it('follows export-from, import(), .vue files and index.ts, and ignores comments', () => {
    const root = tree({
      'src-core/a/index.ts': "export * from '../b'\n",
      'src-core/b.ts':
        "/** @example import { x } from './c' */\nexport const b = () => import('./c.vue')\n",
      'src-core/c.vue': '<script setup lang="ts">\nimport { x } from \'@core/a\'\n</script>\n',
    })
    const graph = importGraph(root, ['src-core'], ALIASES)
    expect(graph.get('src-core/b.ts')).toEqual(['src-core/c.vue'])
    expect(findCycles(graph)).toEqual([
      ['src-core/a/index.ts', 'src-core/b.ts', 'src-core/c.vue', 'src-core/a/index.ts'],
    ])
  })

  it('reads every form of import statement', () => {
    expect(
      importSpecifiers(
        [
          "import 'side-effect'",
          "import type { A } from './a'",
          "import B, { type C } from '../c'",
          "export { D } from '@core/d'",
          "export type * from './e'",
          "const f = await import('./f')",
          "// import { g } from './g'",
        ].join('\n'),
      ),
    ).toEqual(['side-effect', './a', '../c', '@core/d', './e', './f'])
  })
})
