/**
 * Secrets (the SMTP password, the sync session), encrypted with the OS keychain through Electron's safeStorage and
 * kept in one file in the data folder. This module sees only the `SecretCipher` interface; the adapter in
 * `src-main/adapters/safe-storage.ts` is the only place that touches safeStorage. The SMTP password never leaves
 * main: the renderer can set it and ask whether one is stored, nothing else.
 *
 * With no keychain (a Linux desktop without a keyring), nothing is written to disk in the clear. The sync session
 * is then kept in main's memory for this run, as the browser build keeps it in the page's: the rep connects again
 * after a restart. The SMTP password is refused instead, because mail is sent in the background, after restarts,
 * and "Open in mail app" needs no password.
 */
import { join } from 'node:path'
import { literal, object, optional, string, type Schema } from '@core/schema'
import type { FileService } from './files'
import { jsonFile } from './json-file'
import { UserFacingError } from './errors'

/** What safeStorage offers (its async API, the sync one is deprecated), and all this module needs of it. */
export interface SecretCipher {
  isEncryptionAvailable(): Promise<boolean>
  encryptString(plain: string): Promise<Buffer>
  /** `shouldReEncrypt`: the OS rotated the key; the secret is sealed again with the new one. */
  decryptString(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
}

export const secretNames = ['smtp-password', 'sync-token'] as const
export type SecretName = (typeof secretNames)[number]

interface SecretsDoc {
  version: 1
  secrets: Partial<Record<SecretName, string>>
}

const sealed = optional(
  string({ max: 8192, pattern: /^[A-Za-z0-9+/]*={0,2}$/, patternName: 'base64' }),
)
const docSchema: Schema<SecretsDoc> = object({
  version: literal(1),
  secrets: object({ 'smtp-password': sealed, 'sync-token': sealed }),
})

/** Where `set` kept a secret: sealed on disk, or in memory until the app quits (no keychain). */
export type SecretKept = 'keychain' | 'memory'

/** Secrets that, with no keychain, are kept in memory for the run rather than refused. */
const MEMORY_FALLBACK: ReadonlySet<SecretName> = new Set(['sync-token'])

export interface SecretStore {
  set(name: SecretName, value: string): Promise<SecretKept>
  /** The plain secret, for main's own use only (the SMTP transport); null when none is stored. */
  get(name: SecretName): Promise<string | null>
  has(name: SecretName): Promise<boolean>
  delete(name: SecretName): Promise<void>
}

export function createSecretStore(options: {
  dataFolder: string
  files: FileService
  cipher: SecretCipher
}): SecretStore {
  const file = jsonFile<SecretsDoc>(
    options.files,
    join(options.dataFolder, 'secrets.json'),
    docSchema,
    () => ({
      version: 1,
      secrets: {},
    }),
  )
  const { cipher } = options
  const inMemory = new Map<SecretName, string>()

  async function set(name: SecretName, value: string): Promise<SecretKept> {
    if (!(await cipher.isEncryptionAvailable())) {
      if (!MEMORY_FALLBACK.has(name))
        throw new UserFacingError(
          'This computer offers no keychain to keep the mail password safe, so it was not stored. ' +
            'Use "Open in mail app" to send from your mail program instead.',
        )
      // An older sealed value must not come back in place of this one at the next start.
      await removeFromFile(name)
      inMemory.set(name, value)
      return 'memory'
    }
    const value64 = (await cipher.encryptString(value)).toString('base64')
    await file.update((doc) => ({ ...doc, secrets: { ...doc.secrets, [name]: value64 } }))
    inMemory.delete(name)
    return 'keychain'
  }

  async function removeFromFile(name: SecretName): Promise<void> {
    if ((await file.read()).secrets[name] === undefined) return
    await file.update((doc) => {
      const secrets = { ...doc.secrets }
      delete secrets[name]
      return { ...doc, secrets }
    })
  }

  return {
    set,
    async get(name) {
      const kept = inMemory.get(name)
      if (kept !== undefined) return kept
      const value64 = (await file.read()).secrets[name]
      if (value64 === undefined) return null
      const { result, shouldReEncrypt } = await cipher.decryptString(Buffer.from(value64, 'base64'))
      if (shouldReEncrypt) await set(name, result)
      return result
    },
    async has(name) {
      return inMemory.has(name) || (await file.read()).secrets[name] !== undefined
    },
    async delete(name) {
      inMemory.delete(name)
      await removeFromFile(name)
    },
  }
}
