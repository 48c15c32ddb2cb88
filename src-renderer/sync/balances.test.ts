import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LedgerEntry } from '@core/documents'
import { closeDatabase, type Database } from '@renderer/data/database'
import { toInvoiceDoc } from '@renderer/data/stored'
import { openTestDatabase } from '@renderer/data/test-support/test-db'
import {
  balanceRefresher,
  derivePulled,
  paymentsByInvoice,
  pulledBalanceCheck,
  refreshBalances,
} from './balances'
import { fromWire } from './derived'
import { customerOf, newInvoice, T0 } from './test-support/documents'

const owner = customerOf('C1', 'rep1')
const invoices = ['I1', 'I2', 'I3'].map((id, i) => newInvoice(id, `INV-0000${i + 1}-AAAAAA`, owner))

function payment(id: string, invoiceId: string, amount: string): LedgerEntry {
  return {
    id,
    kind: 'payment',
    updatedAt: T0,
    invoiceId,
    customerId: owner.id,
    date: '2025-03-02',
    amount,
    currencyCode: 'USD',
    method: 'cash',
    recordedAt: T0,
    recordedBy: 'rep1',
  }
}

const payments = [
  payment('P1', 'I1', '10.00'),
  payment('P2', 'I1', '5.00'),
  payment('P3', 'I3', '1.00'),
]
const ids = (list: readonly LedgerEntry[] | undefined) => (list ?? []).map((p) => p.id).sort()

let db: Database
beforeEach(async () => {
  db = await openTestDatabase()
  await db.payments.bulkInsert(payments)
})
afterEach(() => closeDatabase(db))

describe('payments read per page', () => {
  it.each([
    ['one query over the page', undefined],
    ['a query per invoice when the device holds many payments', 1],
  ])('gives every asked invoice its own payments: %s', async (_, oneQueryUpTo) => {
    const byInvoice = await paymentsByInvoice(db, ['I1', 'I2', 'I3', 'I1'], { oneQueryUpTo })
    expect([...byInvoice.keys()].sort()).toEqual(['I1', 'I2', 'I3'])
    expect(ids(byInvoice.get('I1'))).toEqual(['P1', 'P2'])
    expect(ids(byInvoice.get('I2'))).toEqual([])
    expect(ids(byInvoice.get('I3'))).toEqual(['P3'])
  })

  it('derives pulled invoices as one by one with their own payments, tombstones included', async () => {
    const wire = [
      ...invoices.map((doc) => ({ ...doc, _deleted: false })),
      { id: 'I4', _deleted: true },
    ]
    const derived = await derivePulled(db, 'invoices', wire)
    expect(derived).toEqual(
      wire.map((doc) =>
        fromWire(
          'invoices',
          doc,
          payments.filter((p) => p.invoiceId === doc.id),
        ),
      ),
    )
    // The payments counted: I1's balance is not what it would be without them.
    expect(derived[0]?.balanceDue).not.toBe(fromWire('invoices', wire[0]!, []).balanceDue)
  })

  it('refreshes only the stored balances the payments no longer match', async () => {
    await db.invoices.bulkInsert(invoices.map((doc) => toInvoiceDoc(doc, [])))
    const before = await db.invoices.findByIds(['I1', 'I2', 'I3']).exec()
    await refreshBalances(db, ['I1', 'I2', 'I3', 'I-unknown'])
    const after = await db.invoices.findByIds(['I1', 'I2', 'I3']).exec()
    for (const doc of invoices) {
      const expected = toInvoiceDoc(
        doc,
        payments.filter((p) => p.invoiceId === doc.id),
      )
      expect(after.get(doc.id)?.balanceDue).toBe(expected.balanceDue)
    }
    // I2 has no payment: its stored balance was right and it is not written again.
    expect(after.get('I2')?.revision).toBe(before.get('I2')?.revision)
    expect(after.get('I1')?.revision).not.toBe(before.get('I1')?.revision)
  })

  it('derives the balance from the invoice as written, when new totals land during a refresh', async () => {
    await db.invoices.bulkInsert(invoices.map((doc) => toInvoiceDoc(doc, [])))
    const stored = await db.invoices.findOne('I1').exec()
    const totals = { ...invoices[0]!.totals, totalAmount: '1000.00' }
    // The refresh reads I1 and its payments, and a pulled invoice with a new total lands before it writes.
    const refreshed = refreshBalances(db, ['I1'])
    await stored!.incrementalPatch({ totals })
    await refreshed
    const after = await db.invoices.findOne('I1').exec()
    expect(after?.totals.totalAmount).toBe('1000.00')
    // 1000.00 less the 15.00 paid.
    expect(after?.balanceDue).toBe('985.00')
  })
})

describe('refreshes one after the other', () => {
  it('refreshes every invoice asked for, those asked during a refresh after it, and then is idle', async () => {
    await db.invoices.bulkInsert(invoices.map((doc) => toInvoiceDoc(doc, [])))
    const errors: unknown[] = []
    const refresher = balanceRefresher(db, (e) => errors.push(e))
    refresher.request(['I1'])
    // Asked while the first refresh runs: a payment for I3 landed meanwhile.
    await db.payments.insert(payment('P4', 'I3', '2.00'))
    refresher.request(['I3', 'I2'])
    await refresher.idle()
    const after = await db.invoices.findByIds(['I1', 'I2', 'I3']).exec()
    const all = [...payments, payment('P4', 'I3', '2.00')]
    for (const doc of invoices)
      expect(after.get(doc.id)?.balanceDue).toBe(
        toInvoiceDoc(
          doc,
          all.filter((p) => p.invoiceId === doc.id),
        ).balanceDue,
      )
    expect(errors).toEqual([])
    // Idle again at once when nothing is asked.
    await refresher.idle()
  })
})

describe('pulled invoices whose balance may be behind', () => {
  const page = (...ids: string[]) => ids.map((id) => ({ id }))

  it('needs no refresh when no payment of the invoice was written after its page read them', () => {
    const check = pulledBalanceCheck()
    check.paymentsWritten(['I1'])
    const at = check.derivingPage()
    check.derived(page('I1', 'I2'), at)
    // A payment of another invoice does not matter.
    check.paymentsWritten(['I3'])
    expect(check.behind('I1')).toBe(false)
    expect(check.behind('I2')).toBe(false)
  })

  it('needs a refresh when a payment of the invoice was written while its page was derived or written', () => {
    const check = pulledBalanceCheck()
    const at = check.derivingPage()
    // Stored while the page read the payments (its event arrives after the read began), or after.
    check.paymentsWritten(['I1'])
    check.derived(page('I1', 'I2'), at)
    expect(check.behind('I1')).toBe(true)
    expect(check.behind('I2')).toBe(false)
    const next = check.derivingPage()
    check.derived(page('I2'), next)
    check.paymentsWritten(['I2'])
    expect(check.behind('I2')).toBe(true)
  })

  it('needs a refresh for an invoice written by the replication without a page of its own', () => {
    const check = pulledBalanceCheck()
    check.derived(page('I1'), check.derivingPage())
    expect(check.behind('I1')).toBe(false)
    // Each page's mark is used once: a second write of the same invoice is not vouched for.
    expect(check.behind('I1')).toBe(true)
    expect(check.behind('I-unknown')).toBe(true)
  })
})
