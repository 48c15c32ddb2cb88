/**
 * The IPC handlers of the desktop services, as plain Node: what each channel does, given the services and the
 * few Electron-only pieces behind small interfaces (dialogs, the PDF renderer, printing, opening a file). The
 * Electron adapters in `src-main/adapters/` implement those interfaces in a few lines each; everything else is
 * here and tested with real files and a real SMTP server.
 */
import { randomUUID } from 'node:crypto'
import { basename, join } from 'node:path'
import type {
  EInvoiceSaveResult,
  FileKind,
  MailRequest,
  PaperSize,
  PrinterInfo,
} from '@core/ipc/desktop-services'
import { MAX_FILE_BYTES } from '@core/ipc/desktop-services'
import {
  invoiceMailText,
  invoicePdfFileName,
  statementPdfFileName,
} from '@core/print/mail-template'
import type { PrintTarget } from '@core/print/pdf-options'
import type { Handlers } from '../ipc-router'
import { UserFacingError } from './errors'
import type { BackupScheduler } from './backup-scheduler'
import type { BackupService } from './backups'
import { makeFacturX } from './factur-x'
import type { FileService } from './files'
import { buildEmlDraft, newMessageId } from './mail-message'
import type { Outbox } from './outbox'
import type { PdfFiles } from './pdf-files'
import type { SecretStore } from './secrets'
import type { SettingsStore } from './settings'
import type { SyncSessionService } from './sync-session'

/** The system file dialogs; each answers the chosen path, or null when the rep canceled. */
export interface Dialogs {
  saveFile(options: { suggestedName: string; kind: FileKind }): Promise<string | null>
  openFile(options: { kind: FileKind }): Promise<string | null>
}

/** Renders a print route (an invoice, a statement) to PDF bytes (Electron: printToPDF in a hidden window). */
export interface PdfRenderer {
  render(target: PrintTarget, paper: PaperSize): Promise<Uint8Array>
}

/** Prints the invoice print route (Electron: webContents.print in a hidden window). */
export interface Printing {
  print(
    invoiceId: string,
    paper: PaperSize,
    options: { silent: boolean; deviceName?: string },
  ): Promise<boolean>
  listPrinters(): Promise<PrinterInfo[]>
}

export interface DesktopDeps {
  dataFolder: string
  files: FileService
  settings: SettingsStore
  secrets: SecretStore
  syncSession: SyncSessionService
  outbox: Outbox
  pdfFiles: PdfFiles
  backups: BackupService
  scheduler: BackupScheduler
  dialogs: Dialogs
  pdf: PdfRenderer
  printing: Printing
  /** Opens a file with the program the OS associates with it (the .eml draft in the mail app). */
  openPath(path: string): Promise<void>
  /** The clock of the Factur-X dates; tests fix it. */
  now?: () => number
}

const invoice = (invoiceId: string): PrintTarget => ({ kind: 'invoice', invoiceId })

function mailText(request: MailRequest) {
  return invoiceMailText({
    invoiceNumber: request.invoiceNumber,
    customerName: request.customerName,
    contactName: request.to.name,
    companyName: request.companyName,
    totalAmount: request.totalAmount,
    currencyCode: request.currencyCode,
    ...(request.dueDate ? { dueDate: request.dueDate } : {}),
    ...(request.locale ? { locale: request.locale } : {}),
  })
}

