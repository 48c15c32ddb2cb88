/**
 * A document's history in the rep's words: each stored entry (command, field paths, raw values) becomes one
 * sentence ("Added Heavy-duty Hinge, 3 × 171.34") and a few details in field labels ("Total Amount 23,696.01 →
 * 21,571.17"), with names for ids and amounts and dates formatted. It reads the entries as stored, so history
 * written before this wording reads the same way. Fields a rep never sees (ids, derived amounts) are left out.
 */
import {
  DUPLICATE_COMMAND,
  DUPLICATED_FROM_FIELD,
  INVOICE_STATE_LABELS,
  INVOICE_STATUSES,
  ORDER_STATE_LABELS,
  ORDER_STATUSES,
  PAYMENT_TERMS,
  type FieldChange,
  type HistoryEntry,
  type HistoryValue,
  type LedgerEntry,
  type PaymentMethod,
} from '@core/documents'
import type { SalesDocument } from '@renderer/forms/header-draft'

/** What the words need from outside the entry: names of ids, and the rep's number and date formats. */
export interface HistoryNames {
  customer(id: string): string | undefined
  priceList(id: string): string | undefined
  unit(id: string): string | undefined
  /** A ledger entry of the invoice (payment, void or refund) by its id. */
  payment(id: string): LedgerEntry | undefined
  money(value: string): string
  quantity(value: string): string
  date(iso: string): string
}

export interface HistoryLine {
  text: string
  details: string[]
}

type Kind = 'money' | 'quantity' | 'date' | 'text' | 'customer' | 'priceList' | 'unit' | 'terms'
type Field = { label: string; kind: Kind }

const HEADER_FIELDS: Record<string, Field> = {
  name: { label: 'Name', kind: 'text' },
  description: { label: 'Description', kind: 'text' },
  customerId: { label: 'Customer', kind: 'customer' },
  priceListId: { label: 'Price List', kind: 'priceList' },
  currencyCode: { label: 'Currency', kind: 'text' },
  invoiceDate: { label: 'Invoice Date', kind: 'date' },
  dueDate: { label: 'Due Date', kind: 'date' },
  dateDelivered: { label: 'Date Delivered', kind: 'date' },
  requestedDeliveryDate: { label: 'Requested Delivery Date', kind: 'date' },
  paymentTerms: { label: 'Payment Terms', kind: 'terms' },
  discountPercent: { label: 'Discount (%)', kind: 'quantity' },
  discountAmount: { label: 'Discount', kind: 'money' },
  freightAmount: { label: 'Freight Amount', kind: 'money' },
  'totals.totalAmount': { label: 'Total Amount', kind: 'money' },
  amountPaid: { label: 'Amount Paid', kind: 'money' },
}
const ADDRESS_PARTS: Record<string, string> = {
  name: 'Name',
  line1: 'Street',
  line2: 'Street 2',
  line3: 'Street 3',
  city: 'City',
  stateOrProvince: 'State/Province',
  postalCode: 'ZIP/Postal Code',
  country: 'Country/Region',
}
const LINE_FIELDS: Record<string, Field> = {
  quantity: { label: 'Quantity', kind: 'quantity' },
  pricePerUnit: { label: 'Price Per Unit', kind: 'money' },
  manualDiscount: { label: 'Manual Discount', kind: 'money' },
  tax: { label: 'Tax', kind: 'money' },
  unitId: { label: 'Unit', kind: 'unit' },
  description: { label: 'Description', kind: 'text' },
  productName: { label: 'Product', kind: 'text' },
}
const METHODS: Record<PaymentMethod, string> = {
  bankTransfer: 'bank transfer',
  card: 'card',
  cash: 'cash',
  check: 'check',
  other: 'other means',
}

const LINE_PATH = /^lines\[([^\]]+)\](?:\.(.+))?$/

/** The label and kind of a header field path, or undefined for a field the rep does not see. */
function headerField(path: string): Field | undefined {
  const known = HEADER_FIELDS[path]
  if (known) return known
  const [side = '', part = ''] = path.split('.')
  const title = side === 'billTo' ? 'Bill To' : side === 'shipTo' ? 'Ship To' : undefined
  const label = ADDRESS_PARTS[part]
  return title && label ? { label: `${title} ${label}`, kind: 'text' } : undefined
}

