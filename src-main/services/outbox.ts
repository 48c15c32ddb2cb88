/**
 * The mail outbox: messages wait on disk in main's data folder and go out over SMTP when the server can be
 * reached, one at a time, with exponential backoff.
 *
 * Sending at most once. Before a message is handed to SMTP its record is written as `sending` (atomically,
 * fsynced); once the server accepted it, as `sent`. A record found in `sending` at start means the app stopped
 * in between: the server may or may not have taken the message, and this app cannot ask it. Such a message
 * becomes `uncertain` and is NOT sent again on its own; the rep checks the Sent folder and presses Send again
 * (`retry`), which reuses the same Message-ID so a receiver that deduplicates drops a repeat. So the one window
 * in which a message can arrive twice is: the server accepted it, the app died before writing `sent`, and the
 * rep then chose to send again. Within one run, a single pump loop and the state machine make a second send
 * impossible; two app instances never share the folder because Electron's single-instance lock refuses the second.
 */
import { randomUUID } from 'node:crypto'
import type { OutboxEntry } from '@core/ipc/desktop-services'
import { UserFacingError } from './errors'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import type { FileService } from './files'
import { newMessageId, type Mailbox } from './mail-message'
import { outboxDisk, toEntry, type OutboxRecord } from './outbox-records'
import { classifySmtpError, MailNotConfiguredError, type MailTransport } from './smtp-transport'

export interface OutboxOptions {
  folder: string
  files: FileService
  transport: MailTransport
  /** The sender's address, for the Message-ID's domain; optional. */
  fromAddress?: () => Promise<string | undefined>
  backoff?: Partial<BackoffPolicy>
  now?: () => number
  random?: () => number
  /** Called after every state change; main forwards it to the renderer as `mail:outbox-changed`. */
  onChange?: () => void
  log?: (message: string, detail?: unknown) => void
}

export interface NewMail {
  invoiceId: string
  invoiceNumber: string
  to: Mailbox
  subject: string
  text: string
  attachmentName: string
  attachment: Uint8Array
}

export interface Outbox {
  /** Loads the folder, turns interrupted sends into `uncertain`, and starts sending what is due. */
  start(): Promise<void>
  enqueue(mail: NewMail): Promise<OutboxEntry>
  list(): OutboxEntry[]
  /** Sends a failed or uncertain message again: the rep's explicit decision. */
  retry(id: string): Promise<OutboxEntry>
  /** Makes every waiting message due now (the network came back, the account was set up). */
  wake(): void
  /** Stops the timers and waits for a send in progress to finish. */
  close(): Promise<void>
}

const INTERRUPTED =
  'The app stopped while this message was being sent, so it may already have been delivered. ' +
  'Check your Sent folder, then send it again if needed.'

