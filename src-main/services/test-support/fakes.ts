import type { SecretCipher } from '../secrets'

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
export function fakeCipher(available = true): SecretCipher {
  const flip = (bytes: Uint8Array) => Buffer.from(bytes.map((b) => b ^ 0x5a))
  return {
    isEncryptionAvailable: () => Promise.resolve(available),
    encryptString: (plain) => Promise.resolve(flip(Buffer.from(`sealed:${plain}`))),
    decryptString: (sealed) =>
      Promise.resolve({ result: flip(sealed).toString().slice(7), shouldReEncrypt: false }),
  }
}
