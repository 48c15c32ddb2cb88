import { describe, expect, it } from 'vitest'
import { classifySmtpError, MailNotConfiguredError, smtpTransport } from './smtp-transport'

describe('SMTP failures', () => {
  it('are final for 5xx replies and auth or TLS trouble, transient for 4xx and the network', () => {
    const auth = { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials' }
    expect(classifySmtpError(auth)).toEqual({
      permanent: true,
      reason: '535 5.7.8 Bad credentials',
    })
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }),
    ).toMatchObject({ permanent: true })
    expect(
      classifySmtpError({ code: 'EMESSAGE', responseCode: 451, response: '451 Try later' }),
    ).toMatchObject({ permanent: false, reason: '451 Try later' })
    expect(classifySmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED' })).toEqual({
      permanent: false,
      reason: 'connect ECONNREFUSED',
    })
    expect(classifySmtpError({ code: 'ETLS', message: 'bad cert' })).toMatchObject({
      permanent: true,
    })
    expect(classifySmtpError('weird')).toEqual({ permanent: false, reason: 'weird' })
  })

  it('refuses to send without an account, or in clear text to another machine', async () => {
    const mail = {
      messageId: '<a@b.c>',
      to: { name: 'A', address: 'a@b.example' },
      subject: 's',
      text: 't',
      attachmentName: 'a.pdf',
    }
    await expect(
      smtpTransport(() => Promise.resolve(null)).send(mail, Buffer.from('x')),
    ).rejects.toBeInstanceOf(MailNotConfiguredError)
    const remote = smtpTransport(() =>
      Promise.resolve({
        settings: {
          host: 'smtp.example.com',
          port: 25,
          security: 'none' as const,
          username: 'u',
          fromAddress: 'u@example.com',
          fromName: 'U',
        },
        password: 'p',
      }),
    )
    await expect(remote.send(mail, Buffer.from('x'))).rejects.toThrow(/only to this computer/)
  })
})
