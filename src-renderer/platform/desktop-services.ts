/**
 * The desktop services as the renderer's stores see them: PDF, printing, mail, SMTP account, backups. Inside
 * Electron each call goes over one channel of the contract; in a browser each falls back to what a browser can
 * do (its print dialog, a mailto: link) and says plainly what is left for the rep to do by hand.
 */
import type { DesktopBridge } from '@core/ipc/contract'
import type {
  BackupEntry,
  BackupReason,
  BackupStatus,
  MailRequest,
  OutboxEntry,
  PaperSize,
  PrinterInfo,
  PrintSettings,
  SmtpSettings,
} from '@core/ipc/desktop-services'
import { invoiceMailText } from '@core/print/mail-template'
import { PlatformError, unwrap } from './ipc-result'

/** What the renderer knows of an invoice mail; main renders the PDF and builds the message. */
export type InvoiceMail = Omit<MailRequest, 'pdfId'>

/** The invoice's CII XML and the seller's legal name: what main needs to make the invoice PDF Factur-X. */
export interface FacturXContent {
  xml: string
  sellerName: string
}

/** The outcome of an action, and a sentence to show when the rep must do something. */
export interface DesktopOutcome {
  done: boolean
  message: string | null
}

export interface DesktopServicesPlatform {
  exportInvoicePdf(
    invoice: { invoiceId: string; invoiceNumber: string },
    paper: PaperSize,
  ): Promise<DesktopOutcome>
  /** A customer's statement for a period as a PDF where the rep chooses; a browser prints the page. */
  exportStatementPdf(
    statement: { customerId: string; customerName: string; from: string; to: string },
    paper: PaperSize,
  ): Promise<DesktopOutcome>
  /** The Factur-X PDF where the rep chooses, with the XML beside it (desktop only). */
  exportEInvoice(
    invoice: { invoiceId: string; invoiceNumber: string },
    content: FacturXContent,
    paper: PaperSize,
  ): Promise<DesktopOutcome>
  printInvoice(
    invoiceId: string,
    paper: PaperSize,
    mode: 'dialog' | 'printer',
  ): Promise<DesktopOutcome>
  listPrinters(): Promise<PrinterInfo[]>
  printSettings(): Promise<PrintSettings>
  savePrintSettings(settings: PrintSettings): Promise<PrintSettings>
  /** With `facturX`, the attachment is the Factur-X PDF instead of the plain invoice PDF. */
  sendInvoiceEmail(
    mail: InvoiceMail,
    paper: PaperSize,
    facturX?: FacturXContent,
  ): Promise<DesktopOutcome>
  openMailDraft(
    mail: InvoiceMail,
    paper: PaperSize,
    facturX?: FacturXContent,
  ): Promise<DesktopOutcome>
  outbox(): Promise<OutboxEntry[]>
  retryMail(id: string): Promise<OutboxEntry>
  smtpSettings(): Promise<SmtpSettings | null>
  saveSmtpSettings(settings: SmtpSettings): Promise<SmtpSettings>
  setSmtpPassword(password: string): Promise<void>
  hasSmtpPassword(): Promise<boolean>
  writeBackup(reason: BackupReason, data: Uint8Array): Promise<BackupEntry>
  listBackups(): Promise<BackupEntry[]>
  readBackup(name: string): Promise<Uint8Array>
  backupStatus(): Promise<BackupStatus | null>
}

