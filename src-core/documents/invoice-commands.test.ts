import { describe, expect, test } from 'vitest'
import { EMPTY_CATALOG } from './catalog'
import type { InvoiceCommand } from './commands'
import { applyInvoiceCommand } from './invoice-commands'
import {
  blankInvoice,
  context,
  newCatalog,
  opportunity,
  payment,
  unwrap,
} from './test-support/fixtures'
import type { Invoice } from './types'

const ctx = context()

function apply(invoice: Invoice, ...cmds: InvoiceCommand[]): Invoice {
  return cmds.reduce((doc, cmd) => unwrap(applyInvoiceCommand(doc, cmd, ctx)), invoice)
}

function refusal(invoice: Invoice, cmd: InvoiceCommand, c = ctx) {
  const result = applyInvoiceCommand(invoice, cmd, c)
  if (result.ok) throw new Error('expected a refusal')
  return result.refusal
}

const widgets = (quantity: string): InvoiceCommand => ({
  type: 'addLine',
  lineId: 'L1',
  productId: 'widget',
  unitId: 'each',
  quantity,
})

/** A second widget line, for documents that already have L1. */
const more = (quantity: string): InvoiceCommand => ({
  type: 'addLine',
  lineId: 'L2',
  productId: 'widget',
  unitId: 'each',
  quantity,
})

