/**
 * The one IPC contract between the renderer and the main process. Channel names, request schemas and response
 * types live here so that the preload, the main-process handlers and the renderer's platform module cannot drift
 * apart. Only channels listed in `channels` ever cross the bridge.
 */
import { empty, int, object, string, oneOf, type Schema } from '@core/schema'
import * as d from './desktop-services'

export interface AppInfo {
  name: string
  version: string
  platform: string
  arch: string
  dataFolder: string
  electron: string | null
  chrome: string | null
}

/** What a handler answers; errors are plain sentences, never stack traces. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string }

export interface ChannelSpec<Req, Res> {
  request: Schema<Req>
  /** Phantom field carrying the response type; never read at run time. */
  response?: Res
}

function channel<Req, Res>(request: Schema<Req>): ChannelSpec<Req, Res> {
  return { request }
}

export const channels = {
  'app:info': channel<undefined, AppInfo>(empty()),
  'shell:open-external': channel<{ url: string }, true>(
    object({ url: string({ max: 2048, pattern: /^https:\/\//, patternName: 'an https URL' }) }),
  ),
  'app:theme': channel<{ source: 'system' | 'light' | 'dark' }, true>(
    object({ source: oneOf(['system', 'light', 'dark'] as const) }),
  ),
  // How many changes wait to be sent to the sync server: main asks before closing the window when some do.
  'app:unsent-changes': channel<{ count: number }, true>(
    object({ count: int({ min: 0, max: 100_000_000 }) }),
  ),
  // Desktop services (src-main/services). Files are written only where the rep chose in a dialog that main
  // opened, or in main's own folders: no channel takes a path from the renderer.
  'file:save-dialog': channel<RequestIn<typeof d.saveFileRequest>, d.SaveResult>(d.saveFileRequest),
  'file:open-dialog': channel<RequestIn<typeof d.openFileRequest>, d.OpenedFile | null>(
    d.openFileRequest,
  ),
  'pdf:export': channel<RequestIn<typeof d.pdfExportRequest>, d.SaveResult>(d.pdfExportRequest),
  'pdf:for-email': channel<RequestIn<typeof d.pdfForEmailRequest>, d.PdfForEmail>(
    d.pdfForEmailRequest,
  ),
  'pdf:export-statement': channel<RequestIn<typeof d.statementPdfRequest>, d.SaveResult>(
    d.statementPdfRequest,
  ),
  // Export e-invoice: the invoice PDF made Factur-X (PDF/A-3 with the CII XML inside) and the XML beside it;
  // for email, the Factur-X PDF kept in main like 'pdf:for-email'.
  'einvoice:export': channel<RequestIn<typeof d.eInvoiceRequest>, d.EInvoiceSaveResult>(
    d.eInvoiceRequest,
  ),
  'einvoice:pdf-for-email': channel<RequestIn<typeof d.eInvoiceRequest>, d.PdfForEmail>(
    d.eInvoiceRequest,
  ),
  'print:invoice': channel<RequestIn<typeof d.printRequest>, { printed: boolean }>(d.printRequest),
  'print:list-printers': channel<undefined, d.PrinterInfo[]>(empty()),
  'print:settings': channel<undefined, d.PrintSettings>(empty()),
  'print:save-settings': channel<d.PrintSettings, d.PrintSettings>(d.printSettingsSchema),
  'mail:queue': channel<d.MailRequest, d.OutboxEntry>(d.mailRequest),
  'mail:outbox-status': channel<undefined, d.OutboxEntry[]>(empty()),
  'mail:retry': channel<RequestIn<typeof d.retryMailRequest>, d.OutboxEntry>(d.retryMailRequest),
  'mail:open-draft': channel<d.MailRequest, d.DraftResult>(d.mailRequest),
  'smtp:settings': channel<undefined, d.SmtpSettings | null>(empty()),
  'smtp:save-settings': channel<d.SmtpSettings, d.SmtpSettings>(d.smtpSettingsSchema),
  // The password goes in and never comes back out: the renderer may only ask whether one is stored.
  'secrets:set-smtp': channel<RequestIn<typeof d.smtpPasswordRequest>, true>(d.smtpPasswordRequest),
  'secrets:has-smtp': channel<undefined, boolean>(empty()),
  // Unlike the SMTP password, the sync token comes back: the renderer signs its own sync requests with it.
  // `persists`: false when the computer has no keychain and main keeps the session only for this run.
  'sync:save-token': channel<d.SyncCredentials, { persists: boolean }>(d.syncCredentialsSchema),
  'sync:get-token': channel<undefined, d.SyncCredentials | null>(empty()),
  'sync:clear-token': channel<undefined, true>(empty()),
  'backup:write': channel<RequestIn<typeof d.backupWriteRequest>, d.BackupEntry>(
    d.backupWriteRequest,
  ),
  'backup:list': channel<undefined, d.BackupEntry[]>(empty()),
  'backup:read': channel<RequestIn<typeof d.backupReadRequest>, Uint8Array>(d.backupReadRequest),
  'backup:status': channel<undefined, d.BackupStatus>(empty()),
} as const

/** The request type a schema parses. */
type RequestIn<S> = S extends Schema<infer T> ? T : never

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type RequestOf<C extends ChannelName> =
  Channels[C] extends ChannelSpec<infer Req, unknown> ? Req : never
export type ResponseOf<C extends ChannelName> =
  Channels[C] extends ChannelSpec<unknown, infer Res> ? Res : never

export const channelNames = Object.keys(channels) as ChannelName[]

/** Preload and renderer agree on this name; the bridge object is exposed on `window` under it. */
export const BRIDGE_KEY = 'fieldbill'

/**
 * The bridge as the renderer sees it: exactly one async function per channel, keyed by the channel's name.
 *
 * @example
 * const info = await window.fieldbill['app:info'](undefined)
 */
export type DesktopBridge = {
  readonly [C in ChannelName]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
} & {
  /** Subscribes to one of the fixed main → renderer events; returns the unsubscribe function. */
  readonly on: (event: AppEvent, listener: () => void) => () => void
}

/**
 * Events main sends to the renderer; they carry no payload. `mail:outbox-changed` asks the renderer to read
 * `mail:outbox-status` again; `backup:due` to read `backup:status` and write the backup it names.
 */
export const appEvents = ['menu:about', 'mail:outbox-changed', 'backup:due'] as const
export type AppEvent = (typeof appEvents)[number]

export function isAppEvent(name: unknown): name is AppEvent {
  return typeof name === 'string' && (appEvents as readonly string[]).includes(name)
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name)
}

/** Validates a request against its channel's schema; the error names the channel and the field. */
export function parseRequest<C extends ChannelName>(
  name: C,
  payload: unknown,
): IpcResult<RequestOf<C>> {
  const parsed = channels[name].request.safeParse(payload)
  if (!parsed.ok) return { ok: false, error: `${name}: ${parsed.error}` }
  return { ok: true, value: parsed.value as RequestOf<C> }
}
