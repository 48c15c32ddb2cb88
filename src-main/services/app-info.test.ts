import { describe, expect, it } from 'vitest'
import { appInfo } from './app-info'

describe('appInfo', () => {
  it('reports Electron and Chrome versions when running in Electron, null otherwise', () => {
    const base = {
      name: 'Fieldbill',
      version: '0.1.0',
      dataFolder: '/d',
      platform: 'linux',
      arch: 'x64',
    }
    expect(appInfo({ ...base, versions: { electron: '45.5.0', chrome: '140' } })).toMatchObject({
      electron: '45.5.0',
      chrome: '140',
    })
    expect(appInfo({ ...base, versions: { node: '20' } })).toMatchObject({
      electron: null,
      chrome: null,
    })
  })
})
