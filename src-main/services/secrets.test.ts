import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileService } from './files'
import { createSecretStore } from './secrets'
import { fakeCipher } from './test-support/fakes'

let data: string
beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'fieldbill-secrets-'))
})
afterEach(() => rm(data, { recursive: true, force: true }))

describe('secret store', () => {
  it('keeps the password encrypted on disk and gives it back to main', async () => {
    const files = createFileService({ roots: [data] })
    const store = createSecretStore({ dataFolder: data, files, cipher: fakeCipher() })
    expect(await store.has('smtp-password')).toBe(false)
    expect(await store.get('smtp-password')).toBeNull()
    await store.set('smtp-password', 'hunter2-secret')
    expect(await store.has('smtp-password')).toBe(true)
    expect(await store.get('smtp-password')).toBe('hunter2-secret')
    const onDisk = await readFile(join(data, 'secrets.json'), 'utf8')
    expect(onDisk).not.toContain('hunter2')
    // A second instance (the next start of the app) reads the same file.
    const again = createSecretStore({ dataFolder: data, files, cipher: fakeCipher() })
    expect(await again.get('smtp-password')).toBe('hunter2-secret')
    await again.delete('smtp-password')
    expect(await store.has('smtp-password')).toBe(false)
  })

  it('refuses to store a secret when the OS offers no encryption', async () => {
    const files = createFileService({ roots: [data] })
    const store = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(false) })
    await expect(store.set('smtp-password', 'x')).rejects.toThrow(/no keychain/)
    expect(await store.has('smtp-password')).toBe(false)
  })
})
