/**
 * The path aliases of the code base, for every bundler and test runner (electron-vite, Vitest, the bench pages).
 * TypeScript, tsx and Playwright read the same two from `paths` in tsconfig.base.json: keep both lists alike.
 */
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

export const PATH_ALIASES: Record<string, string> = {
  '@core': resolve(root, 'src-core'),
  '@renderer': resolve(root, 'src-renderer'),
}
