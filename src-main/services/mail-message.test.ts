import { describe, expect, it } from 'vitest'
import { buildEmlDraft, newMessageId } from './mail-message'
import { attachmentOf, header } from './test-support/smtp'

describe('the .eml draft', () => {
  it('is a complete message with the PDF attached, marked unsent for the mail program', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 254, 255])
    const eml = await buildEmlDraft(
      {
        messageId: newMessageId('m1', 'rep@fabrikam.example'),
        to: { name: 'Ana', address: 'ana@contoso.example' },
        subject: 'Invoice INV-1',
        text: 'Please find attached',
        attachmentName: 'Invoice INV-1.pdf',
      },
      pdf,
      { name: 'Fabrikam', address: 'rep@fabrikam.example' },
    )
    const text = eml.toString('latin1')
    expect(header(text, 'X-Unsent')).toBe('1')
    expect(header(text, 'Message-ID')).toBe('<m1@fabrikam.example>')
    expect(header(text, 'From')).toContain('rep@fabrikam.example')
    expect(attachmentOf(eml)).toEqual({ filename: 'Invoice INV-1.pdf', bytes: pdf })
    expect(newMessageId('m2', undefined)).toBe('<m2@fieldbill.invalid>')
  })
})
