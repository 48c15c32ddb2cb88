import { describe, expect, test } from 'vitest'
import { checkTransition } from '@core/sync/transition'
import { checkTotals } from '@core/sync/validate-document'
import type { EmailStatusInput, InvoiceCommand, OrderCommand } from './commands'
import { createInvoiceFromOrder } from './create-invoice'
import { emailStatusText, PAYMENT_TERMS } from './header-fields'
import { applyInvoiceCommand } from './invoice-commands'
import { applyOrderCommand } from './order-commands'
import { invoiceSchema, orderSchema } from './schemas'
import { blankInvoice, blankOrder, context, unwrap } from './test-support/fixtures'
import type { Invoice } from './types'

const ctx = context()

function apply(invoice: Invoice, ...cmds: InvoiceCommand[]): Invoice {
  return cmds.reduce((doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)), invoice)
}

function reason(invoice: Invoice, cmd: InvoiceCommand, c = ctx): string {
  const result = applyInvoiceCommand(invoice, cmd, c)
  if (result.ok) throw new Error('expected a refusal')
  return result.refusal.reason
}

const header = (changes: Extract<InvoiceCommand, { type: 'editHeader' }>['changes']) =>
  ({ type: 'editHeader', changes }) as const

const sent: EmailStatusInput = {
  state: 'sent',
  to: 'ana@contoso.example',
  at: '2025-03-01T10:00:00.000Z',
  messageId: 'M1',
}
const email = (input: EmailStatusInput): InvoiceCommand => ({
  type: 'recordEmailStatus',
  email: input,
})

describe('invoice header fields', () => {
  test('Invoice Date, Due Date, Date Delivered and Payment Terms are set, logged and cleared', () => {
    const set = apply(
      blankInvoice(),
      header({
        invoiceDate: '2025-03-01',
        dueDate: '2025-03-31',
        dateDelivered: '2025-02-27',
        paymentTerms: '2pct10net30',
      }),
    )
    expect(set).toMatchObject({
      invoiceDate: '2025-03-01',
      dueDate: '2025-03-31',
      dateDelivered: '2025-02-27',
      paymentTerms: '2pct10net30',
    })
    expect(set.history.at(-1)?.changes).toEqual(
      expect.arrayContaining([
        { field: 'invoiceDate', from: null, to: '2025-03-01' },
        { field: 'paymentTerms', from: null, to: '2pct10net30' },
      ]),
    )
    const cleared = apply(set, header({ dateDelivered: null, paymentTerms: null }))
    expect(cleared.dateDelivered).toBeUndefined()
    expect(cleared.paymentTerms).toBeUndefined()
    expect(cleared.invoiceDate).toBe('2025-03-01')
    expect(invoiceSchema.parse(JSON.parse(JSON.stringify(set)))).toEqual(set)
  })

  test.each([
    [
      { invoiceDate: '2025-02-30' },
      'Invoice Date “2025-02-30” is not a date (expected YYYY-MM-DD).',
    ],
    [
      { dateDelivered: '1/3/2025' },
      'Date Delivered “1/3/2025” is not a date (expected YYYY-MM-DD).',
    ],
    [{ paymentTerms: 'net90' as never }, 'Payment Terms “net90” is not one of the terms offered.'],
    [
      { invoiceDate: '2025-03-10', dueDate: '2025-03-09' },
      'Due Date cannot be before the Invoice Date.',
    ],
  ])('refused: %j', (changes, expected) => {
    expect(reason(blankInvoice(), header(changes))).toBe(expected)
  })

  test('a Due Date before an Invoice Date already stored is refused either way round', () => {
    const dated = apply(blankInvoice(), header({ invoiceDate: '2025-03-10' }))
    expect(reason(dated, header({ dueDate: '2025-03-01' }))).toBe(
      'Due Date cannot be before the Invoice Date.',
    )
    const due = apply(blankInvoice(), header({ dueDate: '2025-03-01' }))
    expect(reason(due, header({ invoiceDate: '2025-03-10' }))).toBe(
      'Due Date cannot be before the Invoice Date.',
    )
    // The same day is fine.
    expect(apply(due, header({ invoiceDate: '2025-03-01' })).invoiceDate).toBe('2025-03-01')
  })

  test('the schema refuses unknown payment terms and a bad date, naming the field', () => {
    const invoice = blankInvoice()
    expect(invoiceSchema.safeParse({ ...invoice, paymentTerms: 'net90' })).toEqual({
      ok: false,
      error: 'paymentTerms: expected one of net30, net45, net60, 2pct10net30',
    })
    expect(invoiceSchema.safeParse({ ...invoice, dateDelivered: 'soon' })).toEqual({
      ok: false,
      error: 'dateDelivered: expected a date (YYYY-MM-DD)',
    })
    expect(orderSchema.safeParse({ ...blankOrder(), paymentTerms: 'net45' }).ok).toBe(true)
  })

  test('labels are the Dynamics ones', () => {
    expect(Object.values(PAYMENT_TERMS)).toEqual(['Net 30', 'Net 45', 'Net 60', '2% 10, Net 30'])
  })
})

