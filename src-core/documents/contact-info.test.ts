import { describe, expect, test } from 'vitest'
import { customerRecordSchema } from './record-schemas'
import { emailProblem, phoneProblem } from './contact-info'

describe('email and phone checks', () => {
  test.each(['ann@example.com', 'orders@alder-hardware.co.uk', ' a.b+c@d.io ', ''])(
    'keeps the email %j',
    (email) => expect(emailProblem('Email', email)).toBeUndefined(),
  )

  test.each([
    'not an email',
    'ann@',
    '@example.com',
    'ann@example',
    'ann @example.com',
    'a@b@c.com',
  ])('refuses the email %j in the screen’s words', (email) =>
    expect(emailProblem('Email', email)).toBe('Email: enter an address such as ann@example.com'),
  )

  test.each(['+1 555 0102', '(503) 555-0199', '+49 30 1234567 x12', '030/123 456', ''])(
    'keeps the phone %j',
    (phone) => expect(phoneProblem('Main Phone', phone)).toBeUndefined(),
  )

  test.each(['call me', '12', '555-CALL-NOW', '+1 555 0102; drop table'])(
    'refuses the phone %j',
    (phone) =>
      expect(phoneProblem('Main Phone', phone)).toBe(
        'Main Phone: enter digits, such as +1 555 010 2030',
      ),
  )

  test('the customer schema (device and server) refuses what the screen refuses', () => {
    const customer = {
      id: 'C1',
      updatedAt: '2025-03-01T10:00:00.000Z',
      name: 'Alder Hardware',
      ownerId: 'rep1',
      contacts: [],
      billTo: { line1: '1 Main St', city: 'Portland' },
      shipTo: { line1: '1 Main St', city: 'Portland' },
    }
    expect(customerRecordSchema.safeParse({ ...customer, email: 'ann@example.com' }).ok).toBe(true)
    expect(customerRecordSchema.safeParse({ ...customer, email: 'not an email' }).ok).toBe(false)
    expect(customerRecordSchema.safeParse({ ...customer, phone: 'call me' }).ok).toBe(false)
    const contact = { id: 'K1', firstName: 'Ann', lastName: 'Lee', email: 'ann@' }
    expect(customerRecordSchema.safeParse({ ...customer, contacts: [contact] }).ok).toBe(false)
  })
})
