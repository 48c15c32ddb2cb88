/**
 * The desktop app under test: the built main bundle (out/main/index.js) in a Node child process with `electron`
 * resolved to the stand-in, its windows as pages of the test's browser context, its IPC reached from the built
 * preload through a binding, and its native dialogs, printer and shell answered by the test's script.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { connect, type Rpc } from './rpc'
import {
  decodeBytes,
  DELIVER_EVENT,
  encodeBytes,
  INVOKE_BINDING,
  preloadScript,
} from './preload-stand-in'

const ROOT = join(import.meta.dirname, '../..')

/** Electron's dialog options, as far as the specs read them. */
export interface DialogOptions {
  defaultPath?: string
  message?: string
  detail?: string
  buttons?: string[]
  filters?: { name: string; extensions: string[] }[]
}

/** What the test answers in place of the rep at a native dialog, the printer and the keychain. */
export interface DesktopScript {
  /** The path the rep picks in the save dialog, or null to cancel. Default: cancel. */
  saveDialog: (options: DialogOptions) => string | null
  /** The file the rep picks in the open dialog, or null to cancel. Default: cancel. */
  openDialog: (options: DialogOptions) => string | null
  /** The index of the button the rep clicks in a message box. Default: the last (usually Cancel). */
  messageBox: (options: DialogOptions) => number
  /** The keychain: 'basic_text' is Linux without one. */
  safeStorage: 'gnome_libsecret' | 'basic_text'
  /** The printers the system reports; a print job to one of them succeeds. */
  printers: { name: string; displayName: string }[]
}

export const defaultScript: DesktopScript = {
  saveDialog: () => null,
  openDialog: () => null,
  messageBox: (options) => Math.max(0, (options.buttons?.length ?? 1) - 1),
  safeStorage: 'gnome_libsecret',
  printers: [],
}

/** A Chromium PDF with Electron's printToPDF options (inches and page names) in Playwright's terms. */
function pdfOptions(options: {
  pageSize?: string
  margins?: Record<'top' | 'bottom' | 'left' | 'right', number>
  printBackground?: boolean
  displayHeaderFooter?: boolean
  headerTemplate?: string
  footerTemplate?: string
  preferCSSPageSize?: boolean
  generateTaggedPDF?: boolean
}): Parameters<Page['pdf']>[0] {
  const m = options.margins
  return {
    ...(options.pageSize ? { format: options.pageSize } : {}),
    ...(m
      ? {
          margin: {
            top: `${m.top}in`,
            bottom: `${m.bottom}in`,
            left: `${m.left}in`,
            right: `${m.right}in`,
          },
        }
      : {}),
    printBackground: options.printBackground ?? false,
    displayHeaderFooter: options.displayHeaderFooter ?? false,
    ...(options.headerTemplate !== undefined ? { headerTemplate: options.headerTemplate } : {}),
    ...(options.footerTemplate !== undefined ? { footerTemplate: options.footerTemplate } : {}),
    preferCSSPageSize: options.preferCSSPageSize ?? false,
    tagged: options.generateTaggedPDF ?? false,
  }
}

export interface DesktopApp {
  /** The main window, once main has loaded it. */
  mainWindow(): Promise<Page>
  /** Every dialog main opened, in order, with its options. */
  readonly dialogs: { kind: 'save' | 'open' | 'message'; options: DialogOptions }[]
  /** Every path and URL main handed to the system shell. */
  readonly shell: { kind: string; target: string }[]
  /** Every print job main sent, with the PDF Chromium made of the page it printed. */
  readonly printed: { options: Record<string, unknown>; pdf: Buffer }[]
  /** The title bar's close button on the main window. */
  closeMainWindow(): Promise<void>
  /** Resolves with the exit code once main's process has ended. */
  readonly exited: Promise<number | null>
  stop(): Promise<void>
}

