/**
 * The `electron` module as the built main bundle sees it in the desktop project: the parts of Electron that are
 * native (windows, the app:// scheme, dialogs, the keychain, printing) stood in for, and nothing else. Main's own
 * code (its protocol handler, IPC router, services, close guard) runs as built. What only Playwright can do (a
 * page, a PDF, a scripted dialog answer) is asked of the test process over `rpc.ts`.
 *
 * Each export is here because out/main imports it; anything main does not call is left out on purpose.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { APP_HOST, APP_ORIGIN } from '../../src-main/security/policy'
import { connect, type Channel } from './rpc'

const home = process.env.FIELDBILL_DESKTOP_HOME
if (!home) throw new Error('FIELDBILL_DESKTOP_HOME: the stand-in needs a folder for app.getPath')
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
  name: string
  version: string
}

/** Electron's preventable events: `event.preventDefault()` in a listener stops what comes next. */
class Preventable {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

// ---- app:// ----------------------------------------------------------------------------------------------
// Chromium without Electron cannot register a standard scheme (an app:// page gets an opaque origin, so no
// IndexedDB), so main's handler answers on a loopback http origin instead: one origin stands for app://fieldbill,
// mapped both ways here and nowhere else. Requests reach main's handler as app://fieldbill/... Requests, and its
// Responses (status, body, and the Content-Security-Policy header it sets) go back to the page untouched.
let pageOrigin = ''
let served: Promise<void> | undefined
const toPage = (url: string): string =>
  url.startsWith(`${APP_ORIGIN}/`) ? pageOrigin + url.slice(APP_ORIGIN.length) : url
/** What Electron's `event.senderFrame.url` would say; any other origin passes unchanged, to be refused. */
const fromPage = (url: string): string =>
  pageOrigin && url.startsWith(`${pageOrigin}/`) ? APP_ORIGIN + url.slice(pageOrigin.length) : url

function requestOf(req: IncomingMessage, scheme: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value)
  return new Request(`${scheme}://${APP_HOST}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
  })
}

export const protocol = {
  // Privileges are what Chromium cannot be given here; the loopback origin is already secure and standard.
  registerSchemesAsPrivileged(): void {},
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    const server = createServer((req, res) => {
      void handler(requestOf(req, scheme)).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        res.end(Buffer.from(await response.arrayBuffer()))
      })
    })
    served = new Promise((resolve) =>
      // A port the test chose, when it must tell a server that this origin may call it (CORS); else any.
      server.listen(Number(process.env.FIELDBILL_APP_PORT ?? 0), '127.0.0.1', () => {
        pageOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        resolve()
      }),
    )
    server.unref()
  },
}

// ---- IPC ---------------------------------------------------------------------------------------------------
type IpcHandler = (event: { senderFrame: { url: string } }, payload: unknown) => unknown
const ipcHandlers = new Map<string, IpcHandler>()

export const ipcMain = {
  handle(channel: string, handler: IpcHandler): void {
    ipcHandlers.set(channel, handler)
  },
}

// ---- windows -----------------------------------------------------------------------------------------------
const windows: BrowserWindow[] = []
let nextWindowId = 1

/** A window's contents: each call is done by the test on the Chromium page that stands for the window. */
class WebContents extends EventEmitter {
  constructor(private readonly windowId: number) {
    super()
  }
  // Navigation guards and the window-open handler are kept but not enforced: the page is Chromium's, not ours.
  setWindowOpenHandler(): void {}
  executeJavaScript(code: string): Promise<unknown> {
    return rpc.call('window:evaluate', { id: this.windowId, code })
  }
  /** Chromium's page.pdf() with Electron's options translated; the bytes are Chromium's own. */
  async printToPDF(options: object): Promise<Buffer> {
    return Buffer.from(await rpc.call<Uint8Array>('window:pdf', { id: this.windowId, options }))
  }
  /** No printer exists here: the test decides what the print job answers (see desktop-app.ts). */
  print(options: object, callback: (success: boolean, reason: string) => void): void {
    void rpc
      .call<boolean>('window:print', { id: this.windowId, options })
      .then((ok) => callback(ok, ok ? '' : 'cancelled'))
  }
  getPrintersAsync(): Promise<unknown[]> {
    return rpc.call('printers')
  }
  /**
   * As Electron: a message to a page that is navigating (a reload, the start page's redirect) is lost, never an
   * error of main's; unhandled here, the rejection would end main's process and close every window.
   */
  send(channel: string): void {
    rpc.call('window:send', { id: this.windowId, channel }).catch(() => undefined)
  }
  reload(): void {
    rpc.call('window:reload', { id: this.windowId }).catch(() => undefined)
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...windows]
  }
  /** The first window stands for the focused one: tests have one window the rep works in. */
  static getFocusedWindow(): BrowserWindow | null {
    return windows[0] ?? null
  }
  readonly id = nextWindowId++
  readonly webContents = new WebContents(this.id)
  private readonly bounds: { x: number; y: number; width: number; height: number }
  private maximized = false
  private destroyed = false

  constructor(options: { x: number; y: number; width: number; height: number }) {
    super()
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height }
    windows.push(this)
    app.emit('web-contents-created', new Preventable(), this.webContents)
  }
  async loadURL(url: string): Promise<void> {
    await served
    await rpc.call('window:load', { id: this.id, url: toPage(url) })
    this.emit('ready-to-show')
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds }
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** As Electron: 'close' may be prevented; otherwise the window goes. */
  close(): void {
    if (this.destroyed) return
    const event = new Preventable()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    windows.splice(windows.indexOf(this), 1)
    void rpc.call('window:destroy', { id: this.id })
    this.emit('closed')
    if (windows.length === 0 && !quitting) app.emit('window-all-closed')
  }
}

// ---- the app -----------------------------------------------------------------------------------------------
let quitting = false

class App extends EventEmitter {
  /** As the shipped app: no dev server URL is ever read, the menu has no developer tools. */
  readonly isPackaged = true
  private readonly ready = new Promise<void>((resolve) => setImmediate(resolve))
  requestSingleInstanceLock(): boolean {
    return true
  }
  whenReady(): Promise<void> {
    return this.ready
  }
  getName(): string {
    return pkg.name
  }
  getVersion(): string {
    return pkg.version
  }
  /** Every folder inside the test's own home. */
  getPath(name: string): string {
    const path = join(home ?? '', name)
    mkdirSync(path, { recursive: true })
    return path
  }
  /** Electron's order: before-quit, each window's (preventable) close, will-quit (preventable), exit. */
  quit(): void {
    setImmediate(() => {
      this.emit('before-quit', new Preventable())
      quitting = true
      for (const win of [...windows]) win.close()
      if (windows.length > 0) {
        quitting = false
        return
      }
      const event = new Preventable()
      this.emit('will-quit', event)
      if (!event.defaultPrevented) process.exit(0)
    })
  }
}
export const app = new App()

// ---- dialogs and the shell: answered by the test's script ---------------------------------------------------
/** Electron takes an optional parent window first; the options are always last. */
const ask =
  (kind: string) =>
  (...args: unknown[]): Promise<unknown> =>
    rpc.call('dialog', { kind, options: args.at(-1) })

export const dialog = {
  showSaveDialog: ask('save'),
  showOpenDialog: ask('open'),
  showMessageBox: ask('message'),
}

export const shell = {
  openExternal: (url: string): Promise<void> =>
    rpc.call('shell', { kind: 'openExternal', target: url }),
  /** Answers '' (success) or an error sentence, as Electron does. */
  openPath: (path: string): Promise<string> =>
    rpc.call('shell', { kind: 'openPath', target: path }),
}

// ---- safeStorage: the keychain, as the test chose it --------------------------------------------------------
// 'basic_text' is Linux without a keyring; any other backend seals with a key that lives as long as the test's
// home, so a restarted app reads what it sealed and the file on disk never holds the secret in clear.
const backend = process.env.FIELDBILL_SAFE_STORAGE ?? 'gnome_libsecret'
const key = Buffer.from(
  process.env.FIELDBILL_SAFE_STORAGE_KEY ?? randomBytes(32).toString('hex'),
  'hex',
)

export const safeStorage = {
  getSelectedStorageBackend: (): string => backend,
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(backend !== 'basic_text'),
  encryptStringAsync(plain: string): Promise<Buffer> {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]))
  },
  decryptStringAsync(sealed: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
    decipher.setAuthTag(sealed.subarray(12, 28))
    const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()])
    return Promise.resolve({ result: plain.toString('utf8'), shouldReEncrypt: false })
  },
}

// ---- what main touches but nothing here needs to model -----------------------------------------------------
export const Menu = {
  buildFromTemplate: (template: unknown[]): { template: unknown[] } => ({ template }),
  setApplicationMenu(): void {},
}
export const nativeTheme = { themeSource: 'system' }
export const net = { isOnline: (): boolean => true }
export const powerMonitor = new EventEmitter()
export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1280, height: 800 } }],
}
export const session = {
  defaultSession: { setPermissionRequestHandler(): void {}, setPermissionCheckHandler(): void {} },
}

// ---- what the test asks of main --------------------------------------------------------------------------
const rpc = connect(process as unknown as Channel, (method, args) => {
  if (method === 'ipc') {
    const { channel, frameUrl, payload } = args as {
      channel: string
      frameUrl: string
      payload: unknown
    }
    const handler = ipcHandlers.get(channel)
    if (!handler) throw new Error(`No handler for '${channel}'`)
    return handler({ senderFrame: { url: fromPage(frameUrl) } }, payload)
  }
  // The title bar's close button of the first window.
  if (method === 'window:close') return windows[0]?.close()
  if (method === 'app:quit') return app.quit()
  throw new Error(`The stand-in has no '${method}'`)
})
