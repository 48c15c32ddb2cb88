/**
 * Growing waits between failed requests: RxDB retries a failed pull or push after a fixed `retryTime`, which
 * would hammer a server that is restarting or overloaded (every device at once, every few seconds). Each
 * failure in a row doubles the extra wait, up to a ceiling, with jitter so devices do not retry in step; a
 * success starts again from nothing. Pausing or stopping the sync cuts a wait short.
 */
export interface Backoff {
  /**
   * Waits before the caller rethrows (and RxDB retries): longer after each failure in a row, and at least
   * `atLeastMs` (what the server asked for with `Retry-After`).
   */
  failed(atLeastMs?: number): Promise<void>
  succeeded(): void
  /** Ends the current waits now (the sync pauses or stops). */
  interrupt(): void
}

/**
 * @param baseMs - the first extra wait
 * @param maxMs - the ceiling of the extra wait
 * @example
 * const wait = backoff(1000, 60_000)
 * try { await request() ; wait.succeeded() } catch (e) { await wait.failed(); throw e }
 */
export function backoff(baseMs: number, maxMs: number, random = Math.random): Backoff {
  let failures = 0
  const wakers = new Set<() => void>()
  return {
    failed(atLeastMs = 0) {
      const ms = Math.max(atLeastMs, Math.min(maxMs, baseMs * 2 ** failures) * (0.5 + random() / 2))
      failures = Math.min(failures + 1, 30)
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          wakers.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, ms)
        wakers.add(wake)
      })
    },
    succeeded() {
      failures = 0
    },
    interrupt() {
      for (const wake of [...wakers]) wake()
    },
  }
}
