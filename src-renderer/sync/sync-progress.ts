/**
 * What a sync under way moves, for the status bar: records sent out of those that were pending when the upload
 * began, and records received out of what the server said it had left, each with an estimate of the time left.
 */
import type { CollectionName } from '@renderer/data'

/** One direction of a sync under way. */
export interface Transfer {
  done: number
  total: number
  /** What is received, in the rep's words ("invoices", "records" for several kinds at once); empty when sending. */
  what: string
  /** 0–100, for a progress bar. */
  percent: number
  /** Seconds left at the pace so far; null until something has moved. */
  secondsLeft: number | null
}

/** Collection names as the rep says them. */
export const RECORD_WORDS: Record<CollectionName, string> = {
  settings: 'company settings',
  customers: 'customers',
  products: 'products',
  catalogrefs: 'catalog records',
  pricelistitems: 'price list items',
  opportunities: 'opportunities',
  payments: 'payments',
  orders: 'orders',
  invoices: 'invoices',
}

interface Run {
  done: number
  total: number
  startedAt: number
}

function transfer(done: number, total: number, what: string, startedAt: number, now: number) {
  const elapsed = (now - startedAt) / 1000
  const secondsLeft = done > 0 && elapsed > 0 ? Math.ceil(((total - done) * elapsed) / done) : null
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100)
  return { done, total, what, percent, secondsLeft }
}

/** Keeps the runs of a sync: an upload from the moment records are pending online, a download per collection. */
export class SyncProgress {
  private upload: Run | undefined
  private readonly downloads = new Map<CollectionName, Run>()

  /**
   * The upload as it stands: pending records count as sent once the server has answered for them.
   *
   * @param pending - records waiting for the server's answer now
   * @param online - whether a session is sending (offline or disconnected nothing moves)
   */
  sent(pending: number, online: boolean, now: number): Transfer | null {
    if (!online || pending === 0) {
      this.upload = undefined
      return null
    }
    // Records typed during the upload join it.
    const run = (this.upload ??= { done: 0, total: pending, startedAt: now })
    run.total = Math.max(run.total, run.done + pending)
    run.done = run.total - pending
    return transfer(run.done, run.total, '', run.startedAt, now)
  }

  /** A pulled page: `remaining` is what the server has left after it. */
  pulled(collection: CollectionName, page: { received: number; remaining: number }, now: number) {
    if (page.remaining === 0) {
      this.downloads.delete(collection)
      return
    }
    const run = this.downloads.get(collection) ?? { done: 0, total: 0, startedAt: now }
    run.done += page.received
    run.total = run.done + page.remaining
    this.downloads.set(collection, run)
  }

  /** The download as it stands, all collections together; null when nothing is left to receive. */
  received(online: boolean, now: number): Transfer | null {
    if (!online) this.downloads.clear()
    const runs = [...this.downloads.entries()]
    const first = runs[0]
    if (!first) return null
    const what = runs.length === 1 ? RECORD_WORDS[first[0]] : 'records'
    const done = runs.reduce((n, [, r]) => n + r.done, 0)
    const total = runs.reduce((n, [, r]) => n + r.total, 0)
    const startedAt = Math.min(...runs.map(([, r]) => r.startedAt))
    return transfer(done, total, what, startedAt, now)
  }
}
