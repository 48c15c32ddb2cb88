/**
 * What every repository needs besides the database: who is acting, a clock, an id source and a random source.
 * Injected so tests and the sample generator are deterministic; the app uses `defaultEnv()`.
 */
import type { Actor, Id, IsoDateTime, Refusal } from '@core/documents'
import type { RandomSource } from '@core/numbering'

export interface RepositoryEnv {
  actor: Actor
  now: () => IsoDateTime
  newId: () => Id
  random: RandomSource
}

/**
 * The local rep, the wall clock, random UUIDs and the platform's strong random source. The user id is a
 * placeholder until the device signs in to the sync server (device-user.ts replaces `actor` then).
 */
export function defaultEnv(actor: Actor = { userId: 'local-rep', role: 'rep' }): RepositoryEnv {
  return {
    actor,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    random: (n) => crypto.getRandomValues(new Uint8Array(n)),
  }
}

/** What a write answers: the saved record, or why the rules refused it (nothing was saved). */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; refusal: Refusal }

/** Thrown inside an atomic update to abandon it; the repository turns it back into a refusal. */
export class RefusedWrite extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason)
    this.name = 'RefusedWrite'
  }
}

/** A refusal for a record that is not there (deleted, or never synced to this device). */
export function notFound(what: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code: 'invalidValue', reason: `This ${what} no longer exists.` } }
}

/** A refusal from a runtime schema check: the record is malformed, so it is not saved. */
export function invalid(what: string, error: string): { ok: false; refusal: Refusal } {
  return {
    ok: false,
    refusal: { code: 'invalidValue', reason: `This ${what} cannot be saved: ${error}.` },
  }
}

/** Runs an atomic update; a RefusedWrite thrown inside becomes a refusal, anything else propagates. */
export async function refusable<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
  try {
    return { ok: true, value: await write() }
  } catch (e) {
    if (e instanceof RefusedWrite) return { ok: false, refusal: e.refusal }
    throw e
  }
}
