/**
 * Sends one mail over the rep's SMTP account with nodemailer. The settings and the password are read at send
 * time, so a password set while a message waits is used on the next attempt. Also: which SMTP failures are worth
 * another attempt and which are final.
 */
import { createTransport } from 'nodemailer'
import type { SmtpSettings } from '@core/ipc/desktop-services'
import { mailOptions, type Mailbox, type OutgoingMail } from './mail-message'

/** What the outbox needs of a transport; tests and the app both use the SMTP one below. */
export interface MailTransport {
  /** Resolves with the server's reply once it accepted the message; rejects with nodemailer's error. */
  send(mail: OutgoingMail, attachment: Buffer): Promise<{ response: string }>
}

/** No account or no password yet: the message waits, and no attempt is counted. */
export class MailNotConfiguredError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MailNotConfiguredError'
  }
}

export interface SmtpAccount {
  settings: SmtpSettings
  password: string
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1'])

export function smtpTransport(account: () => Promise<SmtpAccount | null>): MailTransport {
  return {
    async send(mail, attachment) {
      const current = await account()
      if (!current) throw new MailNotConfiguredError('Set up the SMTP account in Settings to send.')
      const { settings, password } = current
      // A password in clear text over the network is refused; 'none' is for a relay on this machine only.
      if (settings.security === 'none' && !LOCAL_HOSTS.has(settings.host))
        throw new MailNotConfiguredError(
          'Unencrypted SMTP is allowed only to this computer; choose TLS or STARTTLS.',
        )
      const transport = createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.security === 'tls',
        requireTLS: settings.security === 'starttls',
        ignoreTLS: settings.security === 'none',
        auth: { user: settings.username, pass: password },
        connectionTimeout: 20_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      })
      try {
        const from: Mailbox = { name: settings.fromName, address: settings.fromAddress }
        const info = (await transport.sendMail(mailOptions(mail, attachment, from))) as {
          response?: string
        }
        return { response: info.response ?? '250 OK' }
      } finally {
        transport.close()
      }
    },
  }
}

export interface SmtpFailure {
  /** True when another attempt cannot help (wrong password, address refused): the message fails now. */
  permanent: boolean
  /** The server's words when it gave any, else the network error. */
  reason: string
}

// Network trouble (offline, refused, timed out) is the normal case for a rep on the road: retry it.
const PERMANENT_CODES = new Set(['EAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE'])

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown
    responseCode?: unknown
    response?: unknown
    message?: unknown
  }
  const reason =
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : String(error)
  if (typeof e.responseCode === 'number') {
    // SMTP: 4xx is a transient refusal (greylisting, mailbox busy), 5xx a final one.
    return { permanent: e.responseCode >= 500, reason }
  }
  return { permanent: typeof e.code === 'string' && PERMANENT_CODES.has(e.code), reason }
}