describe('orders and Create Invoice', () => {
  test('an order takes Payment Terms; Create Invoice copies them and dates the invoice today', () => {
    const cmd: OrderCommand = { type: 'editHeader', changes: { paymentTerms: 'net45' } }
    const order = unwrap(applyOrderCommand(blankOrder(), cmd, ctx))
    expect(order.paymentTerms).toBe('net45')
    const at = { ...context(), at: '2025-03-09T23:30:00.000Z' }
    const invoice = unwrap(createInvoiceFromOrder(order, { id: 'I9', number: 'N' }, at))
    expect(invoice).toMatchObject({ paymentTerms: 'net45', invoiceDate: '2025-03-09' })
    // The caller may give the rep's local day instead of the clock's UTC day.
    const local = { id: 'I9', number: 'N', invoiceDate: '2025-03-10' }
    expect(unwrap(createInvoiceFromOrder(order, local, at)).invoiceDate).toBe('2025-03-10')
    expect(invoiceSchema.parse(JSON.parse(JSON.stringify(invoice)))).toEqual(invoice)
  })

  test('an order refuses invoice-only fields', () => {
    const cmd = { type: 'editHeader', changes: { invoiceDate: '2025-03-01' } } as OrderCommand
    const result = applyOrderCommand(blankOrder(), cmd, ctx)
    expect(result.ok ? '' : result.refusal.reason).toBe(
      'The invoiceDate of an order cannot be changed here.',
    )
  })
})

describe('recordEmailStatus', () => {
  const paidInvoice = apply(blankInvoice(), { type: 'invoicePaid' })
  const canceled = apply(blankInvoice(), { type: 'cancelInvoice' })

  test('stores the status and logs it as a sentence, in every state and for every role', () => {
    for (const invoice of [blankInvoice(), paidInvoice, canceled]) {
      for (const role of ['rep', 'integration', 'admin'] as const) {
        const c = context(role)
        const next = unwrap(applyInvoiceCommand(invoice, email(sent), c))
        expect(next.email).toEqual(sent)
        expect(next.state).toBe(invoice.state)
        expect(next.history).toHaveLength(invoice.history.length + 1)
        expect(next.history.at(-1)).toEqual({
          at: c.at,
          by: c.actor.userId,
          role,
          command: 'recordEmailStatus',
          changes: [{ field: 'email', from: null, to: 'Email sent to ana@contoso.example' }],
        })
        expect(invoiceSchema.parse(JSON.parse(JSON.stringify(next)))).toEqual(next)
      }
    }
  })

  test('a repeat of the same state for the same message changes nothing', () => {
    const once = apply(paidInvoice, email(sent))
    expect(apply(once, email({ ...sent, at: '2025-03-01T11:00:00.000Z' }))).toBe(once)
    const failed = apply(once, email({ ...sent, state: 'failed', reason: 'mailbox full' }))
    expect(failed.history.at(-1)?.changes).toEqual([
      {
        field: 'email',
        from: 'Email sent to ana@contoso.example',
        to: 'Email failed: mailbox full',
      },
    ])
    // A new message in the same state is a new report.
    expect(apply(failed, email({ ...sent, messageId: 'M2' })).history).toHaveLength(
      failed.history.length + 1,
    )
  })

  test('a bad report is refused with the field named, and the invoice is unchanged', () => {
    expect(reason(paidInvoice, email({ ...sent, state: 'bounced' as never }))).toBe(
      'The email status is not valid: state: expected one of queued, sent, failed.',
    )
    expect(reason(paidInvoice, email({ ...sent, at: 'now' }))).toBe(
      'The email status is not valid: at: expected an ISO date and time.',
    )
  })

  test('the sentences', () => {
    expect(emailStatusText({ ...sent, state: 'queued' })).toBe(
      'Email to ana@contoso.example queued',
    )
    expect(emailStatusText({ ...sent, state: 'failed' })).toBe(
      'Email failed: not delivered to ana@contoso.example',
    )
  })

  test('the sync server accepts a paid or canceled invoice whose only change is its email', () => {
    for (const invoice of [paidInvoice, canceled]) {
      const next = apply(invoice, email(sent))
      for (const role of ['rep', 'integration', 'admin'] as const) {
        expect(checkTransition(invoice, next, { userId: 'u', role })).toBeUndefined()
      }
      expect(checkTotals(next)).toBeUndefined()
    }
  })
})
