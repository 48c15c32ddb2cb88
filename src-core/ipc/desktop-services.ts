/**
 * Payload schemas and reply types of the desktop-service channels (files, PDF, printing, mail, secrets,
 * backups). `contract.ts` lists the channels; this file keeps their shapes so the contract stays readable.
 * Every size is bounded: a payload is checked before any work is done for it.
 */
import { paperSizes, type PaperSize } from '@core/print/pdf-options'
import {
  custom,
  int,
  nullable,
  object,
  oneOf,
  optional,
  refine,
  SchemaError,
  string,
  type Schema,
} from '@core/schema'

export type { PaperSize }

/** Bytes as a Uint8Array (Electron's IPC clones typed arrays as such), at most `max` long. */
export function bytes(options: { max: number }): Schema<Uint8Array> {
  // Bytes never travel as JSON: their JSON Schema says only that something is there.
  return custom((input, path) => {
    if (!(input instanceof Uint8Array)) throw new SchemaError(path, 'expected bytes')
    if (input.byteLength === 0) throw new SchemaError(path, 'must not be empty')
    if (input.byteLength > options.max)
      throw new SchemaError(path, `must be at most ${options.max} bytes`)
    return input
  }, {})
}

const MiB = 1024 * 1024
/** A backup of the whole local store; generous, but a bound. */
export const MAX_BACKUP_BYTES = 512 * MiB
export const MAX_FILE_BYTES = 256 * MiB

const id = () => string({ min: 1, max: 128, pattern: /^[A-Za-z0-9_.:-]+$/, patternName: 'an id' })
const text = (max: number) => string({ max })
const paper = oneOf(paperSizes)

// --- files ------------------------------------------------------------------------------------------------------

export const fileKinds = ['pdf', 'backup', 'csv', 'json'] as const
export type FileKind = (typeof fileKinds)[number]

