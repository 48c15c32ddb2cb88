/**
 * Main's own preferences, in `settings.json` in the data folder: the remembered printer and paper size, the SMTP
 * account (without its password, which lives in the secret store) and the app version last started, which tells
 * the backup scheduler that an update happened.
 */
import { join } from 'node:path'
import {
  printSettingsSchema,
  smtpSettingsSchema,
  type PrintSettings,
  type SmtpSettings,
} from '@core/ipc/desktop-services'
import { nullable, object, string, type Schema } from '@core/schema'
import type { FileService } from './files'
import { jsonFile } from './json-file'

export interface MainSettings {
  print: PrintSettings
  smtp: SmtpSettings | null
  lastAppVersion: string | null
}

const schema: Schema<MainSettings> = object({
  print: printSettingsSchema,
  smtp: nullable(smtpSettingsSchema),
  lastAppVersion: nullable(string({ max: 64 })),
})

export const defaultSettings = (): MainSettings => ({
  print: { paperSize: 'a4', printerName: null },
  smtp: null,
  lastAppVersion: null,
})

export interface SettingsStore {
  read(): Promise<MainSettings>
  update(change: (current: MainSettings) => MainSettings): Promise<MainSettings>
}

export function createSettingsStore(options: {
  dataFolder: string
  files: FileService
}): SettingsStore {
  return jsonFile(options.files, join(options.dataFolder, 'settings.json'), schema, defaultSettings)
}
