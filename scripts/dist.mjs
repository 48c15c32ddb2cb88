#!/usr/bin/env node
// `npm run dist [-- --linux|--win|--mac]`: build, then package with electron-builder. ELECTRON_DIST points it at a
// cached Electron (an unpacked folder, or a folder or file of the official electron-v<version>-<os>-<arch>.zip),
// because machines without access to GitHub cannot download one.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const args = process.argv.slice(2)
const dist = process.env.ELECTRON_DIST
const builderArgs = ['electron-builder', '--config', 'electron-builder.yml', ...args]

if (dist) {
  const full = resolve(dist)
  if (!existsSync(full)) {
    console.error(`ELECTRON_DIST=${dist} does not exist.`)
    process.exit(1)
  }
  // electron-builder takes a folder: either an unpacked Electron or one holding the official zip.
  const folder = statSync(full).isDirectory() ? full : dirname(full)
  builderArgs.push(`-c.electronDist=${folder}`)
} else {
  console.log(
    'ELECTRON_DIST is not set: electron-builder will try to download Electron (needs GitHub access).',
  )
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const pack = spawnSync('npx', builderArgs, { stdio: 'inherit' })
process.exit(pack.status ?? 1)