export async function launchDesktop(
  context: BrowserContext,
  options: { home: string; script: DesktopScript; safeStorageKey: string; appPort?: number },
): Promise<DesktopApp> {
  const { script } = options
  let main: Page | undefined
  let resolveMain: (page: Page) => void = () => undefined
  const mainLoaded = new Promise<Page>((resolve) => (resolveMain = resolve))
  const app = {
    dialogs: [] as DesktopApp['dialogs'],
    shell: [] as DesktopApp['shell'],
    printed: [] as DesktopApp['printed'],
  }

  const child: ChildProcess = fork(join(ROOT, 'out/main/index.js'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--import', join(import.meta.dirname, 'register-electron.mjs')],
    env: {
      ...process.env,
      FIELDBILL_DESKTOP_HOME: options.home,
      FIELDBILL_SAFE_STORAGE: script.safeStorage,
      FIELDBILL_SAFE_STORAGE_KEY: options.safeStorageKey,
      ...(options.appPort ? { FIELDBILL_APP_PORT: String(options.appPort) } : {}),
    },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pages = new Map<number, Page>()
  /** Windows main destroyed whose pages are still closing. */
  const closing = new Set<Promise<void>>()
  // A window does not outlive its process: when main ends, its pages close.
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      void Promise.all([...pages.values()].map((p) => p.close()))
        .then(() => Promise.all(closing))
        .then(() => resolve(code))
    }),
  )

  const page = (id: number): Page => {
    const found = pages.get(id)
    if (!found) throw new Error(`window ${id} has no page`)
    return found
  }
  const rpc: Rpc = connect(child, async (method, raw) => {
    const args = raw as { id: number } & Record<string, unknown>
    switch (method) {
      case 'window:load': {
        // The first window is the test's main window; later ones (the print window) are pages of their own.
        let target = pages.get(args.id)
        if (!target) {
          target = await context.newPage()
          pages.set(args.id, target)
          if (!main) main = target
        }
        await target.goto(args.url as string)
        if (target === main) resolveMain(target)
        return undefined
      }
      case 'window:evaluate':
        return page(args.id).evaluate(args.code as string)
      case 'window:pdf':
        return page(args.id).pdf(pdfOptions(args.options as Parameters<typeof pdfOptions>[0]))
      case 'window:print': {
        const job = args.options as { deviceName?: string; pageSize?: string }
        if (!script.printers.some((p) => p.name === job.deviceName)) return false
        const pdf = await page(args.id).pdf({ format: job.pageSize ?? 'A4', printBackground: true })
        app.printed.push({ options: job, pdf })
        return true
      }
      case 'window:send':
        return page(args.id).evaluate(
          ([deliver, channel]) =>
            (window as unknown as Record<string, (c: string) => void>)[deliver]?.(channel),
          [DELIVER_EVENT, args.channel as string] as const,
        )
      case 'window:reload':
        return page(args.id).reload()
      case 'window:destroy': {
        const destroyed = pages.get(args.id)
        pages.delete(args.id)
        const closed = destroyed?.close()
        // Main may exit before the close is done: `exited` waits for it, so a closed window is closed by then.
        if (closed) closing.add(closed)
        return closed
      }
      case 'printers':
        return script.printers
      case 'dialog': {
        const kind = args.kind as 'save' | 'open' | 'message'
        const dialogOptions = args.options as DialogOptions
        app.dialogs.push({ kind, options: dialogOptions })
        if (kind === 'save') {
          const filePath = script.saveDialog(dialogOptions)
          return { canceled: filePath === null, filePath: filePath ?? '' }
        }
        if (kind === 'open') {
          const filePath = script.openDialog(dialogOptions)
          return { canceled: filePath === null, filePaths: filePath ? [filePath] : [] }
        }
        return { response: script.messageBox(dialogOptions), checkboxChecked: false }
      }
      case 'shell':
        app.shell.push({ kind: args.kind as string, target: args.target as string })
        return ''
      default:
        throw new Error(`The test has no '${method}'`)
    }
  })

  // Before any page exists: every window gets the built preload, and its IPC reaches main.
  await context.exposeBinding(INVOKE_BINDING, async (source, channel: string, payload: unknown) =>
    encodeBytes(
      await rpc.call('ipc', {
        channel,
        frameUrl: source.frame.url(),
        payload: decodeBytes(payload),
      }),
    ),
  )
  await context.addInitScript({ content: preloadScript(ROOT) })

  const failed = exited.then((code) => {
    throw new Error(`main exited (${code}) before its window loaded`)
  })
  // Observed by mainWindow(); an exit after the window loaded is no error.
  failed.catch(() => undefined)
  return {
    ...app,
    exited,
    mainWindow: () => Promise.race([mainLoaded, failed]),
    async closeMainWindow() {
      await rpc.call('window:close')
    },
    async stop() {
      // The windows first, so that no page still calls into a main process that is going.
      await Promise.all([...pages.values()].map((p) => p.close()))
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
