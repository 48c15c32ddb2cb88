/**
 * The server reprices VAT-mode documents with the same pricing function as the desktop: a VAT-mode invoice is
 * stored with its breakdown, a forged breakdown or a typed tax on a VAT line is refused and not stored.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { EMPTY_CATALOG, priceLines, type Invoice } from '@core/documents'
import { customer, invoice } from './test-support/documents'
import { HOOK_TIMEOUT } from './test-support/embedded-pg'
import {
  create,
  signInTeam,
  startTestServer,
  type Client,
  type TestServer,
} from './test-support/server'

let server: TestServer
let ann: Client
const annCustomer = customer('C-ann', 'ann')

beforeAll(async () => {
  server = await startTestServer()
  ;({ ann } = await signInTeam(server, { ann: annCustomer, bob: customer('C-bob', 'bob') }))
}, HOOK_TIMEOUT)

afterAll(async () => {
  await server?.stop()
}, HOOK_TIMEOUT)

/** A typed invoice of the test documents turned into VAT mode (19 % and reverse charge, freight at 19 %). */
function vatInvoice(id: string, number: string): Invoice {
  const typed = invoice(id, number, annCustomer)
  const priced = priceLines(
    {
      ...typed,
      taxMode: 'vat' as const,
      discountPercent: '3',
      freightAmount: '12.50',
      freightVat: { category: 'S' as const, rate: '19' },
      lines: typed.lines.map((l, i) => ({
        ...l,
        tax: '0',
        vat:
          i === 0 ? { category: 'S' as const, rate: '19' } : { category: 'AE' as const, rate: '0' },
      })),
    },
    'keep',
    EMPTY_CATALOG,
  )
  if (!priced.ok) throw new Error(priced.refusal.reason)
  return priced.document
}

const isStored = async (id: string): Promise<boolean> => {
  const { rows } = await server.pool.query('SELECT 1 FROM documents WHERE id = $1', [id])
  return rows.length === 1
}

describe('VAT mode on the server', () => {
  test('a VAT-mode invoice is accepted and pulled back with its tax mode and breakdown', async () => {
    const inv = vatInvoice('I-vat', 'INV-00101-VATVAT')
    expect(inv.vatBreakdown?.map((g) => g.category)).toEqual(['AE', 'S'])
    expect(await ann.push('invoices', [create(inv)])).toEqual({
      status: 200,
      conflicts: [],
      rejections: [],
    })
    const pulled = await ann.pullAll('invoices')
    expect(pulled.find((d) => d.id === 'I-vat')).toEqual({ ...inv, _deleted: false })
  })

  test('a forged VAT breakdown is refused, naming the group, and not stored', async () => {
    const inv = vatInvoice('I-vat-forged', 'INV-00102-VATVAT')
    const vatBreakdown = (inv.vatBreakdown ?? []).map((g) =>
      g.category === 'S' ? { ...g, taxAmount: '0.00' } : g,
    )
    const answer = await ann.push('invoices', [create({ ...inv, vatBreakdown })])
    expect(answer.rejections).toEqual([
      {
        id: 'I-vat-forged',
        code: 'forgedTotals',
        reason: expect.stringContaining('vatBreakdown[1].taxAmount is 0.00') as string,
      },
    ])
    expect(await isStored('I-vat-forged')).toBe(false)
  })

  test('a VAT-mode line with a typed tax, or without its VAT, is refused', async () => {
    const inv = vatInvoice('I-vat-tax', 'INV-00103-VATVAT')
    const taxed = inv.lines.map((l, i) => (i === 0 ? { ...l, tax: '3.00' } : l))
    const noVat = inv.lines.map(({ vat: _vat, ...l }) => l)
    const answer = await ann.push('invoices', [
      create({ ...inv, lines: taxed }),
      create({ ...inv, id: 'I-vat-none', number: 'INV-00104-VATVAT', lines: noVat }),
    ])
    expect(answer.rejections).toEqual([
      {
        id: 'I-vat-tax',
        code: 'forgedTotals',
        reason: expect.stringContaining('line 1, tax') as string,
      },
      {
        id: 'I-vat-none',
        code: 'forgedTotals',
        reason: expect.stringContaining('line 1, vat') as string,
      },
    ])
    expect(await isStored('I-vat-tax')).toBe(false)
  })
})
