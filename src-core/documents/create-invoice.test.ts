import { describe, expect, test } from 'vitest'
import type { OrderCommand } from './commands'
import { createInvoice, createInvoiceFromOrder, createOrder } from './create-invoice'
import { applyInvoiceCommand } from './invoice-commands'
import { applyOrderCommand } from './order-commands'
import { priceLines } from './totals'
import {
  blankOrder,
  context,
  customer,
  newCatalog,
  settings,
  unwrap,
} from './test-support/fixtures'
import type { Order } from './types'

function fullOrder(): Order {
  const ctx = context()
  const cmds: OrderCommand[] = [
    {
      type: 'addLine',
      lineId: 'A',
      productId: 'widget',
      unitId: 'each',
      quantity: '12',
      manualDiscount: '2',
      tax: '3',
    },
    {
      type: 'addWriteIn',
      lineId: 'B',
      productName: 'Install',
      pricePerUnit: '80',
      quantity: '1',
      description: 'on site',
    },
    {
      type: 'editHeader',
      changes: {
        discountPercent: '5',
        discountAmount: '1',
        freightAmount: '9.99',
        description: 'rush',
        contactId: 'K1',
      },
    },
  ]
  return cmds.reduce((doc, cmd) => unwrap(applyOrderCommand(doc, cmd, ctx)), blankOrder())
}

describe('Create Invoice from an order', () => {
  test('copies header, money and every line, links them, and starts locked', () => {
    const order = fullOrder()
    const ctx = { ...context(), at: '2025-03-09T10:00:00.000Z' }
    const invoice = unwrap(
      createInvoiceFromOrder(
        order,
        { id: 'I9', number: 'INV-00009-ABCDEF', dueDate: '2025-04-09' },
        ctx,
      ),
    )
    expect(invoice).toMatchObject({
      kind: 'invoice',
      id: 'I9',
      number: 'INV-00009-ABCDEF',
      state: 'active',
      status: 'new',
      pricesLocked: true,
      orderId: order.id,
      customerId: order.customerId,
      priceListId: order.priceListId,
      currencyCode: order.currencyCode,
      billTo: order.billTo,
      shipTo: order.shipTo,
      discountPercent: '5',
      discountAmount: '1.00',
      freightAmount: '9.99',
      description: 'rush',
      contactId: 'K1',
      dueDate: '2025-04-09',
      createdAt: ctx.at,
      updatedAt: ctx.at,
    })
    expect(invoice.totals).toEqual(order.totals)
    expect(invoice.lines).toEqual(
      order.lines.map((l, i) => ({ ...l, id: `N${i + 1}`, sourceLineId: l.id })),
    )
    expect(invoice.history).toHaveLength(1)
    expect(invoice.history[0]).toMatchObject({ command: 'createInvoiceFromOrder', by: 'rep1' })
  })

  test('the new invoice keeps the order’s prices when the catalog moves', () => {
    const invoice = unwrap(
      createInvoiceFromOrder(fullOrder(), { id: 'I9', number: 'N' }, context()),
    )
    const edited = unwrap(
      applyInvoiceCommand(
        invoice,
        { type: 'editLine', lineId: 'N1', changes: { quantity: '13' } },
        { ...context(), catalog: newCatalog },
      ),
    )
    expect(edited.lines[0]).toMatchObject({ pricePerUnit: '10.00', volumeDiscount: '1.00' })
  })

  test.each([
    ['canceled', [{ type: 'cancelOrder' }]],
    ['invoiced', [{ type: 'submitOrder' }, { type: 'markInvoiced' }]],
  ] as const)('refused from a %s order', (state, steps) => {
    const order = steps.reduce(
      (doc, cmd) => unwrap(applyOrderCommand(doc, cmd, context('integration'))),
      fullOrder(),
    )
    expect(createInvoiceFromOrder(order, { id: 'I9', number: 'N' }, context())).toEqual({
      ok: false,
      refusal: {
        code: 'invalidTransition',
        reason: `This order is ${state}, so no invoice can be created from it.`,
      },
    })
  })

  test('allowed from submitted and fulfilled orders, which stay as they are', () => {
    for (const cmd of [{ type: 'submitOrder' }, { type: 'fulfillOrder' }] as const) {
      const order = unwrap(applyOrderCommand(fullOrder(), cmd, context()))
      expect(createInvoiceFromOrder(order, { id: 'I9', number: 'N' }, context()).ok).toBe(true)
    }
  })
})

