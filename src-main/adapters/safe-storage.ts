/**
 * safeStorage as the secret store's cipher. On Linux without a keyring Electron falls back to `basic_text`,
 * which is obfuscation with a fixed key, not encryption: we treat that as "no encryption available" and refuse
 * to store the password, rather than pretend it is safe.
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
