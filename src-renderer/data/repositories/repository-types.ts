/**
 * The types the repositories share with one another: each repository module implements its interface and
 * imports the others' from here, so the modules that call each other (catalog saves reprice orders and
 * invoices, which read the catalog) do not import each other in a circle.
 */
import type { Observable } from 'rxjs'
import type {
  Id,
  Invoice,
  InvoiceCommand,
  IsoDate,
  LedgerEntry,
  Order,
  OrderCommand,
  Refusal,
} from '@core/documents'
import type { InvoicePageRequest, OrderPageRequest } from './document-lists'
import type { WriteResult } from './env'
import type { Page } from './paging'

/** An invoice as a list shows it: with the balance due stored beside it (derived from its payments ledger). */
export type ListedInvoice = Invoice & { balanceDue: string }

export interface NewInvoice {
  customerId: Id
  name: string
  priceListId?: Id
  currencyCode?: string
  dueDate?: IsoDate
}

export interface InvoiceRepository {
  get(id: Id): Promise<Invoice | undefined>
  /** The stored balance due (derived from the payments, kept with the invoice). */
  balanceDue(id: Id): Promise<string | undefined>
  page(req: InvoicePageRequest): Promise<Page<ListedInvoice>>
  watchPage(req: InvoicePageRequest): Observable<Page<ListedInvoice>>
  /** The invoice's payments ledger (payments, voids, refunds), oldest first. */
  payments(invoiceId: Id): Promise<LedgerEntry[]>
  /** The invoices created from an order, oldest first (read through the customer's index: an order's customer
   * has a few hundred invoices at most, an unindexed scan would read every invoice). */
  ofOrder(order: { id: Id; customerId: Id }): Promise<Invoice[]>
  create(input: NewInvoice): Promise<WriteResult<Invoice>>
  /** invoiceDate: the rep's own today (the screens pass it); without it src-core dates the invoice by the UTC day. */
  createFromOrder(
    orderId: Id,
    options?: { dueDate?: IsoDate; invoiceDate?: IsoDate },
  ): Promise<WriteResult<Invoice>>
  /** Applies a command; a ledger command (payment, void, refund) also saves its entry, atomically with the invoice. */
  /** Duplicate: a new invoice from another one's content, numbered now; invoiceDate is the rep's today. */
  duplicate(sourceId: Id, options: { invoiceDate: IsoDate }): Promise<WriteResult<Invoice>>
  apply(id: Id, cmd: InvoiceCommand): Promise<WriteResult<Invoice>>
  /** Finishes or rolls back payments whose save was interrupted (run once after opening). */
  recoverPendingWrites(): Promise<number>
}

export interface NewOrder {
  customerId: Id
  name: string
  priceListId?: Id
  currencyCode?: string
}

export interface OrderRepository {
  get(id: Id): Promise<Order | undefined>
  page(req: OrderPageRequest): Promise<Page<Order>>
  watchPage(req: OrderPageRequest): Observable<Page<Order>>
  create(input: NewOrder): Promise<WriteResult<Order>>
  apply(id: Id, cmd: OrderCommand): Promise<WriteResult<Order>>
}

export interface RepriceResult {
  /** Documents whose prices or totals changed. */
  repriced: Id[]
  /** Unlocked documents with the product whose prices did not change. */
  unchanged: number
  /** Documents the rules would not reprice; they keep their old prices. */
  refused: Array<{ id: Id; number: string; refusal: Refusal }>
}

export interface PriceChange {
  productIds: readonly Id[]
  /** Only documents on this price list; all price lists when omitted (a product's list price changed). */
  priceListId?: Id
}
