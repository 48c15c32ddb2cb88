/** The system file dialogs, for the file service: the path the rep picked, or null when canceled. */
import { app, BrowserWindow, dialog, type FileFilter } from 'electron'
import { join } from 'node:path'
import type { FileKind } from '@core/ipc/desktop-services'
import type { Dialogs } from '../services/desktop-handlers'

const FILTERS: Record<FileKind, FileFilter[]> = {
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  backup: [{ name: 'Fieldbill backup', extensions: ['json'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
}

export function electronDialogs(): Dialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  return {
    async saveFile({ suggestedName, kind }) {
      const options = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: FILTERS[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as const,
      }
      const win = parent()
      const result = await (win
        ? dialog.showSaveDialog(win, { ...options, properties: [...options.properties] })
        : dialog.showSaveDialog({ ...options, properties: [...options.properties] }))
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async openFile({ kind }) {
      const options = { filters: FILTERS[kind], properties: ['openFile' as const] }
      const win = parent()
      const result = await (win
        ? dialog.showOpenDialog(win, options)
        : dialog.showOpenDialog(options))
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