export function createOutbox(options: OutboxOptions): Outbox {
  const policy = { ...DEFAULT_BACKOFF, ...options.backoff }
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const log = options.log ?? ((message, detail) => console.error(message, detail))
  const disk = outboxDisk(options.files, options.folder)
  const records = new Map<string, OutboxRecord>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let pumping: Promise<void> | undefined
  let closed = false

  const iso = (ms = now()) => new Date(ms).toISOString()
  const changed = () => options.onChange?.()

  async function put(record: OutboxRecord): Promise<OutboxRecord> {
    const stamped = { ...record, updatedAt: iso() }
    await disk.save(stamped)
    records.set(stamped.id, stamped)
    changed()
    return stamped
  }

  function nextDue(): OutboxRecord | undefined {
    const t = now()
    return [...records.values()]
      .filter((r) => r.state === 'queued' && r.nextAttemptAt !== null)
      .filter((r) => Date.parse(r.nextAttemptAt ?? '') <= t)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]
  }

  function schedule(): void {
    clearTimeout(timer)
    if (closed) return
    const waits = [...records.values()]
      .filter((r) => r.state === 'queued' && r.nextAttemptAt !== null)
      .map((r) => Date.parse(r.nextAttemptAt ?? ''))
    if (waits.length === 0) return
    timer = setTimeout(kick, Math.max(0, Math.min(...waits) - now()))
    timer.unref?.()
  }

  function kick(): void {
    if (pumping || closed) return
    pumping = pump().finally(() => {
      pumping = undefined
      schedule()
    })
  }

  async function pump(): Promise<void> {
    for (let record = nextDue(); record && !closed; record = nextDue()) {
      try {
        await sendOne(record)
      } catch (e) {
        // The disk refused a state write; wait a full backoff step rather than spin.
        log('outbox: could not record a state change', e)
        records.set(record.id, { ...record, nextAttemptAt: iso(now() + policy.baseMs) })
      }
    }
  }

  async function sendOne(queued: OutboxRecord): Promise<void> {
    const attachment = await disk.readAttachment(queued.id)
    // The marker goes to disk before a single byte goes to the server: see the header comment.
    const sending = await put({ ...queued, state: 'sending', attempts: queued.attempts + 1 })
    try {
      const { response } = await options.transport.send(sending, attachment)
      await put({
        ...sending,
        state: 'sent',
        sentAt: iso(),
        serverResponse: response,
        lastError: null,
        nextAttemptAt: null,
      })
      await disk.removeAttachment(sending.id)
    } catch (e) {
      await put(afterFailure(sending, e))
    }
  }

  function afterFailure(record: OutboxRecord, error: unknown): OutboxRecord {
    if (error instanceof MailNotConfiguredError) {
      // Not an attempt: nothing reached a server. Wait for wake() after the account is saved.
      return {
        ...record,
        state: 'queued',
        attempts: record.attempts - 1,
        lastError: error.message,
        nextAttemptAt: null,
      }
    }
    const { permanent, reason } = classifySmtpError(error)
    if (permanent) return { ...record, state: 'failed', lastError: reason, nextAttemptAt: null }
    if (record.attempts >= policy.maxAttempts) {
      const lastError = `Gave up after ${record.attempts} attempts. Last error: ${reason}`
      return { ...record, state: 'failed', lastError, nextAttemptAt: null }
    }
    const delay = backoffDelay(record.attempts, policy, random)
    return { ...record, state: 'queued', lastError: reason, nextAttemptAt: iso(now() + delay) }
  }

  return {
    async start() {
      for (const record of await disk.load(log)) {
        records.set(record.id, record)
        if (record.state === 'sending')
          await put({ ...record, state: 'uncertain', lastError: INTERRUPTED, nextAttemptAt: null })
        // One try per start for a message that waited for the account: it costs no attempt if still missing.
        else if (record.state === 'queued' && record.nextAttemptAt === null)
          records.set(record.id, { ...record, nextAttemptAt: iso() })
      }
      kick()
    },

    async enqueue(mail) {
      const id = randomUUID()
      await disk.saveAttachment(id, mail.attachment)
      const at = iso()
      const record = await put({
        id,
        messageId: newMessageId(id, await options.fromAddress?.()),
        invoiceId: mail.invoiceId,
        invoiceNumber: mail.invoiceNumber,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachmentName: mail.attachmentName,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        serverResponse: null,
        createdAt: at,
        updatedAt: at,
        sentAt: null,
      })
      kick()
      return toEntry(record)
    },

    list() {
      return [...records.values()]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(toEntry)
    },

    async retry(id) {
      const record = records.get(id)
      if (!record || (record.state !== 'failed' && record.state !== 'uncertain'))
        throw new UserFacingError('Only a failed or uncertain message can be sent again.')
      const queued = await put({ ...record, state: 'queued', attempts: 0, nextAttemptAt: iso() })
      kick()
      return toEntry(queued)
    },

    wake() {
      const at = iso()
      for (const r of records.values())
        if (r.state === 'queued') records.set(r.id, { ...r, nextAttemptAt: at })
      kick()
    },

    async close() {
      closed = true
      clearTimeout(timer)
      await pumping
    },
  }
}
