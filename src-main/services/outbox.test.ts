import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFileService, type FileService } from './files'
import { createOutbox, type NewMail, type Outbox } from './outbox'
import { smtpTransport, type SmtpAccount } from './smtp-transport'
import {
  attachmentOf,
  header,
  SMTP_PASSWORD,
  SMTP_USER,
  startSmtp,
  type TestSmtp,
} from './test-support/smtp'

let data: string
let files: FileService
let servers: TestSmtp[]
let outboxes: Outbox[]
const folder = () => join(data, 'outbox')

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'fieldbill-outbox-'))
  files = createFileService({ roots: [data] })
  servers = []
  outboxes = []
})
afterEach(async () => {
  await Promise.all(outboxes.map((o) => o.close()))
  await Promise.all(servers.map((s) => s.close()))
  await rm(data, { recursive: true, force: true })
})

async function smtp(port = 0): Promise<TestSmtp> {
  const server = await startSmtp(port)
  servers.push(server)
  return server
}

/** A port nothing listens on (yet): taken from a server that is closed straight away. */
async function freePort(): Promise<number> {
  const server = await startSmtp()
  await server.close()
  return server.port
}

function account(port: number, password = SMTP_PASSWORD): SmtpAccount {
  return {
    settings: {
      host: '127.0.0.1',
      port,
      security: 'none',
      username: SMTP_USER,
      fromAddress: SMTP_USER,
      fromName: 'Fabrikam Sales',
    },
    password,
  }
}

async function outbox(current: () => SmtpAccount | null): Promise<Outbox> {
  const box = createOutbox({
    folder: folder(),
    files,
    transport: smtpTransport(() => Promise.resolve(current())),
    fromAddress: () => Promise.resolve(SMTP_USER),
    backoff: { baseMs: 40, maxMs: 160, jitter: 0.25, maxAttempts: 20 },
    log: () => undefined,
  })
  outboxes.push(box)
  await box.start()
  return box
}

// Every byte value, and more than one base64 line's worth, so any re-encoding would show.
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(150_000)])
const mail: NewMail = {
  invoiceId: 'inv-1',
  invoiceNumber: 'INV-01001-X7K2Q9',
  to: { name: 'Ana Contoso', address: 'ana@contoso.example' },
  subject: 'Invoice INV-01001-X7K2Q9 from Fabrikam ($1,090.00)',
  text: 'Please find attached invoice INV-01001-X7K2Q9.',
  attachmentName: 'Invoice INV-01001-X7K2Q9.pdf',
  attachment: pdf,
}