export function createDesktopHandlers(deps: DesktopDeps): Handlers {
  const { files, settings, secrets, outbox, dialogs } = deps

  /** Asks where to save, then writes what `produce` makes there; a canceled dialog writes nothing. */
  async function saveChosen(
    suggestedName: string,
    kind: FileKind,
    produce: () => Promise<Uint8Array>,
  ) {
    const chosen = await dialogs.saveFile({ suggestedName, kind })
    if (!chosen) return { saved: false, fileName: null }
    const path = files.allowChosenPath(chosen)
    await files.writeAtomic(path, await produce())
    return { saved: true, fileName: basename(path) }
  }

  /** The invoice PDF, rendered as for Export PDF, made Factur-X with the renderer's CII XML inside. */
  async function facturX(request: {
    invoiceId: string
    invoiceNumber: string
    paperSize: PaperSize
    xml: string
    sellerName: string
  }): Promise<Uint8Array> {
    return makeFacturX({
      pdf: await deps.pdf.render(invoice(request.invoiceId), request.paperSize),
      xml: request.xml,
      title: `Invoice ${request.invoiceNumber}`,
      author: request.sellerName,
      at: new Date((deps.now ?? Date.now)()),
    })
  }

  async function smtpFrom() {
    const smtp = (await settings.read()).smtp
    return smtp ? { name: smtp.fromName, address: smtp.fromAddress } : null
  }

  return {
    'file:save-dialog': ({ suggestedName, kind, data }) =>
      saveChosen(suggestedName, kind, () => Promise.resolve(data)),
    'file:open-dialog': async ({ kind }) => {
      const chosen = await dialogs.openFile({ kind })
      if (!chosen) return null
      const data = await files.read(files.allowChosenPath(chosen))
      if (data.byteLength > MAX_FILE_BYTES) throw new UserFacingError('That file is too large.')
      return { fileName: basename(chosen), data: new Uint8Array(data) }
    },

    'pdf:export': ({ invoiceId, invoiceNumber, paperSize }) =>
      saveChosen(invoicePdfFileName(invoiceNumber), 'pdf', () =>
        deps.pdf.render(invoice(invoiceId), paperSize),
      ),
    'pdf:export-statement': ({ customerId, customerName, from, to, paperSize }) =>
      saveChosen(statementPdfFileName(customerName, to), 'pdf', () =>
        deps.pdf.render({ kind: 'statement', customerId, from, to }, paperSize),
      ),
    'pdf:for-email': async ({ invoiceId, paperSize }) => ({
      pdfId: await deps.pdfFiles.save(await deps.pdf.render(invoice(invoiceId), paperSize)),
    }),

    'einvoice:export': async (request): Promise<EInvoiceSaveResult> => {
      const chosen = await dialogs.saveFile({
        suggestedName: invoicePdfFileName(request.invoiceNumber),
        kind: 'pdf',
      })
      if (!chosen) return { saved: false, fileName: null, xmlFileName: null }
      const path = files.allowChosenPath(chosen)
      const xmlPath = files.allowChosenPath(`${path.replace(/\.pdf$/i, '')}.xml`)
      // Made before anything is written: a PDF that cannot be made leaves no lone XML behind.
      const pdf = await facturX(request)
      await files.writeAtomic(xmlPath, request.xml)
      await files.writeAtomic(path, pdf)
      return { saved: true, fileName: basename(path), xmlFileName: basename(xmlPath) }
    },
    'einvoice:pdf-for-email': async (request) => ({
      pdfId: await deps.pdfFiles.save(await facturX(request)),
    }),

    'print:invoice': async ({ invoiceId, paperSize, mode }) => {
      const { printerName } = (await settings.read()).print
      if (mode === 'printer' && !printerName)
        throw new UserFacingError('Choose a printer in the print settings first.')
      const options =
        mode === 'printer' && printerName
          ? { silent: true, deviceName: printerName }
          : { silent: false }
      return { printed: await deps.printing.print(invoiceId, paperSize, options) }
    },
    'print:list-printers': () => deps.printing.listPrinters(),
    'print:settings': async () => (await settings.read()).print,
    'print:save-settings': async (print) => (await settings.update((s) => ({ ...s, print }))).print,

    'mail:queue': async (request) => {
      const { subject, text } = mailText(request)
      return outbox.enqueue({
        invoiceId: request.invoiceId,
        invoiceNumber: request.invoiceNumber,
        to: request.to,
        subject,
        text,
        attachmentName: invoicePdfFileName(request.invoiceNumber),
        attachment: await deps.pdfFiles.read(request.pdfId),
      })
    },
    'mail:outbox-status': () => outbox.list(),
    'mail:retry': ({ id }) => outbox.retry(id),
    'mail:open-draft': async (request) => {
      const { subject, text } = mailText(request)
      const from = await smtpFrom()
      const name = invoicePdfFileName(request.invoiceNumber).replace(/\.pdf$/, '.eml')
      const eml = await buildEmlDraft(
        {
          messageId: newMessageId(randomUUID(), from?.address),
          to: request.to,
          subject,
          text,
          attachmentName: invoicePdfFileName(request.invoiceNumber),
        },
        await deps.pdfFiles.read(request.pdfId),
        from,
      )
      const path = join(deps.dataFolder, 'drafts', name)
      await files.writeAtomic(path, eml)
      await deps.openPath(path)
      return { fileName: name }
    },

    'smtp:settings': async () => (await settings.read()).smtp,
    'smtp:save-settings': async (smtp) => {
      await settings.update((s) => ({ ...s, smtp }))
      outbox.wake()
      return smtp
    },
    'secrets:set-smtp': async ({ password }) => {
      await secrets.set('smtp-password', password)
      outbox.wake()
      return true as const
    },
    'secrets:has-smtp': () => secrets.has('smtp-password'),
    ...deps.syncSession.handlers,

    'backup:write': async ({ reason, data }) => {
      const entry = await deps.backups.write(reason, data)
      await deps.scheduler.written(entry)
      return entry
    },
    'backup:list': () => deps.backups.list(),
    'backup:read': ({ name }) => deps.backups.read(name),
    'backup:status': () => deps.scheduler.status(),
  }
}
