/**
 * The colour of a document's status tag, by its state: done is green, waiting is amber, canceled is grey, and
 * an open document is blue. Canceled is never green: a glance must not read it as settled.
 *
 * @example
 * statusSeverity('canceled') // 'secondary'
 */
export type StatusSeverity = 'success' | 'secondary' | 'warn' | 'info'

export function statusSeverity(state: string): StatusSeverity {
  if (state === 'paid' || state === 'fulfilled' || state === 'invoiced') return 'success'
  if (state === 'canceled') return 'secondary'
  return state === 'submitted' ? 'warn' : 'info'
}
