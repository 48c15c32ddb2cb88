import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { OutboxEntry } from '@core/ipc/desktop-services'
import type { Repositories } from '@renderer/data'
import { closeDatabase, ok, seededRepositories } from '@renderer/data/test-support/test-db'
import { emailStatusOf, recordEmailStatuses } from './email-status'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

const NOW = '2025-03-02T10:00:00.000Z'

function entry(invoiceId: string, changes: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: 'mail-1',
    invoiceId,
    invoiceNumber: 'INV-00001-ABCDEF',
    to: 'ann@contoso.example',
    subject: 'Invoice',
    state: 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    createdAt: '2025-03-02T09:00:00.000Z',
    sentAt: null,
    ...changes,
  }
}

describe('the email status on the invoice', () => {
  it('maps the outbox states to queued, sent and failed with the server’s reason', () => {
    expect(emailStatusOf(entry('I'), undefined, NOW)).toEqual({
      state: 'queued',
      to: 'ann@contoso.example',
      at: '2025-03-02T09:00:00.000Z',
      messageId: 'mail-1',
    })
    expect(emailStatusOf(entry('I', { state: 'sending' }), undefined, NOW).state).toBe('queued')
    const sentAt = '2025-03-02T09:01:00.000Z'
    expect(emailStatusOf(entry('I', { state: 'sent', sentAt }), undefined, NOW)).toMatchObject({
      state: 'sent',
      at: sentAt,
    })
    const reason = '535 5.7.8 Authentication credentials invalid'
    expect(
      emailStatusOf(entry('I', { state: 'failed', lastError: reason }), undefined, NOW),
    ).toMatchObject({ state: 'failed', at: NOW, reason })
    expect(
      emailStatusOf(
        entry('I', { state: 'uncertain', lastError: 'may already be sent' }),
        undefined,
        NOW,
      ),
    ).toMatchObject({ state: 'failed', reason: 'may already be sent' })
  })

  it('records each change once on the invoice, through the repository, with its history', async () => {
    repos = await seededRepositories()
    const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'March' }))
    const deps = { invoices: repos.invoices, now: () => NOW }
    const latest = (e: OutboxEntry) => new Map([[invoice.id, e]])

    expect(await recordEmailStatuses(latest(entry(invoice.id)), deps)).toEqual([invoice.id])
    // The same state again (a burst of outbox events) writes nothing.
    expect(
      await recordEmailStatuses(latest(entry(invoice.id, { state: 'sending' })), deps),
    ).toEqual([])
    const reason = '550 5.1.1 mailbox unavailable'
    await recordEmailStatuses(
      latest(entry(invoice.id, { state: 'failed', lastError: reason })),
      deps,
    )

    const stored = await repos.invoices.get(invoice.id)
    expect(stored?.email).toEqual({
      state: 'failed',
      to: 'ann@contoso.example',
      at: NOW,
      reason,
      messageId: 'mail-1',
    })
    const history = stored?.history.filter((h) => h.command === 'recordEmailStatus') ?? []
    expect(history.map((h) => h.changes[0]?.to)).toEqual([
      'Email to ann@contoso.example queued',
      `Email failed: ${reason}`,
    ])
  })

  it('records on a paid invoice too, and skips an invoice not on this device', async () => {
    repos = await seededRepositories()
    const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'March' }))
    ok(await repos.invoices.apply(invoice.id, { type: 'invoicePaid' }))
    const sent = entry(invoice.id, { state: 'sent', sentAt: NOW })
    const changed = await recordEmailStatuses(
      new Map([
        ['not-here', entry('not-here')],
        [invoice.id, sent],
      ]),
      { invoices: repos.invoices, now: () => NOW },
    )
    expect(changed).toEqual([invoice.id])
    expect((await repos.invoices.get(invoice.id))?.email?.state).toBe('sent')
  })
})
