/**
 * The page layout of an invoice PDF, shared by the two renderers of the same print route: Electron's
 * `webContents.printToPDF` in the desktop app and Chromium's `page.pdf()` in the end-to-end tests. Both take
 * Chromium's header/footer templates, in which elements with the classes `pageNumber`, `totalPages` and `title`
 * are filled in by the print engine, page by page; CSS alone cannot count pages in Chromium.
 */

/** Paper sizes a rep can choose; the print view names its CSS page after the same value. */
export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]

export function isPaperSize(value: unknown): value is PaperSize {
  return typeof value === 'string' && (paperSizes as readonly string[]).includes(value)
}

/** Margins in inches, as printToPDF takes them; the print CSS's @page margins say the same. */
export const PDF_MARGINS_INCHES = { top: 0.5, bottom: 0.7, left: 0.55, right: 0.55 } as const

/** The attribute the print view sets on <html> once data and fonts are in, so a renderer knows when to print. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready'

/** The hash route of one invoice's print view (hash history: the same URL works under app:// and http). */
export function printRoute(invoiceId: string, paper: PaperSize): string {
  return `#/invoices/${encodeURIComponent(invoiceId)}/print?paper=${paper}`
}

/**
 * The hash route of a customer's statement for a period (days as YYYY-MM-DD). The paper is not in it: the
 * statement names no CSS page, so the PDF's page size alone sets it.
 */
export function statementRoute(customerId: string, period: { from: string; to: string }): string {
  const query = `from=${period.from}&to=${period.to}`
  return `#/customers/${encodeURIComponent(customerId)}/statement?${query}`
}

/** What main renders to paper or PDF: one invoice, or one customer's statement for a period. */
export type PrintTarget =
  | { kind: 'invoice'; invoiceId: string }
  | { kind: 'statement'; customerId: string; from: string; to: string }

export function printTargetRoute(target: PrintTarget, paper: PaperSize): string {
  return target.kind === 'invoice'
    ? printRoute(target.invoiceId, paper)
    : statementRoute(target.customerId, target)
}

// Header/footer templates are rendered in their own tiny document without the page's CSS or fonts, so they carry
// inline styles; their font-size must be set explicitly or Chromium renders them at a near-invisible default.
const FOOTER_TEMPLATE = [
  '<div style="width:100%;margin:0 0.55in;font-size:8pt;color:#555;',
  'font-family:sans-serif;display:flex;justify-content:space-between">',
  '<span class="title"></span>',
  '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>',
  '</div>',
].join('')

/** An empty header: Chromium prints the date and URL there unless given a template. */
const HEADER_TEMPLATE = '<span></span>'

/** What both PDF renderers need, in neutral units. */
export interface PdfLayout {
  paper: PaperSize
  marginsInches: typeof PDF_MARGINS_INCHES
  headerTemplate: string
  footerTemplate: string
}

export function pdfLayout(paper: PaperSize): PdfLayout {
  return {
    paper,
    marginsInches: PDF_MARGINS_INCHES,
    headerTemplate: HEADER_TEMPLATE,
    footerTemplate: FOOTER_TEMPLATE,
  }
}

/** Options for Electron's `webContents.printToPDF` (pageSize by name, margins in inches). */
export function electronPdfOptions(paper: PaperSize) {
  const layout = pdfLayout(paper)
  return {
    pageSize: paper === 'a4' ? ('A4' as const) : ('Letter' as const),
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margins: { ...layout.marginsInches },
    preferCSSPageSize: false,
    generateTaggedPDF: true,
  }
}

/** Options for Playwright's `page.pdf()` (format by name, margins as CSS lengths). */
export function chromiumPdfOptions(paper: PaperSize) {
  const layout = pdfLayout(paper)
  const m = layout.marginsInches
  return {
    format: paper === 'a4' ? 'A4' : 'Letter',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margin: {
      top: `${m.top}in`,
      bottom: `${m.bottom}in`,
      left: `${m.left}in`,
      right: `${m.right}in`,
    },
    preferCSSPageSize: false,
    tagged: true,
  }
}