/** Reads history entries of one document into words. */
export function historyWords(doc: SalesDocument, names: HistoryNames) {
  const lineNames = new Map<string, string>()
  for (const entry of doc.history)
    for (const change of entry.changes) {
      const m = LINE_PATH.exec(change.field)
      if (!m?.[1]) continue
      const name = !m[2] ? (change.to ?? change.from) : m[2] === 'productName' ? change.to : null
      if (typeof name === 'string' && name) lineNames.set(m[1], name)
    }
  for (const line of doc.lines) lineNames.set(line.id, line.productName)
  const productOf = (lineId: string) => lineNames.get(lineId) ?? 'a product'

  function show(kind: Kind, value: HistoryValue): string {
    if (value === null || value === '') return '—'
    const text = String(value)
    switch (kind) {
      case 'money':
        return names.money(text)
      case 'quantity':
        return names.quantity(text)
      case 'date':
        return names.date(text)
      case 'customer':
        return names.customer(text) ?? 'another customer'
      case 'priceList':
        return names.priceList(text) ?? 'another price list'
      case 'unit':
        return names.unit(text) ?? 'another unit'
      case 'terms':
        return PAYMENT_TERMS[text as keyof typeof PAYMENT_TERMS] ?? text
      case 'text':
        return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : text
    }
  }

  /** The value a field had right after entry `index`: the `from` of its next change, else today's. */
  function valueAfter(index: number, path: string, current: HistoryValue): HistoryValue {
    for (const later of doc.history.slice(index + 1)) {
      const change = later.changes.find((c) => c.field === path)
      if (change) return change.from
    }
    return current
  }

  function change(c: FieldChange): string | undefined {
    const m = LINE_PATH.exec(c.field)
    if (m?.[1] && m[2]) {
      const field = LINE_FIELDS[m[2]]
      if (!field) return undefined
      return `${productOf(m[1])}: ${field.label} ${show(field.kind, c.from)} → ${show(field.kind, c.to)}`
    }
    if (m) return undefined
    if (c.field === 'state' || c.field === 'status') return statusChange(c)
    const field = headerField(c.field)
    if (!field) return undefined
    return `${field.label} ${show(field.kind, c.from)} → ${show(field.kind, c.to)}`
  }

  function statusChange(c: FieldChange): string {
    const label = (v: HistoryValue) => {
      const code = String(v)
      if (c.field === 'state')
        return (
          (doc.kind === 'invoice'
            ? INVOICE_STATE_LABELS[code as keyof typeof INVOICE_STATE_LABELS]
            : ORDER_STATE_LABELS[code as keyof typeof ORDER_STATE_LABELS]) ?? code
        )
      const table: Record<string, { label: string }> =
        doc.kind === 'invoice' ? INVOICE_STATUSES : ORDER_STATUSES
      return table[code]?.label ?? code
    }
    const name = c.field === 'state' ? 'Status' : 'Status Reason'
    return `${name} ${c.from === null ? '—' : label(c.from)} → ${c.to === null ? '—' : label(c.to)}`
  }

  /** Lines added, removed or brought back by an entry, as "Heavy-duty Hinge, 3 × 171.34". */
  function wholeLines(entry: HistoryEntry, index: number, added: boolean): string[] {
    const out: string[] = []
    for (const c of entry.changes) {
      const m = LINE_PATH.exec(c.field)
      if (!m?.[1] || m[2] || (added ? c.to === null : c.from === null)) continue
      const id = m[1]
      const line = doc.lines.find((l) => l.id === id)
      const quantity = valueAfter(index, `lines[${id}].quantity`, line?.quantity ?? null)
      const price = valueAfter(index, `lines[${id}].pricePerUnit`, line?.pricePerUnit ?? null)
      const amounts =
        added && quantity !== null && price !== null
          ? `, ${show('quantity', quantity)} × ${show('money', price)}`
          : ''
      out.push(`${productOf(id)}${amounts}`)
    }
    return out
  }

  /** The ledger entry a payment, refund or void command wrote, and the figure its history entry recorded. */
  function ledgerEntry(entry: HistoryEntry): { record?: LedgerEntry; value?: HistoryValue } {
    const c = entry.changes.find((x) => /^payments\[[^\]]+\]\.(amount|voided)$/.test(x.field))
    const id = c ? /^payments\[([^\]]+)\]/.exec(c.field)?.[1] : undefined
    return { record: id ? names.payment(id) : undefined, value: c?.to }
  }

  function moneyText(value: HistoryValue | undefined): string {
    return value === undefined || value === null ? '' : show('money', value)
  }

  /** "Payment 300.00 by bank transfer, ref. CHK-1001", and likewise a refund. */
  function payment(entry: HistoryEntry, noun: 'Payment' | 'Refund'): string {
    const { record, value } = ledgerEntry(entry)
    const amount = value ?? (record && record.kind !== 'void' ? record.amount : undefined)
    let text = `${noun} ${moneyText(amount)}`.trim()
    if (record && record.kind !== 'void') {
      text += ` by ${METHODS[record.method]}`
      if (record.reference) text += `, ref. ${record.reference}`
    }
    return text
  }

  /** "Voided the payment of 300.00: typed twice". */
  function voided(entry: HistoryEntry): string {
    const { record, value } = ledgerEntry(entry)
    const target = record?.kind === 'void' ? names.payment(record.voidsPaymentId) : undefined
    const amount = target && target.kind !== 'void' ? ` of ${moneyText(target.amount)}` : ''
    const reason = typeof value === 'string' && value !== '' ? `: ${value}` : ''
    return `Voided the payment${amount}${reason}`
  }

  function headline(entry: HistoryEntry, index: number): string {
    const noun = doc.kind === 'invoice' ? 'invoice' : 'order'
    const list = (items: string[]) => items.join('; ')
    switch (entry.command) {
      case 'createInvoice':
      case 'createOrder':
        return `Created the ${noun} for ${names.customer(doc.customerId) ?? 'the customer'}`
      case 'createInvoiceFromOrder':
        return 'Created from the order'
      case DUPLICATE_COMMAND: {
        const from = entry.changes.find((c) => c.field === DUPLICATED_FROM_FIELD)?.to
        return typeof from === 'string' ? `Created as a copy of ${from}` : 'Created as a copy'
      }
      case 'addLine':
      case 'addWriteIn':
        return `Added ${list(wholeLines(entry, index, true))}`
      case 'restoreLine':
        return `Brought back ${list(wholeLines(entry, index, true))}`
      case 'removeLine':
        return `Removed ${list(wholeLines(entry, index, false))}`
      case 'getProducts':
        return `Get Products: added ${list(wholeLines(entry, index, true))}`
      case 'editLine':
        return 'Changed a product line'
      case 'changePrice':
        return 'Changed a price'
      case 'editHeader':
        return 'Changed the header'
      case 'lockPricing':
        return 'Locked prices'
      case 'useCurrentPricing':
        return 'Use Current Pricing: prices follow the price list again'
      case 'recordPayment':
        return payment(entry, 'Payment')
      case 'recordRefund':
        return payment(entry, 'Refund')
      case 'voidPayment':
        return voided(entry)
      case 'invoicePaid':
        return 'Invoice Paid'
      case 'cancelInvoice':
        return 'Canceled the invoice'
      case 'cancelOrder':
        return 'Canceled the order'
      case 'reactivate':
        return 'Reactivated'
      case 'submitOrder':
        return 'Submitted the order'
      case 'fulfillOrder':
        return 'Fulfilled the order'
      case 'markInvoiced':
        return 'Invoiced'
      case 'setStatusReason':
        return 'Changed the Status Reason'
      case 'recordEmailStatus': {
        const email = entry.changes.find((c) => c.field === 'email')
        return typeof email?.to === 'string' ? email.to : 'Email status'
      }
      case 'conflict':
        return 'Merged with a change from another device; kept here for reference'
      default: {
        const words = entry.command.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
        return words.charAt(0).toUpperCase() + words.slice(1)
      }
    }
  }

  /** Details an entry shows besides its headline (the headline already says what lines came or went). */
  function details(entry: HistoryEntry): string[] {
    // A new document's every field appears from nothing: the headline says it all.
    if (entry.command.startsWith('create') || entry.command === DUPLICATE_COMMAND) return []
    const out: string[] = []
    for (const c of entry.changes) {
      if (entry.command === 'recordEmailStatus' && c.field === 'email') continue
      const text = change(c)
      if (text && !out.includes(text)) out.push(text)
    }
    return out
  }

  return (entry: HistoryEntry, index: number): HistoryLine => ({
    text: headline(entry, index),
    details: details(entry),
  })
}
