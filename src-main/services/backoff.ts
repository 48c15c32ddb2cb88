/** Exponential backoff with bounded jitter, for the outbox's retries. */

export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number
  /** No delay is longer than this. */
  maxMs: number
  /** 0..1: each delay is drawn from [d × (1 − jitter), d], so many laptops coming online do not retry in step. */
  jitter: number
  /** After this many attempts the message fails with the last reason. */
  maxAttempts: number
}

/** 30 s, 1 min, 2 min ... capped at 1 h; twelve attempts span about six hours of being offline. */
export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 30_000,
  maxMs: 3_600_000,
  jitter: 0.2,
  maxAttempts: 12,
}

/**
 * The wait before the next attempt, after `attempt` failed attempts (1 = the first failed).
 *
 * @param random a value in [0, 1); injected so tests can pin the jitter
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30)
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent)
  return Math.round(ceiling * (1 - policy.jitter * random()))
}
