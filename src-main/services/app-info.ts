import type { AppInfo } from '@core/ipc/contract'

export interface AppInfoSource {
  name: string
  version: string
  dataFolder: string
  platform: string
  arch: string
  versions: Partial<Record<string, string>>
}

/** App info as shown in the About dialog; plain Node, the Electron values are passed in. */
export function appInfo(source: AppInfoSource): AppInfo {
  return {
    name: source.name,
    version: source.version,
    platform: source.platform,
    arch: source.arch,
    dataFolder: source.dataFolder,
    electron: source.versions.electron ?? null,
    chrome: source.versions.chrome ?? null,
  }
}