/** A file name the rep may keep or change in the save dialog; never a path. */
const suggestedName = string({
  min: 1,
  max: 200,
  pattern: /^[^/\\\0:*?"<>|]+$/,
  patternName: 'a file name without folders',
})

export const saveFileRequest = object({
  suggestedName,
  kind: oneOf(fileKinds),
  data: bytes({ max: MAX_FILE_BYTES }),
})
export const openFileRequest = object({ kind: oneOf(fileKinds) })

/** `saved: false` when the rep canceled the dialog. Only the chosen file's name comes back, never a path. */
export interface SaveResult {
  saved: boolean
  fileName: string | null
}
export interface OpenedFile {
  fileName: string
  data: Uint8Array
}

// --- PDF and printing ------------------------------------------------------------------------------------------

export const pdfExportRequest = object({
  invoiceId: id(),
  invoiceNumber: text(80),
  paperSize: paper,
})
export const pdfForEmailRequest = object({ invoiceId: id(), paperSize: paper })

/** A calendar day as YYYY-MM-DD that exists (no 2026-02-30); it goes into the statement's route as it is. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const day = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value
}
const isoDay = refine(string({ max: 32 }), isIsoDay, 'expected a date as YYYY-MM-DD')

/** Export PDF of a customer's statement: only the ids and days reach the print route; the name names the file. */
export const statementPdfRequest = refine(
  object({
    customerId: id(),
    customerName: text(300),
    from: isoDay,
    to: isoDay,
    paperSize: paper,
  }),
  (r) => r.from <= r.to,
  'from must not be after to',
)
/** The PDF stays in main's data folder; the renderer holds only its id. */
export interface PdfForEmail {
  pdfId: string
}

// --- E-invoices (Factur-X) ---------------------------------------------------------------------------------------

/**
 * The CII XML the renderer made with src-core's buildCiiXml; main embeds it as it is, so it only checks that it
 * is one CII document of sane size.
 */
const ciiXml = string({
  min: 1,
  max: 4 * MiB,
  pattern:
    /^<\?xml[^>]*\?>\s*<rsm:CrossIndustryInvoice[\s>][\s\S]*<\/rsm:CrossIndustryInvoice>\s*$/,
  patternName: 'a CII e-invoice (XML)',
})
export const eInvoiceRequest = object({
  invoiceId: id(),
  invoiceNumber: text(80),
  paperSize: paper,
  xml: ciiXml,
  /** The seller's legal name: the PDF's author. */
  sellerName: string({ min: 1, max: 300 }),
})
/** The Factur-X PDF where the rep chose, and the XML beside it under the same name (`.xml`). */
export interface EInvoiceSaveResult extends SaveResult {
  xmlFileName: string | null
}

export const printRequest = object({
  invoiceId: id(),
  paperSize: paper,
  mode: oneOf(['dialog', 'printer'] as const),
})
export interface PrinterInfo {
  name: string
  displayName: string
  isDefault: boolean
}
export interface PrintSettings {
  paperSize: PaperSize
  /** The printer chosen for "print straight away"; null means ask with the system dialog. */
  printerName: string | null
}
export const printSettingsSchema: Schema<PrintSettings> = object({
  paperSize: paper,
  printerName: nullable(string({ min: 1, max: 256 })),
})

// --- mail ------------------------------------------------------------------------------------------------------

const emailAddress = string({
  min: 3,
  max: 254,
  pattern: /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/,
  patternName: 'an email address',
})

/** What the renderer knows about the invoice; main builds subject, body and attachment from it. */
export const mailRequest = object({
  invoiceId: id(),
  invoiceNumber: text(80),
  customerName: text(200),
  to: object({ name: text(200), address: emailAddress }),
  companyName: text(200),
  totalAmount: string({ max: 40, pattern: /^-?\d+(\.\d+)?$/, patternName: 'a decimal number' }),
  currencyCode: string({ min: 3, max: 3, pattern: /^[A-Z]{3}$/, patternName: 'a currency code' }),
  dueDate: optional(string({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, patternName: 'a date' })),
  locale: optional(string({ max: 35, pattern: /^[A-Za-z0-9-]+$/, patternName: 'a locale' })),
  pdfId: id(),
})
export type MailRequest = ReturnType<typeof mailRequest.parse>

export const outboxStates = ['queued', 'sending', 'sent', 'failed', 'uncertain'] as const
/**
 * `uncertain`: the app stopped while the server may already have accepted the message, so it is not resent on
 * its own; the rep decides (see `src-main/services/outbox.ts`).
 */
export type OutboxState = (typeof outboxStates)[number]

export interface OutboxEntry {
  id: string
  invoiceId: string
  invoiceNumber: string
  to: string
  subject: string
  state: OutboxState
  attempts: number
  nextAttemptAt: string | null
  /** The server's reason for the last failure, word for word, or why the app gave up. */
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

export const retryMailRequest = object({ id: id() })
export interface DraftResult {
  fileName: string
}

export const smtpSettingsSchema = object({
  host: string({ min: 1, max: 253, pattern: /^[A-Za-z0-9.-]+$/, patternName: 'a host name' }),
  port: int({ min: 1, max: 65535 }),
  /** tls: TLS from the first byte (465); starttls: upgrade required (587); none: only for a local relay. */
  security: oneOf(['tls', 'starttls', 'none'] as const),
  username: text(254),
  fromAddress: emailAddress,
  fromName: text(200),
})
export type SmtpSettings = ReturnType<typeof smtpSettingsSchema.parse>
export const smtpPasswordRequest = object({ password: string({ min: 1, max: 1024 }) })

/** The sync server's session: main seals it with safeStorage, so the rep stays connected across restarts. */
export interface SyncCredentials {
  serverUrl: string
  userName: string
  token: string
}
export const syncCredentialsSchema: Schema<SyncCredentials> = object({
  serverUrl: string({ min: 1, max: 2048, pattern: /^https?:\/\//, patternName: 'an http(s) URL' }),
  userName: string({ min: 1, max: 200 }),
  token: string({ min: 1, max: 512 }),
})

// --- backups ---------------------------------------------------------------------------------------------------

export const backupReasons = ['daily', 'pre-migration', 'pre-update', 'manual'] as const
export type BackupReason = (typeof backupReasons)[number]

export const backupWriteRequest = object({
  reason: oneOf(backupReasons),
  data: bytes({ max: MAX_BACKUP_BYTES }),
})
export const backupReadRequest = object({
  name: string({
    max: 120,
    pattern: /^fieldbill-[0-9TZ-]+-[a-z-]+\.json$/,
    patternName: 'a backup name',
  }),
})
export interface BackupEntry {
  name: string
  reason: BackupReason
  createdAt: string
  size: number
}
export interface BackupStatus {
  /** Which backup the renderer should write now, if any. */
  due: 'daily' | 'pre-update' | null
  lastBackupAt: string | null
  folder: string
}
