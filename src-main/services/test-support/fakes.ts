import type { SecretCipher } from '../secrets'

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
export function fakeCipher(available = true): SecretCipher {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(`sealed:${plain}`).map((b) => b ^ 0x5a)),
    decryptString: (sealed) =>
      Buffer.from(sealed.map((b) => b ^ 0x5a))
        .toString()
        .slice(7),
  }
}
