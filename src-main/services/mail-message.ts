/**
 * The invoice mail as nodemailer sees it, and the .eml draft of the same mail for "Open in mail app". One
 * builder for both, so the draft and the sent mail cannot differ.
 */
import MailComposer from 'nodemailer/lib/mail-composer'
import type { SendMailOptions } from 'nodemailer'

export interface Mailbox {
  name: string
  address: string
}

/** Everything the outbox keeps about a message, but the bytes of its attachment. */
export interface OutgoingMail {
  /** `<id@domain>`: the same on every attempt, so a receiver that deduplicates drops a repeat. */
  messageId: string
  to: Mailbox
  subject: string
  text: string
  attachmentName: string
}

/** Nodemailer's options for one mail; `from` comes from the SMTP settings at send time. */
export function mailOptions(
  mail: OutgoingMail,
  attachment: Buffer,
  from: Mailbox | null,
): SendMailOptions {
  return {
    messageId: mail.messageId,
    ...(from ? { from: { name: from.name, address: from.address } } : {}),
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    attachments: [
      { filename: mail.attachmentName, content: attachment, contentType: 'application/pdf' },
    ],
  }
}

/**
 * An RFC 5322 message for a mail program to open as a draft. `X-Unsent: 1` makes Outlook and others open it
 * ready to send rather than as a received mail.
 */
export async function buildEmlDraft(
  mail: OutgoingMail,
  attachment: Buffer,
  from: Mailbox | null,
): Promise<Buffer> {
  const composer = new MailComposer({
    ...mailOptions(mail, attachment, from),
    headers: { 'X-Unsent': '1' },
  })
  return composer.compile().build()
}

/** A Message-ID for a new mail, in the sender's domain when it is known. */
export function newMessageId(id: string, fromAddress: string | undefined): string {
  const domain = fromAddress?.split('@')[1] ?? 'fieldbill.invalid'
  return `<${id}@${domain}>`
}
