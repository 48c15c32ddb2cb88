#!/usr/bin/env node
// `npm start`: build, then launch the desktop app, or say in one line why it cannot be launched here.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Where the Electron binary is, or null. The electron package downloads its binary lazily when required, which
 * cannot work on a closed network, so look for it without requiring the package.
 */
function electronBinary() {
  const pkgDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist')
  const full = join(dist, relative)
  return existsSync(full) ? full : null
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

if (!electronBinary()) {
  console.log(
    'Fieldbill: the Electron binary is not installed (its download from GitHub failed or was skipped); get it with `node node_modules/electron/install.js` on a machine that reaches GitHub, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron; meanwhile `npm run web` runs the same app in your browser.',
  )
  process.exit(0)
}

const run = spawnSync('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' })
process.exit(run.status ?? 0)
