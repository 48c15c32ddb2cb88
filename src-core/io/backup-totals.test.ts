import { describe, expect, it } from 'vitest'
import { applyInvoiceCommand } from '@core/documents/invoice-commands'
import { applyOrderCommand } from '@core/documents/order-commands'
import {
  blankInvoice,
  blankOrder,
  context,
  opportunity,
  unwrap,
} from '@core/documents/test-support/fixtures'
import { vatInvoice } from '@core/documents/test-support/vat-invoice'
import type { DocumentLine, Invoice } from '@core/documents/types'
import { decodeBackup, encodeBackup } from './backup'
import { checkBackupTotals, groupThousands } from './backup-totals'
import { canonicalJson, sha256Hex } from './canonical-json'
import { sampleBackupData } from './test-support/sample-backup'

const meta = { createdAt: '2026-02-01T10:00:00.000Z', appVersion: '0.1.0' }
const ctx = context()

/** A write-in line of 13.00 each, three by default: 39.00, as the screens price it. */
function pricedInvoice(quantity = '3'): Invoice {
  const invoice = { ...blankInvoice(), id: 'I12', number: 'INV-00012-ABCDE' }
  return unwrap(
    applyInvoiceCommand(
      invoice,
      { type: 'addWriteIn', lineId: 'W1', productName: 'Labour', pricePerUnit: '13', quantity },
      ctx,
    ),
  )
}

function pricedData() {
  const data = sampleBackupData()
  data.invoices.push(pricedInvoice())
  return data
}

type File = { data: ReturnType<typeof pricedData>; checksum: { value: string } }

/** A backup whose records were edited and whose checksum was recomputed, as anyone can. */
async function forged(edit: (data: File['data']) => void): Promise<string> {
  const file = JSON.parse(await encodeBackup(pricedData(), meta)) as File
  edit(file.data)
  file.checksum.value = await sha256Hex(canonicalJson(file.data))
  return JSON.stringify(file)
}

async function refusal(text: string): Promise<string> {
  const result = await decodeBackup(text)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.reason
}

const invoiceOf = (data: File['data'], id: string): Invoice =>
  data.invoices.find((i) => i.id === id)!

describe('a restore reprices every document', () => {
  it('accepts a file whose amounts are those its lines give', async () => {
    const data = pricedData()
    expect(invoiceOf(data, 'I12').totals.totalAmount).toBe('39.00')
    expect(checkBackupTotals(data)).toBeUndefined()
    expect((await decodeBackup(await encodeBackup(data, meta))).ok).toBe(true)
  })

  it('refuses a forged Total Amount under a recomputed checksum, naming the invoice', async () => {
    const text = await forged((data) => {
      invoiceOf(data, 'I12').totals.totalAmount = '1000.00'
    })
    expect(await refusal(text)).toBe(
      'Invoice INV-00012-ABCDE: Total Amount in the file is 1,000.00, its lines give 39.00. ' +
        'The file was changed after it was made, so it is not restored.',
    )
  })

  it('refuses a line whose amounts were forged together with the totals', async () => {
    const text = await forged((data) => {
      const invoice = invoiceOf(data, 'I12')
      const line = invoice.lines[0] as DocumentLine
      Object.assign(line, { amount: '13.00', extendedAmount: '13.00' })
      // The header is made to agree with the forged line, so only the line's own arithmetic shows it.
      const agree = pricedInvoice('1')
      invoice.totals = agree.totals
      invoice.baseTotals = agree.baseTotals
    })
    expect(await refusal(text)).toMatch(
      /^Invoice INV-00012-ABCDE: line 1 \(Labour\): Amount in the file is 13\.00, its price, quantity and discounts give 39\.00\./,
    )
  })

  it('refuses forged base-currency totals', async () => {
    const text = await forged((data) => {
      invoiceOf(data, 'I12').baseTotals.totalAmount = '1.0000'
    })
    expect(await refusal(text)).toMatch(
      /^Invoice INV-00012-ABCDE: Total Amount \(Base\) in the file is 1\.0000, its lines give 39\.0000\./,
    )
  })

  it('refuses a forged VAT breakdown of a VAT-mode invoice', () => {
    const vat = { ...vatInvoice(), id: 'IV', number: 'INV-00013-VATVA' }
    const clean = pricedData()
    clean.invoices.push(vat)
    expect(checkBackupTotals(clean)).toBeUndefined()
    const forgedData = pricedData()
    forgedData.invoices.push({
      ...vat,
      vatBreakdown: vat.vatBreakdown?.map((g, i) => (i === 1 ? { ...g, taxAmount: '0.01' } : g)),
    })
    expect(checkBackupTotals(forgedData)).toMatch(
      /^Invoice INV-00013-VATVA: VAT S 19\.00 % in the file is 0\.01 on [\d,.]+, its lines give [\d,.]+ on /,
    )
    const { vatBreakdown: _gone, ...without } = vat
    const dropped = pricedData()
    dropped.invoices.push(without)
    expect(checkBackupTotals(dropped)).toMatch(
      /VAT group 1 in the file is missing, its lines give E 0\.00 %/,
    )
  })

  it('checks orders and opportunities too', () => {
    const order = unwrap(
      applyOrderCommand(
        blankOrder(),
        {
          type: 'addWriteIn',
          lineId: 'W1',
          productName: 'Labour',
          pricePerUnit: '2',
          quantity: '5',
        },
        ctx,
      ),
    )
    const data = sampleBackupData()
    data.orders = [{ ...order, totals: { ...order.totals, totalTax: '4.00' } }]
    expect(checkBackupTotals(data)).toMatch(
      /^Order ORD-00001-ABCDEF: Total Tax in the file is 4\.00, its lines give 0\.00\./,
    )
    const deal = opportunity(order.lines)
    data.orders = [order]
    data.opportunities = [deal]
    expect(checkBackupTotals(data)).toMatch(
      /^Opportunity "Big deal": Total Amount in the file is 0\.00, its lines give 10\.00\./,
    )
  })

  it('refuses a document whose stored values cannot be priced at all', () => {
    const data = sampleBackupData()
    data.invoices = [{ ...pricedInvoice(), freightAmount: '-5' }]
    expect(checkBackupTotals(data)).toBe(
      'Invoice INV-00012-ABCDE cannot be priced: freightAmount: must not be negative. ' +
        'The file was changed after it was made, so it is not restored.',
    )
  })

  it('groups thousands and keeps every digit of the amount', () => {
    expect(groupThousands('1000.00')).toBe('1,000.00')
    expect(groupThousands('-1234567.8901')).toBe('-1,234,567.8901')
    expect(groupThousands('999')).toBe('999')
    expect(groupThousands('12e3')).toBe('12e3')
  })
})
