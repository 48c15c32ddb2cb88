/**
 * safeStorage as the secret store's cipher. On Linux without a keyring Electron falls back to `basic_text`,
 * which is obfuscation with a fixed key, not encryption: we treat that as "no encryption available", so nothing is
 * written to disk pretending to be safe (the secret store then keeps the sync session in memory for the run and
 * refuses the mail password; see services/secrets.ts).
 */
import { safeStorage } from 'electron'
import type { SecretCipher } from '../services/secrets'

export function safeStorageCipher(): SecretCipher {
  return {
    async isEncryptionAvailable() {
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
        return false
      return safeStorage.isAsyncEncryptionAvailable()
    },
    encryptString: (plain) => safeStorage.encryptStringAsync(plain),
    decryptString: (sealed) => safeStorage.decryptStringAsync(sealed),
  }
}
