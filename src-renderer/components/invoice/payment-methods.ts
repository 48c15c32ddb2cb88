import type { PaymentMethod } from '@core/documents'

/** How money moves, as the payment and refund dialogs offer it. */
export const PAYMENT_METHOD_OPTIONS: { label: string; value: PaymentMethod }[] = [
  { label: 'Bank Transfer', value: 'bankTransfer' },
  { label: 'Card', value: 'card' },
  { label: 'Cash', value: 'cash' },
  { label: 'Check', value: 'check' },
  { label: 'Other', value: 'other' },
]