describe('lines and totals', () => {
  test('a catalog line takes the price list price and the volume discount of its band', () => {
    const invoice = apply(blankInvoice(), widgets('12'))
    expect(invoice.lines[0]).toMatchObject({
      productName: 'Widget',
      pricePerUnit: '10.00',
      volumeDiscount: '1.00',
      amount: '108.00',
      extendedAmount: '108.00',
    })
    expect(invoice.totals.totalAmount).toBe('108.00')
    expect(invoice.baseTotals.totalAmount).toBe('108.0000')
  })

  test('typed money is rounded to its precision as it is entered', () => {
    const invoice = apply(blankInvoice(), {
      ...widgets('2.5'),
      manualDiscount: '1.005',
      tax: '0.125',
    } as InvoiceCommand)
    expect(invoice.lines[0]).toMatchObject({ quantity: '2.5', manualDiscount: '1.00', tax: '0.12' })
  })

  test('write-ins, price overrides and going back to the default price', () => {
    let invoice = apply(
      blankInvoice(),
      widgets('12'),
      {
        type: 'addWriteIn',
        lineId: 'W1',
        productName: ' Labour ',
        pricePerUnit: '45.505',
        quantity: '2',
      },
      { type: 'changePrice', lineId: 'L1', pricePerUnit: '9' },
    )
    expect(invoice.lines[1]).toMatchObject({
      productName: 'Labour',
      pricePerUnit: '45.50',
      isWriteIn: true,
    })
    expect(invoice.lines[0]).toMatchObject({
      pricePerUnit: '9.00',
      volumeDiscount: '0.00',
      priceOverridden: true,
    })
    invoice = apply(invoice, { type: 'changePrice', lineId: 'L1', pricePerUnit: null })
    expect(invoice.lines[0]).toMatchObject({
      pricePerUnit: '10.00',
      volumeDiscount: '1.00',
      priceOverridden: false,
    })
    expect(refusal(invoice, { type: 'changePrice', lineId: 'W1', pricePerUnit: null }).reason).toBe(
      'line 2 (Labour) is a write-in product with no catalog price; type its price instead.',
    )
  })

  test('edit and remove lines; header discounts and freight', () => {
    const invoice = apply(
      blankInvoice(),
      widgets('1'),
      {
        type: 'editLine',
        lineId: 'L1',
        changes: { quantity: '10', tax: '5', description: 'blue' },
      },
      {
        type: 'editHeader',
        changes: { discountPercent: '10', discountAmount: '1', freightAmount: '2.5' },
      },
    )
    expect(invoice.lines[0]).toMatchObject({ amount: '90.00', tax: '5.00', description: 'blue' })
    expect(invoice.totals).toMatchObject({ discountPercentAmount: '9.00', totalAmount: '87.50' })
    const cleared = apply(invoice, {
      type: 'editLine',
      lineId: 'L1',
      changes: { description: null },
    })
    expect(cleared.lines[0]?.description).toBeUndefined()
    const empty = apply(invoice, { type: 'removeLine', lineId: 'L1' })
    expect(empty.lines).toEqual([])
    expect(empty.history.at(-1)?.changes).toContainEqual({
      field: 'lines[L1]',
      from: 'Widget',
      to: null,
    })
  })

  test.each<[InvoiceCommand, string]>([
    [{ ...more('abc') }, 'Quantity “abc” is not a number. Type digits, a “-” and a “.”.'],
    [
      { ...more('1'), manualDiscount: '-1' } as InvoiceCommand,
      'Manual discount cannot be negative.',
    ],
    [
      { ...more('1'), tax: '1,5' } as InvoiceCommand,
      'Tax “1,5” is not a number. Type digits, a “-” and a “.”.',
    ],
    [
      { ...more('1'), productId: 'old' } as InvoiceCommand,
      'Old thing is retired and cannot be added to new lines.',
    ],
    [
      { ...more('1'), unitId: 'crate' } as InvoiceCommand,
      "This invoice's price list has no price for that product in that unit. Choose another unit, or add it as a write-in.",
    ],
    [{ ...widgets('1'), lineId: '' } as InvoiceCommand, 'A new line needs an id.'],
    [
      { type: 'addWriteIn', lineId: 'W', productName: ' ', pricePerUnit: '1', quantity: '1' },
      'A write-in product needs a name.',
    ],
    [
      { type: 'addWriteIn', lineId: 'W', productName: 'X', pricePerUnit: 'x', quantity: '1' },
      'Price per unit “x” is not a number. Type digits, a “-” and a “.”.',
    ],
    [
      { type: 'addWriteIn', lineId: 'W', productName: 'X', pricePerUnit: '1', quantity: '' },
      'Quantity “” is not a number. Type digits, a “-” and a “.”.',
    ],
    [
      { type: 'editLine', lineId: 'nope', changes: { quantity: '1' } },
      'This invoice has no such line; it may have been removed.',
    ],
    [
      { type: 'editLine', lineId: 'L1', changes: { pricePerUnit: '1' } as never },
      'The pricePerUnit of a line cannot be changed.',
    ],
    [
      { type: 'editLine', lineId: 'L1', changes: { quantity: 2 as never } },
      'Quantity missing is not a number. Type digits, a “-” and a “.”.',
    ],
    [
      { type: 'changePrice', lineId: 'L1', pricePerUnit: 'ten' },
      'Price per unit “ten” is not a number. Type digits, a “-” and a “.”.',
    ],
    [
      { type: 'changePrice', lineId: 'nope', pricePerUnit: '1' },
      'This invoice has no such line; it may have been removed.',
    ],
    [
      { type: 'removeLine', lineId: 'nope' },
      'This invoice has no such line; it may have been removed.',
    ],
    [
      { type: 'editHeader', changes: { discountPercent: '101' } },
      'Discount (%) cannot be more than 100 %.',
    ],
    [
      { type: 'editHeader', changes: { freightAmount: '-1' } },
      'Freight amount cannot be negative.',
    ],
    [{ type: 'editHeader', changes: { name: '  ' } }, 'The invoice needs a name.'],
    [
      { type: 'editHeader', changes: { dueDate: 'tomorrow' } },
      'Due Date “tomorrow” is not a date (expected YYYY-MM-DD).',
    ],
    [
      { type: 'editHeader', changes: { requestedDeliveryDate: '2025-01-01' } as never },
      'The requestedDeliveryDate of an invoice cannot be changed here.',
    ],
    [
      { type: 'editHeader', changes: { billTo: { city: 'X' } as never } },
      'The address is not complete: line1: expected a string.',
    ],
    [
      { type: 'setStatusReason', status: 'complete' as never },
      'Choose New, Partially Shipped, Billed, Booked or Installed.',
    ],
    [{ type: 'setStatusReason', status: 'new' }, 'The invoice already has this status.'],
  ])('refuses %o', (cmd, reason) => {
    const invoice = apply(blankInvoice(), widgets('1'))
    expect(refusal(invoice, cmd).reason).toBe(reason)
  })

  test('a duplicate line id is refused', () => {
    const invoice = apply(blankInvoice(), widgets('1'))
    expect(refusal(invoice, widgets('2')).code).toBe('duplicateId')
  })

  test('header edits: addresses, dates, contact, price list', () => {
    const invoice = apply(blankInvoice(), {
      type: 'editHeader',
      changes: {
        name: ' April ',
        billTo: { line1: '9 New St', city: 'Salem' },
        dueDate: '2025-04-30',
        contactId: 'K1',
        description: 'note',
        priceListId: 'retail',
      },
    })
    expect(invoice).toMatchObject({ name: 'April', dueDate: '2025-04-30', contactId: 'K1' })
    expect(invoice.billTo).toEqual({ line1: '9 New St', city: 'Salem' })
    const cleared = apply(invoice, {
      type: 'editHeader',
      changes: { dueDate: null, contactId: null },
    })
    expect(cleared.dueDate).toBeUndefined()
    expect(cleared.contactId).toBeUndefined()
  })

  test('an unlocked line with no price on a new price list is refused with a way out', () => {
    const invoice = apply(blankInvoice(), widgets('1'))
    expect(refusal(invoice, { type: 'editHeader', changes: { priceListId: 'wholesale' } })).toEqual(
      {
        code: 'noPrice',
        reason:
          'The price list of this document has no price for line 1 (Widget) in its unit. Override its price, choose another unit or remove the line.',
      },
    )
  })

  test('a value priceDocument refuses becomes a pricingError refusal', () => {
    const invoice = apply(blankInvoice(), widgets('1'))
    const broken = { ...invoice, exchangeRate: '0' }
    expect(refusal(broken, { type: 'editHeader', changes: { name: 'x' } }).code).toBe(
      'pricingError',
    )
  })
})

