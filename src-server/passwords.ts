/**
 * Password hashing with scrypt (memory-hard, in node:crypto, no native dependency): N = 2^15, r = 8, p = 1 takes
 * 32 MiB and tens of milliseconds per guess, which is what makes a stolen users table expensive to attack.
 * Stored as `scrypt$N$r$p$salt$hash` (base64url), so the parameters can be raised later without a migration.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
// scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly that, so leave headroom.
const MAX_MEM = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: MAX_MEM },
      (e, key) => (e ? reject(e) : resolve(key)),
    )
  })
}

/**
 * Hashes a password for storage.
 *
 * @example
 * await hashPassword('correct horse') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  const { N, r, p } = PARAMS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether `password` matches a stored hash; compares in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined

/** A hash of a random password: verified against when the user does not exist, so timing does not tell. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}
