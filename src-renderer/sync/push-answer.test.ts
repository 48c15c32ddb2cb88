import { describe, expect, test } from 'vitest'
import type { PushAnswer } from '@core/sync/wire'
import { REFUSED, RefusedForNow, settlePush } from './push-answer'
import type { PushOutcome, SyncStateTracker } from './sync-state'

/**
 * A tracker that records outcomes; `pendingInvoices` are invoices with a change not yet accepted,
 * `rejectedCustomers` customers the server refused.
 */
function tracker(pendingInvoices: string[] = [], rejectedCustomers: string[] = []) {
  const outcomes: PushOutcome[] = []
  const fake = {
    stateOf: (collection: string, id: string) => ({
      state:
        collection === 'invoices' && pendingInvoices.includes(id)
          ? 'pending'
          : collection === 'customers' && rejectedCustomers.includes(id)
            ? 'rejected'
            : 'synced',
    }),
    markPushed: (_: string, list: readonly PushOutcome[]) => outcomes.push(...list),
  }
  return { outcomes, tracker: fake as unknown as SyncStateTracker }
}

const payment = { id: 'P1', invoiceId: 'I1', amount: '10.00', updatedAt: 'T2', _deleted: false }
const row = { newDocumentState: payment }
const overpaid = (master: PushAnswer['rejections'][number]['master']): PushAnswer => ({
  conflicts: [],
  rejections: [{ id: 'P1', code: 'overpayment', reason: 'Payment of 10.00 is more…', master }],
})

test('a refused new record comes back deleted and marked; the refusal keeps the refused version', () => {
  const { outcomes, tracker: t } = tracker()
  const back = settlePush('payments', [row], overpaid(null), t)
  expect(back).toEqual([{ ...payment, _deleted: true, [REFUSED]: true }])
  expect(outcomes).toEqual([
    {
      id: 'P1',
      updatedAt: 'T2',
      conflict: false,
      rejection: { code: 'overpayment', reason: 'Payment of 10.00 is more…', refused: payment },
    },
  ])
})

test('a refused change comes back as the server holds it', () => {
  const master = { ...payment, amount: '5.00', updatedAt: 'T1' }
  const back = settlePush('payments', [row], overpaid(master), tracker().tracker)
  expect(back).toEqual([{ ...master, [REFUSED]: true }])
})

test('a refusal about the record alone (no server state) is only recorded', () => {
  const answer: PushAnswer = {
    conflicts: [],
    rejections: [{ id: 'P1', code: 'invalid', reason: 'The document is not valid: amount.' }],
  }
  const { outcomes, tracker: t } = tracker()
  expect(settlePush('payments', [row], answer, t)).toEqual([])
  expect(outcomes[0]?.rejection?.code).toBe('invalid')
})

test('a payment refused while its invoice still has a change on the way is tried again later', () => {
  const { outcomes, tracker: t } = tracker(['I1'])
  expect(() => settlePush('payments', [row], overpaid(null), t)).toThrow(RefusedForNow)
  expect(outcomes).toEqual([])
})

describe('a record refused until its customer reaches the server', () => {
  const invoice = { id: 'I9', customerId: 'C-new', updatedAt: 'T2', _deleted: false }
  const rows = [{ newDocumentState: invoice }]
  const answer: PushAnswer = {
    conflicts: [],
    rejections: [
      { id: 'I9', code: 'unknownCustomer', reason: 'The customer has not…', master: null },
    ],
  }

  test('is tried again later', () => {
    const { outcomes, tracker: t } = tracker()
    expect(() => settlePush('invoices', rows, answer, t)).toThrow(RefusedForNow)
    expect(outcomes).toEqual([])
  })

  test('is refused for good when the server refused its customer', () => {
    const { outcomes, tracker: t } = tracker([], ['C-new'])
    expect(settlePush('invoices', rows, answer, t)).toEqual([
      { ...invoice, _deleted: true, [REFUSED]: true },
    ])
    expect(outcomes[0]?.rejection?.code).toBe('unknownCustomer')
  })
})

test('a payment whose invoice the server does not have yet waits for it, unless that invoice was refused', () => {
  const missing: PushAnswer = {
    conflicts: [],
    rejections: [{ id: 'P1', code: 'invoiceMissing', reason: 'The payment waits…', master: null }],
  }
  const { outcomes, tracker: t } = tracker()
  expect(() => settlePush('payments', [row], missing, t)).toThrow(RefusedForNow)
  expect(outcomes).toEqual([])
  const refusedInvoice = {
    stateOf: () => ({ state: 'rejected' }),
    markPushed: () => undefined,
  } as unknown as SyncStateTracker
  expect(settlePush('payments', [row], missing, refusedInvoice)).toEqual([
    { ...payment, _deleted: true, [REFUSED]: true },
  ])
})

test('conflicts go back to RxDB as they came, accepted rows are only recorded', () => {
  const other = { ...payment, id: 'P2' }
  const conflict = { ...other, amount: '3.00' }
  const { outcomes, tracker: t } = tracker()
  const back = settlePush(
    'payments',
    [row, { newDocumentState: other }],
    { conflicts: [conflict], rejections: [] },
    t,
  )
  expect(back).toEqual([conflict])
  expect(outcomes.map((o) => [o.id, o.conflict, o.rejection])).toEqual([
    ['P1', false, undefined],
    ['P2', true, undefined],
  ])
})
