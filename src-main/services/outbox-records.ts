/**
 * The outbox on disk: one JSON file per message (`<id>.json`, written atomically) and the attachment beside it
 * (`<id>.pdf`). A message's JSON is written after its attachment, so a JSON file always has its bytes; an
 * attachment without JSON is the trace of a crash during enqueue and is removed at start.
 */
import { join } from 'node:path'
import { outboxStates, type OutboxEntry, type OutboxState } from '@core/ipc/desktop-services'
import { int, nullable, object, oneOf, string, type Schema } from '@core/schema'
import type { FileService } from './files'
import type { OutgoingMail } from './mail-message'

export interface OutboxRecord extends OutgoingMail {
  id: string
  invoiceId: string
  invoiceNumber: string
  state: OutboxState
  attempts: number
  /** When the next attempt is due; null while queued means waiting for the SMTP account to be set up. */
  nextAttemptAt: string | null
  lastError: string | null
  serverResponse: string | null
  createdAt: string
  updatedAt: string
  sentAt: string | null
}

const text = (max: number) => string({ max })
const stamp = () => nullable(string({ max: 40 }))

const recordSchema: Schema<OutboxRecord> = object({
  id: string({ min: 1, max: 64, pattern: /^[a-f0-9-]+$/, patternName: 'an outbox id' }),
  messageId: text(300),
  invoiceId: text(128),
  invoiceNumber: text(80),
  to: object({ name: text(200), address: text(254) }),
  subject: text(1000),
  text: text(20_000),
  attachmentName: text(200),
  state: oneOf(outboxStates),
  attempts: int({ min: 0 }),
  nextAttemptAt: stamp(),
  lastError: nullable(text(2000)),
  serverResponse: nullable(text(2000)),
  createdAt: text(40),
  updatedAt: text(40),
  sentAt: stamp(),
})

export interface OutboxDisk {
  load(log: (message: string, detail?: unknown) => void): Promise<OutboxRecord[]>
  save(record: OutboxRecord): Promise<void>
  saveAttachment(id: string, bytes: Uint8Array): Promise<void>
  readAttachment(id: string): Promise<Buffer>
  removeAttachment(id: string): Promise<void>
}

export function outboxDisk(files: FileService, folder: string): OutboxDisk {
  const jsonPath = (id: string) => join(folder, `${id}.json`)
  const pdfPath = (id: string) => join(folder, `${id}.pdf`)
  return {
    async load(log) {
      const names = (await files.list(folder)).map((f) => f.name)
      const records: OutboxRecord[] = []
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        try {
          const raw = JSON.parse((await files.read(join(folder, name))).toString('utf8')) as unknown
          records.push(recordSchema.parse(raw))
        } catch (e) {
          // One damaged file must not stop the others from being sent; it is left for inspection.
          log(`outbox: skipped unreadable ${name}`, e)
        }
      }
      const ids = new Set(records.map((r) => r.id))
      for (const name of names.filter((n) => n.endsWith('.pdf'))) {
        if (!ids.has(name.slice(0, -4))) await files.remove(join(folder, name))
      }
      return records
    },
    save: (record) => files.writeAtomic(jsonPath(record.id), JSON.stringify(record, null, 2)),
    saveAttachment: (id, bytes) => files.writeAtomic(pdfPath(id), bytes),
    readAttachment: (id) => files.read(pdfPath(id)),
    removeAttachment: (id) => files.remove(pdfPath(id)),
  }
}

/** What the renderer sees of a record: no body, no server transcript beyond the reason. */
export function toEntry(r: OutboxRecord): OutboxEntry {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    invoiceNumber: r.invoiceNumber,
    to: r.to.address,
    subject: r.subject,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  }
}
