/**
 * The path aliases of the code base, for every bundler and test runner (electron-vite, Vitest, the bench pages).
 * TypeScript, tsx and Playwright read the same two from `paths` in tsconfig.base.json: keep both lists alike.
 * The caller names the repository root: a config file is bundled before it runs, so this module cannot know
 * where it lies.
 */
import { resolve } from 'node:path'

export function pathAliases(root: string): Record<string, string> {
  return { '@core': resolve(root, 'src-core'), '@renderer': resolve(root, 'src-renderer') }
}
