/**
 * The one window factory. Every window gets the same hardening: context isolation, the sandbox, no Node in the
 * page, no webviews, navigation and new windows denied, permission requests refused.
 */
import { BrowserWindow, shell, type WebContents } from 'electron'
import { join } from 'node:path'
import { isAllowedExternalUrl, isAppUrl } from './security/policy'
import type { WindowState } from './window-state'

export interface WindowOptions {
  bounds: WindowState
  preloadPath: string
  devServerUrl?: string
  show?: boolean
  /** Development builds only: a packaged app has no developer tools to open (see menu.ts). */
  devTools?: boolean
}

export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // External links go to the user's browser, and only to allow-listed https hosts.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function createWindow(options: WindowOptions): BrowserWindow {
  const { bounds } = options
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 800,
    minHeight: 560,
    show: options.show ?? false,
    title: 'Fieldbill',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: true,
      devTools: options.devTools ?? false,
    },
  })
  if (bounds.maximized) win.maximize()
  hardenWebContents(win.webContents, options.devServerUrl)
  return win
}