describe('lock pricing', () => {
  const locked = () => apply(blankInvoice(), widgets('1'), { type: 'lockPricing' })

  test('freezes prices against catalog changes; volume discount still follows quantity', () => {
    const later = { ...ctx, catalog: newCatalog }
    const invoice = unwrap(
      applyInvoiceCommand(
        locked(),
        { type: 'editLine', lineId: 'L1', changes: { quantity: '20' } },
        later,
      ),
    )
    expect(invoice.lines[0]).toMatchObject({
      pricePerUnit: '10.00',
      volumeDiscount: '1.00',
      amount: '180.00',
    })
    expect(invoice.totals.totalAmount).toBe('180.00')
  })

  test.each<[InvoiceCommand, string]>([
    [
      { type: 'changePrice', lineId: 'L1', pricePerUnit: '1' },
      'Prices are locked on this invoice, so prices cannot be changed. Use Current Pricing to unlock them first.',
    ],
    [
      { type: 'addWriteIn', lineId: 'W', productName: 'X', pricePerUnit: '1', quantity: '1' },
      'Prices are locked on this invoice, so write-in products cannot be added. Use Current Pricing to unlock them first.',
    ],
    [
      { type: 'editLine', lineId: 'L1', changes: { unitId: 'box' } },
      'Prices are locked on this invoice, so the unit of a line cannot be changed. Use Current Pricing to unlock them first.',
    ],
    [
      { type: 'editHeader', changes: { priceListId: 'other' } },
      'Prices are locked on this invoice, so the price list cannot be changed. Use Current Pricing to unlock them first.',
    ],
    [{ type: 'lockPricing' }, 'Prices are already locked on this invoice.'],
  ])('refuses %o while locked', (cmd, reason) => {
    expect(refusal(locked(), cmd).reason).toBe(reason)
  })

  test('a catalog product added while locked takes today’s price, then stays frozen', () => {
    const invoice = apply(locked(), {
      type: 'addLine',
      lineId: 'L2',
      productId: 'gadget',
      unitId: 'each',
      quantity: '1',
    })
    expect(invoice.lines[1]?.pricePerUnit).toBe('20.00')
  })

  test('a locked document needs no catalog at all', () => {
    const result = applyInvoiceCommand(
      locked(),
      { type: 'editLine', lineId: 'L1', changes: { quantity: '3' } },
      { ...ctx, catalog: EMPTY_CATALOG },
    )
    expect(result.ok).toBe(true)
  })

  test('Use Current Pricing reprices every line that is neither overridden nor write-in', () => {
    let invoice = apply(
      blankInvoice(),
      widgets('1'),
      { type: 'addLine', lineId: 'L2', productId: 'widget', unitId: 'each', quantity: '1' },
      { type: 'changePrice', lineId: 'L2', pricePerUnit: '7' },
      { type: 'addWriteIn', lineId: 'W', productName: 'Labour', pricePerUnit: '50', quantity: '1' },
      { type: 'lockPricing' },
    )
    invoice = unwrap(
      applyInvoiceCommand(invoice, { type: 'useCurrentPricing' }, { ...ctx, catalog: newCatalog }),
    )
    expect(invoice.pricesLocked).toBe(false)
    expect(invoice.lines.map((l) => l.pricePerUnit)).toEqual(['12.00', '7.00', '50.00'])
    expect(invoice.history.at(-1)?.changes).toContainEqual({
      field: 'lines[L1].pricePerUnit',
      from: '10.00',
      to: '12.00',
    })
  })

  test('unlocked documents follow the catalog on every edit, and a unit change reprices', () => {
    const later = { ...ctx, catalog: newCatalog }
    let invoice = unwrap(
      applyInvoiceCommand(
        apply(blankInvoice(), widgets('1')),
        { type: 'editHeader', changes: { name: 'x' } },
        later,
      ),
    )
    expect(invoice.lines[0]?.pricePerUnit).toBe('12.00')
    invoice = apply(invoice, { type: 'editLine', lineId: 'L1', changes: { unitId: 'box' } })
    expect(invoice.lines[0]).toMatchObject({ unitId: 'box', pricePerUnit: '110.00' })
    expect(invoice.lines[0]?.discountList).toBeUndefined()
  })
})

