/**
 * A real SMTP server on 127.0.0.1 for the outbox tests (smtp-server, plain TCP, AUTH PLAIN/LOGIN, no STARTTLS),
 * and a small MIME reader to take the attachment back out of what it received.
 */
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  port: number
  received: Buffer[]
  authAttempts: number
  close(): Promise<void>
}

export const SMTP_USER = 'rep@fabrikam.example'
export const SMTP_PASSWORD = 'correct horse battery staple'

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: Buffer[] = []
  const state = { authAttempts: 0 }
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      state.authAttempts += 1
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username })
      else callback(new Error('5.7.8 Authentication credentials invalid'))
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push(Buffer.concat(chunks))
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    port: address.port,
    received,
    get authAttempts() {
      return state.authAttempts
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A header's value from a raw message (first match, unfolded). */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? ''
  const match = new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)
  return match?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim()
}

/** The decoded bytes and file name of the first base64 attachment of a multipart message. */
export function attachmentOf(raw: Buffer): { filename: string; bytes: Buffer } {
  const text = raw.toString('latin1')
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header(text, 'Content-Type') ?? '')?.[1]
  if (!boundary) throw new Error('not multipart')
  for (const part of text.split(`--${boundary}`)) {
    const body = part.replace(/^\r?\n/, '')
    const disposition = header(body, 'Content-Disposition') ?? ''
    if (!disposition.startsWith('attachment')) continue
    if (!/base64/i.test(header(body, 'Content-Transfer-Encoding') ?? ''))
      throw new Error('not base64')
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? ''
    const content = body.slice(body.search(/\r?\n\r?\n/)).replace(/\s+/g, '')
    return { filename, bytes: Buffer.from(content, 'base64') }
  }
  throw new Error('no attachment')
}
