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

  it('refuses to store the mail password when the OS offers no encryption, and says it is about mail', async () => {
    const files = createFileService({ roots: [data] })
    const store = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(false) })
    await expect(store.set('smtp-password', 'x')).rejects.toThrow(
      /no keychain to keep the mail password safe.*Open in mail app/,
    )
    expect(await store.has('smtp-password')).toBe(false)
  })

  it('keeps the sync session in memory for this run when the OS offers no encryption', async () => {
    const files = createFileService({ roots: [data] })
    const store = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(false) })
    expect(await store.set('sync-token', 'session-token-1')).toBe('memory')
    expect(await store.has('sync-token')).toBe(true)
    expect(await store.get('sync-token')).toBe('session-token-1')
    // Nothing reached the disk, and the next start of the app has no session.
    await expect(readFile(join(data, 'secrets.json'), 'utf8')).rejects.toThrow()
    const nextRun = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(false) })
    expect(await nextRun.get('sync-token')).toBeNull()
    await store.delete('sync-token')
    expect(await store.get('sync-token')).toBeNull()
  })

  it('forgets a sealed session kept earlier once one is kept in memory instead', async () => {
    const files = createFileService({ roots: [data] })
    const sealed = createSecretStore({ dataFolder: data, files, cipher: fakeCipher() })
    expect(await sealed.set('sync-token', 'old-token')).toBe('keychain')
    const noKeychain = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(false) })
    expect(await noKeychain.set('sync-token', 'new-token')).toBe('memory')
    expect(await noKeychain.get('sync-token')).toBe('new-token')
    expect(await readFile(join(data, 'secrets.json'), 'utf8')).not.toContain('sync-token')
  })
})