const waitFor = (check: () => void | Promise<void>, timeout = 5000) =>
  vi.waitFor(check, { timeout, interval: 20 })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('outbox over a real SMTP server', () => {
  it('delivers the mail with a byte-identical attachment and records it as sent', async () => {
    const server = await smtp()
    const box = await outbox(() => account(server.port))
    const queued = await box.enqueue(mail)
    expect(queued.state).toBe('queued')
    await waitFor(() => expect(box.list()[0]?.state).toBe('sent'))

    expect(server.received).toHaveLength(1)
    const raw = server.received[0] ?? Buffer.alloc(0)
    const attachment = attachmentOf(raw)
    expect(attachment.filename).toBe('Invoice INV-01001-X7K2Q9.pdf')
    expect(attachment.bytes.equals(pdf)).toBe(true)
    const text = raw.toString('latin1')
    expect(header(text, 'Subject')).toBe(mail.subject)
    expect(header(text, 'To')).toContain('ana@contoso.example')
    expect(header(text, 'Message-ID')).toMatch(/^<[0-9a-f-]+@fabrikam\.example>$/)

    // The record on disk says sent, and the attachment is gone from the outbox.
    // The attachment is deleted just after `sent` is recorded.
    await waitFor(async () => expect(await readdir(folder())).toEqual([`${queued.id}.json`]))
    const names = await readdir(folder())
    const onDisk = JSON.parse(await readFile(join(folder(), names[0] ?? ''), 'utf8')) as {
      state: string
      serverResponse: string
    }
    expect(onDisk.state).toBe('sent')
    expect(onDisk.serverResponse).toMatch(/^250/)
  })

  it('fails at once with the server reason on a wrong password, without retrying', async () => {
    const server = await smtp()
    const box = await outbox(() => account(server.port, 'wrong password'))
    await box.enqueue(mail)
    await waitFor(() => expect(box.list()[0]?.state).toBe('failed'))
    await pause(400)
    const [entry] = box.list()
    expect(entry?.lastError).toMatch(/^535 .*Authentication credentials invalid/)
    expect(entry?.attempts).toBe(1)
    expect(server.authAttempts).toBe(1)
    expect(server.received).toHaveLength(0)
  })

  it('keeps retrying while the server is down and sends exactly once when it is up', async () => {
    const port = await freePort()
    const box = await outbox(() => account(port))
    await box.enqueue(mail)
    await waitFor(() => expect(box.list()[0]?.attempts).toBeGreaterThanOrEqual(2))
    const [waiting] = box.list()
    // 'sending' when the next attempt happens to be under way at this instant.
    expect(['queued', 'sending']).toContain(waiting?.state)
    expect(waiting?.lastError).toMatch(/ECONNREFUSED/)

    const server = await smtp(port)
    await waitFor(() => expect(box.list()[0]?.state).toBe('sent'))
    await pause(400)
    expect(server.received).toHaveLength(1)
  })

  it('sends a message queued before a restart exactly once, from the new instance', async () => {
    const port = await freePort()
    const first = await outbox(() => account(port))
    const { id } = await first.enqueue(mail)
    await waitFor(() => expect(first.list()[0]?.attempts).toBeGreaterThanOrEqual(1))
    await first.close()

    const server = await smtp(port)
    const second = await outbox(() => account(port))
    await waitFor(() => expect(second.list()[0]).toMatchObject({ id, state: 'sent' }))
    await pause(400)
    expect(server.received).toHaveLength(1)
    expect(attachmentOf(server.received[0] ?? Buffer.alloc(0)).bytes.equals(pdf)).toBe(true)
    expect(first.list()[0]?.state).not.toBe('sent')
  })

  it('waits without counting attempts while no account is set up, and sends after wake()', async () => {
    const server = await smtp()
    let current: SmtpAccount | null = null
    const box = await outbox(() => current)
    await box.enqueue(mail)
    await waitFor(() => expect(box.list()[0]?.lastError).toMatch(/Set up the SMTP account/))
    expect(box.list()[0]).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null })
    current = account(server.port)
    box.wake()
    await waitFor(() => expect(box.list()[0]?.state).toBe('sent'))
    expect(server.received).toHaveLength(1)
  })

  it('never resends on its own a message that was being sent when the app stopped', async () => {
    const server = await smtp()
    const first = await outbox(() => null)
    const { id } = await first.enqueue(mail)
    await waitFor(() => expect(first.list()[0]?.lastError).toMatch(/Set up/))
    await first.close()
    // What a crash between the SMTP transaction and the `sent` write leaves on disk.
    const file = join(folder(), `${id}.json`)
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...record, state: 'sending', attempts: 1 }))

    const second = await outbox(() => account(server.port))
    await pause(300)
    expect(second.list()[0]).toMatchObject({ state: 'uncertain', lastError: /may already/ })
    expect(server.received).toHaveLength(0)

    await second.retry(id)
    await waitFor(() => expect(second.list()[0]?.state).toBe('sent'))
    expect(server.received).toHaveLength(1)
    const messageId = header(server.received[0]?.toString('latin1') ?? '', 'Message-ID')
    expect(messageId).toBe(record.messageId)
    await expect(second.retry(id)).rejects.toThrow(/failed or uncertain/)
  })
})