describe('Get Products', () => {
  const oppLines = () => {
    const source = apply(blankInvoice(), widgets('12'), {
      type: 'addWriteIn',
      lineId: 'W',
      productName: 'Labour',
      pricePerUnit: '50',
      quantity: '1',
    })
    return source.lines
  }

  test('copies the opportunity’s lines with new ids and links; unlocked lines take today’s price', () => {
    const later = { ...context(), catalog: newCatalog }
    const invoice = unwrap(
      applyInvoiceCommand(
        blankInvoice(),
        { type: 'getProducts', opportunity: opportunity(oppLines()) },
        later,
      ),
    )
    expect(invoice.opportunityId).toBe('OP1')
    expect(invoice.lines.map((l) => [l.id, l.sourceLineId, l.pricePerUnit])).toEqual([
      ['N1', 'L1', '12.00'],
      ['N2', 'W', '50.00'],
    ])
  })

  test('on a locked invoice the opportunity’s prices are kept, and write-ins are refused', () => {
    const locked = apply(blankInvoice(), { type: 'lockPricing' })
    const catalogOnly = oppLines().filter((l) => !l.isWriteIn)
    const invoice = unwrap(
      applyInvoiceCommand(
        locked,
        { type: 'getProducts', opportunity: opportunity(catalogOnly) },
        { ...context(), catalog: newCatalog },
      ),
    )
    expect(invoice.lines[0]).toMatchObject({ pricePerUnit: '10.00', volumeDiscount: '1.00' })
    expect(
      refusal(locked, { type: 'getProducts', opportunity: opportunity(oppLines()) }).code,
    ).toBe('pricesLocked')
  })

  test('refuses another currency or something that is not an opportunity', () => {
    const invoice = blankInvoice()
    expect(
      refusal(invoice, {
        type: 'getProducts',
        opportunity: { ...opportunity([]), currencyCode: 'EUR' },
      }).reason,
    ).toBe(
      'The opportunity is in EUR and this invoice in USD; prices cannot be copied between currencies.',
    )
    expect(refusal(invoice, { type: 'getProducts', opportunity: invoice as never }).code).toBe(
      'wrongDocument',
    )
    const linked = { ...invoice, opportunityId: 'OLD' }
    expect(apply(linked, { type: 'getProducts', opportunity: opportunity([]) }).opportunityId).toBe(
      'OLD',
    )
  })
})

describe('payments guard edits', () => {
  test('an edit that brings the total below what was paid is refused', () => {
    const invoice = apply(blankInvoice(), widgets('2'))
    const paid = { ...ctx, payments: [payment(invoice, 'P1', '15.00')] }
    expect(
      refusal(invoice, { type: 'editLine', lineId: 'L1', changes: { quantity: '1' } }, paid),
    ).toEqual({
      code: 'totalBelowPaid',
      reason: 'This change would bring the invoice total to 10.00, below the 15.00 already paid.',
    })
    expect(
      applyInvoiceCommand(
        invoice,
        { type: 'editLine', lineId: 'L1', changes: { quantity: '3' } },
        paid,
      ).ok,
    ).toBe(true)
  })
})
