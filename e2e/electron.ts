/** Where the Electron binary is, if it was ever downloaded (it cannot be on a closed network). */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronBinary(): string | null {
  const require = createRequire(import.meta.url)
  const pkgDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron'
  const full = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), relative)
  return existsSync(full) ? full : null
}
