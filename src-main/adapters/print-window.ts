/**
 * A print route (an invoice, a customer's statement) in a hidden window of the one window factory (same sandbox, CSP and navigation
 * guards), rendered to PDF with `printToPDF` or sent to a printer with `print`. Only the Electron binary can run
 * this; it holds no logic beyond loading the route, waiting for the page to say it is ready, and the one call.
 * The page layout options come from `src-core/print/pdf-options.ts`, the same ones the tests give `page.pdf()`.
 */
import type { WebContents } from 'electron'
import {
  electronPdfOptions,
  PDF_MARGINS_INCHES,
  PRINT_READY_ATTRIBUTE,
  printTargetRoute,
  type PaperSize,
  type PrintTarget,
} from '@core/print/pdf-options'
import { UserFacingError } from '../services/errors'
import type { PdfRenderer, Printing } from '../services/desktop-handlers'
import { createWindow } from '../window'

export interface PrintWindowOptions {
  preloadPath: string
  /** The page URL for a hash route: app://fieldbill/index.html#/... or the dev server's. */
  pageUrl: (hash: string) => string
  devServerUrl?: string
  /** Any live webContents, for the printer list. */
  anyContents: () => WebContents | undefined
}

const READY_TIMEOUT_MS = 20_000

/** Polls the page's ready attribute: 'true' once data and fonts are in, 'error' when the document is missing. */
async function waitUntilReady(contents: WebContents, what: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    const state: unknown = await contents.executeJavaScript(
      `document.documentElement.getAttribute('${PRINT_READY_ATTRIBUTE}')`,
    )
    if (state === 'true') return
    if (state === 'error') throw new UserFacingError(`The ${what} could not be loaded to print.`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new UserFacingError(`The ${what} took too long to lay out for printing.`)
}

export function printWindowAdapters(options: PrintWindowOptions): {
  pdf: PdfRenderer
  printing: Printing
} {
  async function withPrintView<T>(
    target: PrintTarget,
    paper: PaperSize,
    use: (contents: WebContents) => Promise<T>,
  ): Promise<T> {
    const win = createWindow({
      bounds: { x: 0, y: 0, width: 900, height: 1200, maximized: false },
      preloadPath: options.preloadPath,
      ...(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {}),
      show: false,
    })
    try {
      await win.loadURL(options.pageUrl(printTargetRoute(target, paper)))
      await waitUntilReady(win.webContents, target.kind)
      return await use(win.webContents)
    } finally {
      win.destroy()
    }
  }

  return {
    pdf: {
      render: (target, paper) =>
        withPrintView(
          target,
          paper,
          async (contents) => new Uint8Array(await contents.printToPDF(electronPdfOptions(paper))),
        ),
    },
    printing: {
      print: (invoiceId, paper, { silent, deviceName }) =>
        withPrintView(
          { kind: 'invoice', invoiceId },
          paper,
          (contents) =>
            new Promise<boolean>((resolve, reject) => {
              // Margins in CSS pixels (96 per inch). print() takes no footer template: the page numbers on
              // paper are Chromium's own header/footer, the same layout the system dialog previews.
              const px = (inches: number) => Math.round(inches * 96)
              const m = PDF_MARGINS_INCHES
              contents.print(
                {
                  silent,
                  ...(deviceName ? { deviceName } : {}),
                  printBackground: true,
                  pageSize: paper === 'a4' ? 'A4' : 'Letter',
                  margins: {
                    marginType: 'custom',
                    top: px(m.top),
                    bottom: px(m.bottom),
                    left: px(m.left),
                    right: px(m.right),
                  },
                },
                (success, reason) => {
                  // A rep who closes the dialog is not an error.
                  if (success || reason === 'Print job canceled' || reason === 'cancelled')
                    resolve(success)
                  else reject(new UserFacingError(`Printing failed: ${reason}`))
                },
              )
            }),
        ),
      async listPrinters() {
        const contents = options.anyContents()
        if (!contents) return []
        return (await contents.getPrintersAsync()).map((p) => ({
          name: p.name,
          displayName: p.displayName || p.name,
          // PrinterInfo has no default flag any more; CUPS and Windows report one among the options.
          isDefault: (p.options as Record<string, unknown> | undefined)?.['is-default'] === 'true',
        }))
      },
    },
  }
}
