/**
 * The packaging config as electron-builder itself reads and validates it (its own loader and schema), so a fuse
 * that is misspelt, missing or flipped the wrong way fails here rather than in a shipped binary.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'

const projectDir = join(import.meta.dirname, '..')

async function packagingConfig(): Promise<Configuration> {
  const config = await getConfig(projectDir, join(projectDir, 'electron-builder.yml'), null)
  await validateConfiguration(config, { add: () => undefined, isEnabled: false } as never)
  return config
}

describe('electron-builder.yml', () => {
  it('flips every security fuse of the packaged Electron binary', async () => {
    const { electronFuses } = await packagingConfig()
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('packs the app into an asar archive and embeds its integrity, which the fuses check', async () => {
    const config = await packagingConfig()
    expect(config.asar).toBe(true)
    expect(config.disableAsarIntegrity ?? false).toBe(false)
  })
})