export function desktopServices(bridge: DesktopBridge): DesktopServicesPlatform {
  const pdfFor = async (mail: InvoiceMail, paper: PaperSize, facturX?: FacturXContent) => {
    const saved = facturX
      ? await bridge['einvoice:pdf-for-email']({
          invoiceId: mail.invoiceId,
          invoiceNumber: mail.invoiceNumber,
          paperSize: paper,
          ...facturX,
        })
      : await bridge['pdf:for-email']({ invoiceId: mail.invoiceId, paperSize: paper })
    return unwrap(saved).pdfId
  }
  return {
    async exportInvoicePdf(invoice, paper) {
      const saved = unwrap(await bridge['pdf:export']({ ...invoice, paperSize: paper }))
      return { done: saved.saved, message: saved.fileName ? `Saved ${saved.fileName}.` : null }
    },
    async exportStatementPdf(statement, paper) {
      const saved = unwrap(await bridge['pdf:export-statement']({ ...statement, paperSize: paper }))
      return { done: saved.saved, message: saved.fileName ? `Saved ${saved.fileName}.` : null }
    },
    async exportEInvoice(invoice, content, paper) {
      const saved = unwrap(
        await bridge['einvoice:export']({ ...invoice, ...content, paperSize: paper }),
      )
      if (!saved.fileName) return { done: false, message: null }
      const beside = saved.xmlFileName ? ` and ${saved.xmlFileName} beside it` : ''
      return {
        done: saved.saved,
        message: `Saved the e-invoice ${saved.fileName} (Factur-X PDF)${beside}.`,
      }
    },
    async printInvoice(invoiceId, paper, mode) {
      const { printed } = unwrap(
        await bridge['print:invoice']({ invoiceId, paperSize: paper, mode }),
      )
      return { done: printed, message: null }
    },
    listPrinters: async () => unwrap(await bridge['print:list-printers'](undefined)),
    printSettings: async () => unwrap(await bridge['print:settings'](undefined)),
    savePrintSettings: async (s) => unwrap(await bridge['print:save-settings'](s)),
    async sendInvoiceEmail(mail, paper, facturX) {
      const entry = unwrap(
        await bridge['mail:queue']({ ...mail, pdfId: await pdfFor(mail, paper, facturX) }),
      )
      return {
        done: true,
        message: `Queued for ${entry.to}; it is sent when the connection allows.`,
      }
    },
    async openMailDraft(mail, paper, facturX) {
      const draft = unwrap(
        await bridge['mail:open-draft']({ ...mail, pdfId: await pdfFor(mail, paper, facturX) }),
      )
      return { done: true, message: `Opened ${draft.fileName} in your mail program.` }
    },
    outbox: async () => unwrap(await bridge['mail:outbox-status'](undefined)),
    retryMail: async (id) => unwrap(await bridge['mail:retry']({ id })),
    smtpSettings: async () => unwrap(await bridge['smtp:settings'](undefined)),
    saveSmtpSettings: async (s) => unwrap(await bridge['smtp:save-settings'](s)),
    async setSmtpPassword(password) {
      unwrap(await bridge['secrets:set-smtp']({ password }))
    },
    hasSmtpPassword: async () => unwrap(await bridge['secrets:has-smtp'](undefined)),
    writeBackup: async (reason, data) => unwrap(await bridge['backup:write']({ reason, data })),
    listBackups: async () => unwrap(await bridge['backup:list'](undefined)),
    readBackup: async (name) => unwrap(await bridge['backup:read']({ name })),
    backupStatus: async () => unwrap(await bridge['backup:status'](undefined)),
  }
}

const PRINT_HINT = 'In the print dialog, choose "Save as PDF" as the printer to get a PDF file.'
const ATTACH_HINT =
  'Your mail program opens with the message. Attach the PDF by hand: use Export PDF first.'
const DESKTOP_ONLY = 'This needs the Fieldbill desktop app.'

/** A mailto: URL with subject and body; a browser cannot attach files to it. */
export function mailtoUrl(mail: InvoiceMail): string {
  const { subject, text } = invoiceMailText({
    invoiceNumber: mail.invoiceNumber,
    customerName: mail.customerName,
    contactName: mail.to.name,
    companyName: mail.companyName,
    totalAmount: mail.totalAmount,
    currencyCode: mail.currencyCode,
    ...(mail.dueDate ? { dueDate: mail.dueDate } : {}),
    ...(mail.locale ? { locale: mail.locale } : {}),
  })
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`
  return `mailto:${encodeURIComponent(mail.to.address)}?${query}`
}

export function browserServices(win: Window = window): DesktopServicesPlatform {
  const unavailable = () => Promise.reject(new PlatformError(DESKTOP_ONLY))
  const printPage = (message: string | null): Promise<DesktopOutcome> => {
    win.print()
    return Promise.resolve({ done: true, message })
  }
  const mailto = (mail: InvoiceMail): Promise<DesktopOutcome> => {
    win.location.assign(mailtoUrl(mail))
    return Promise.resolve({ done: false, message: ATTACH_HINT })
  }
  return {
    exportInvoicePdf: () => printPage(PRINT_HINT),
    exportStatementPdf: () => printPage(PRINT_HINT),
    // The browser build downloads the XML itself (invoice-output-store); a Factur-X PDF needs main.
    exportEInvoice: unavailable,
    printInvoice: () => printPage(null),
    listPrinters: () => Promise.resolve([]),
    printSettings: () => Promise.resolve({ paperSize: 'a4', printerName: null }),
    savePrintSettings: (s) => Promise.resolve(s),
    sendInvoiceEmail: (mail) => mailto(mail),
    openMailDraft: (mail) => mailto(mail),
    outbox: () => Promise.resolve([]),
    retryMail: unavailable,
    smtpSettings: () => Promise.resolve(null),
    saveSmtpSettings: unavailable,
    setSmtpPassword: unavailable,
    hasSmtpPassword: () => Promise.resolve(false),
    writeBackup: unavailable,
    listBackups: () => Promise.resolve([]),
    readBackup: unavailable,
    backupStatus: () => Promise.resolve(null),
  }
}