describe('Create Invoice from a VAT-mode order', () => {
  test('keeps the order’s tax mode, freight VAT and line VAT, and stores the same breakdown', () => {
    const typed = fullOrder()
    const vatOrder = unwrap(
      priceLines(
        {
          ...typed,
          taxMode: 'vat' as const,
          freightVat: { category: 'S' as const, rate: '19' },
          lines: typed.lines.map((l, i) => ({
            ...l,
            tax: '0',
            vat:
              i === 0
                ? { category: 'S' as const, rate: '19' }
                : { category: 'AE' as const, rate: '0' },
          })),
        },
        'keep',
        newCatalog,
      ),
    )
    expect(vatOrder.vatBreakdown).toHaveLength(2)
    const invoice = unwrap(
      createInvoiceFromOrder(vatOrder, { id: 'I', number: 'INV-1' }, context()),
    )
    expect(invoice.taxMode).toBe('vat')
    expect(invoice.freightVat).toEqual(vatOrder.freightVat)
    expect(invoice.lines.map((l) => l.vat)).toEqual(vatOrder.lines.map((l) => l.vat))
    expect(invoice.vatBreakdown).toEqual(vatOrder.vatBreakdown)
    expect(invoice.totals).toEqual(vatOrder.totals)
  })

  test('an invoice from a typed order is typed and has no breakdown', () => {
    const invoice = unwrap(
      createInvoiceFromOrder(fullOrder(), { id: 'I', number: 'INV-1' }, context()),
    )
    expect(invoice.taxMode).toBeUndefined()
    expect(invoice.vatBreakdown).toBeUndefined()
  })
})

describe('new documents', () => {
  test('a new invoice takes the customer’s price list, currency and addresses, unlocked', () => {
    const invoice = unwrap(
      createInvoice(
        { id: 'I1', number: 'N', name: ' March ', customer, settings, dueDate: '2025-03-31' },
        context(),
      ),
    )
    expect(invoice).toMatchObject({
      name: 'March',
      ownerId: 'rep1',
      priceListId: 'retail',
      currencyCode: 'USD',
      exchangeRate: '1',
      pricesLocked: false,
      dueDate: '2025-03-31',
      pricing: {
        pricingPrecision: 2,
        currencyPrecision: 2,
        discountMethod: 'lineItem',
        rounding: 'halfEven',
      },
    })
    expect(invoice.totals.totalAmount).toBe('0.00')
    expect(invoice.history[0]?.changes).toContainEqual({ field: 'number', from: null, to: 'N' })
  })

  test('currency falls back to the company’s base currency; refusals for missing set-up', () => {
    const plain = { ...customer, currencyCode: undefined }
    const order = unwrap(
      createOrder(
        { id: 'O', number: 'N', name: 'x', customer: plain, settings, currencyCode: 'EUR' },
        context(),
      ),
    )
    expect(order).toMatchObject({ currencyCode: 'EUR', exchangeRate: '0.9', status: 'new' })
    expect(
      unwrap(createOrder({ id: 'O', number: 'N', name: 'x', customer: plain, settings }, context()))
        .currencyCode,
    ).toBe('USD')
    expect(
      createOrder(
        { id: 'O', number: 'N', name: 'x', customer, settings, currencyCode: 'GBP' },
        context(),
      ),
    ).toMatchObject({
      refusal: { reason: 'The currency GBP is not set up for this company.' },
    })
    expect(
      createOrder(
        {
          id: 'O',
          number: 'N',
          name: 'x',
          customer: { ...customer, priceListId: undefined },
          settings,
        },
        context(),
      ),
    ).toMatchObject({
      refusal: { reason: 'Choose a price list for this customer first.' },
    })
    expect(
      createInvoice({ id: 'O', number: 'N', name: ' ', customer, settings }, context()),
    ).toMatchObject({
      refusal: { reason: 'The document needs a name.' },
    })
  })
})
