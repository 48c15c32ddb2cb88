/**
 * The desktop services as the renderer's stores see them: PDF, printing, mail, SMTP account, backups. Inside
 * Electron each call goes over one channel of the contract; in a browser each falls back to what a browser can
 * do (its print dialog, a mailto: link) and says plainly what is left for the rep to do by hand.
 */
import type { DesktopBridge, IpcResult } from '@core/ipc/contract'
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

/** What the renderer knows of an invoice mail; main renders the PDF and builds the message. */
export type InvoiceMail = Omit<MailRequest, 'pdfId'>

/** The outcome of an action, and a sentence to show when the rep must do something. */
export interface Outcome {
  done: boolean
  message: string | null
}

export interface DesktopServicesPlatform {
  exportInvoicePdf(
    invoice: { invoiceId: string; invoiceNumber: string },
    paper: PaperSize,
  ): Promise<Outcome>
  printInvoice(invoiceId: string, paper: PaperSize, mode: 'dialog' | 'printer'): Promise<Outcome>
  listPrinters(): Promise<PrinterInfo[]>
  printSettings(): Promise<PrintSettings>
  savePrintSettings(settings: PrintSettings): Promise<PrintSettings>
  sendInvoiceEmail(mail: InvoiceMail, paper: PaperSize): Promise<Outcome>
  openMailDraft(mail: InvoiceMail, paper: PaperSize): Promise<Outcome>
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

export class ServiceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ServiceError'
  }
}

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new ServiceError(result.error)
  return result.value
}

export function desktopServices(bridge: DesktopBridge): DesktopServicesPlatform {
  const pdfFor = async (mail: InvoiceMail, paper: PaperSize) =>
    unwrap(await bridge['pdf:for-email']({ invoiceId: mail.invoiceId, paperSize: paper })).pdfId
  return {
    async exportInvoicePdf(invoice, paper) {
      const saved = unwrap(await bridge['pdf:export']({ ...invoice, paperSize: paper }))
      return { done: saved.saved, message: saved.fileName ? `Saved ${saved.fileName}.` : null }
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
    async sendInvoiceEmail(mail, paper) {
      const entry = unwrap(
        await bridge['mail:queue']({ ...mail, pdfId: await pdfFor(mail, paper) }),
      )
      return {
        done: true,
        message: `Queued for ${entry.to}; it is sent when the connection allows.`,
      }
    },
    async openMailDraft(mail, paper) {
      const draft = unwrap(
        await bridge['mail:open-draft']({ ...mail, pdfId: await pdfFor(mail, paper) }),
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
  const unavailable = () => Promise.reject(new ServiceError(DESKTOP_ONLY))
  const printPage = (message: string | null): Promise<Outcome> => {
    win.print()
    return Promise.resolve({ done: true, message })
  }
  const mailto = (mail: InvoiceMail): Promise<Outcome> => {
    win.location.assign(mailtoUrl(mail))
    return Promise.resolve({ done: false, message: ATTACH_HINT })
  }
  return {
    exportInvoicePdf: () => printPage(PRINT_HINT),
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
