/**
 * The Electron main process: the thin adapter that wires the plain-Node modules (policy, protocol, IPC router,
 * app handlers, window state, services) to Electron's APIs. It holds no logic of its own beyond the wiring: the
 * logic lives in modules that are tested without Electron.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { channelNames, type ChannelName } from '@core/ipc/contract'
import { appHandlers } from './app-handlers'
import { createIpcRouter } from './ipc-router'
import { menuTemplate } from './menu'
import { resolveAppRequest } from './protocol'
import { APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, isAppUrl } from './security/policy'
import { electronDesktopServices } from './adapters/desktop'
import { createCloseGuard } from './services/close-guard'
import type { DesktopServices } from './services/compose'
import { createWindow, hardenWebContents } from './window'
import { chooseBounds, parseWindowState, type WindowState } from './window-state'

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const rendererRoot = join(import.meta.dirname, '../renderer')
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
const windowStateFile = (): string => join(app.getPath('userData'), 'window-state.json')

// Must run before `ready`: makes app:// a standard, secure origin so that IndexedDB and fetch work on it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Let a mail being handed to the server finish and its state reach the disk before the process ends.
  let closing = false
  app.on('will-quit', (event) => {
    if (!desktop || closing) return
    closing = true
    event.preventDefault()
    void desktop.close().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}

let desktop: DesktopServices | undefined
let mainWindow: BrowserWindow | undefined
// The kept sync session's server: the one remote origin in connect-src of the pages served from now on.
let syncServerOrigin: string | null = null
// The server origin in the policy the main window's page was served with: a page's policy is fixed when it loads.
let pageServerOrigin: string | null = null
// Asks before the main window closes with changes the sync server has not received (see close-guard.ts).
const closeGuard = createCloseGuard()
let quitRequested = false
app.on('before-quit', () => (quitRequested = true))

async function start(): Promise<void> {
  registerAppProtocol()
  denyPermissions()
  desktop = electronDesktopServices({
    preloadPath,
    ...(devServerUrl ? { devServerUrl } : {}),
    onSyncServerChange,
  })
  syncServerOrigin = await desktop.syncServerOrigin().catch(() => null)
  registerIpc(desktop)
  const win = await openMainWindow()
  // After the window exists, so the first outbox and backup events reach it.
  desktop.start().catch((e: unknown) => console.error('desktop services: start failed', e))
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        appName: app.getName(),
        devTools: !app.isPackaged,
        onAbout: () => win.webContents.send('menu:about'),
      }),
    ),
  )
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow()
  })
}

/**
 * A session kept: later pages may connect to its server (the current page already may: it signed in there).
 * A session forgotten: the page's policy still names the old server, so it is loaded again with the sign-in
 * policy, or the rep could not connect to another server until the next start.
 */
function onSyncServerChange(origin: string | null): void {
  syncServerOrigin = origin
  if (origin !== null || pageServerOrigin === null || !mainWindow) return
  pageServerOrigin = null
  const contents = mainWindow.webContents
  // After this IPC call has answered.
  setImmediate(() => contents.reload())
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererRoot)
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status })
    try {
      const body = await readFile(resolved.path)
      return new Response(body, {
        headers: {
          'content-type': resolved.mimeType,
          'content-security-policy': contentSecurityPolicy(syncServerOrigin),
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('not found', { status: 404 })
    }
  })
}

function denyPermissions(): void {
  // The app needs no camera, microphone, notifications or geolocation; refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}

function registerIpc(services: DesktopServices): void {
  const router = createIpcRouter(
    {
      ...services.handlers,
      ...appHandlers({
        info: () => ({
          name: app.getName(),
          version: app.getVersion(),
          dataFolder: app.getPath('userData'),
          platform: process.platform,
          arch: process.arch,
          versions: process.versions,
        }),
        openExternal: (url) => shell.openExternal(url),
        closeGuard,
        setTheme: (source) => (nativeTheme.themeSource = source),
      }),
    },
    { isTrustedSender: (url) => isAppUrl(url, devServerUrl) },
  )
  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) =>
      router.dispatch(name satisfies ChannelName, event.senderFrame?.url ?? '', payload),
    )
  }
}

async function loadWindowState(): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(windowStateFile(), 'utf8'))
  } catch {
    return null
  }
}

async function openMainWindow(): Promise<BrowserWindow> {
  const displays = screen.getAllDisplays().map((d) => d.workArea)
  const win = createWindow({
    bounds: chooseBounds(await loadWindowState(), displays),
    preloadPath,
    devTools: !app.isPackaged,
  })
  win.on('close', (event) => {
    const decision = closeGuard.onClose()
    if (decision.action === 'close') return
    event.preventDefault()
    if (decision.action === 'wait') return
    void dialog
      .showMessageBox(win, { type: 'warning', noLink: true, ...decision.dialog })
      .then(({ response }) => {
        if (!closeGuard.answer(response)) quitRequested = false
        else if (quitRequested) app.quit()
        else win.close()
      })
  })
  win.on('close', () => {
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() }
    void writeFile(windowStateFile(), JSON.stringify(state)).catch(() => undefined)
  })
  win.once('ready-to-show', () => win.show())
  mainWindow = win
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined
  })
  // The dev server's pages carry no policy header, only the embedded sign-in policy.
  pageServerOrigin = devServerUrl ? null : syncServerOrigin
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}
