import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PLAIN_HTTP_REFUSED } from '@core/server-url'
import { createFileService } from './files'
import { createSecretStore } from './secrets'
import { createSyncSession } from './sync-session'
import { fakeCipher } from './test-support/fakes'

let data: string
beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'fieldbill-sync-session-'))
})
afterEach(() => rm(data, { recursive: true, force: true }))

const session = { serverUrl: 'https://sync.example.com/base', userName: 'ann', token: 'abc123' }

function syncSession(keychain = true) {
  const files = createFileService({ roots: [data] })
  const secrets = createSecretStore({ dataFolder: data, files, cipher: fakeCipher(keychain) })
  const origins: (string | null)[] = []
  const service = createSyncSession({ secrets, onServerChange: (o) => origins.push(o) })
  return { service, secrets, origins }
}

describe('the sync session in main', () => {
  it('keeps the session, knows its server origin for the page policy, and forgets both', async () => {
    const { service, origins } = syncSession()
    expect(await service.serverOrigin()).toBeNull()
    expect(await service.handlers['sync:save-token'](session)).toEqual({ persists: true })
    expect(await service.serverOrigin()).toBe('https://sync.example.com')
    // The next start of the app reads the origin from the sealed session.
    expect(await syncSession().service.serverOrigin()).toBe('https://sync.example.com')
    expect(await service.handlers['sync:clear-token'](undefined)).toBe(true)
    expect(await service.serverOrigin()).toBeNull()
    expect(await service.handlers['sync:get-token'](undefined)).toBeNull()
    expect(origins).toEqual(['https://sync.example.com', null])
  })

  it('with no keychain keeps the session for this run only, and says so', async () => {
    const { service } = syncSession(false)
    expect(await service.handlers['sync:save-token'](session)).toEqual({ persists: false })
    expect(await service.handlers['sync:get-token'](undefined)).toEqual(session)
    expect(await service.serverOrigin()).toBe('https://sync.example.com')
    expect(await syncSession(false).service.handlers['sync:get-token'](undefined)).toBeNull()
  })

  it('keeps no session for a plain http:// server on another computer', async () => {
    const { service, origins } = syncSession()
    const plain = { ...session, serverUrl: 'http://sync.example.com' }
    await expect(service.handlers['sync:save-token'](plain)).rejects.toThrow(PLAIN_HTTP_REFUSED)
    expect(await service.handlers['sync:get-token'](undefined)).toBeNull()
    expect(origins).toEqual([])
    const local = { ...session, serverUrl: 'http://127.0.0.1:8787' }
    expect(await service.handlers['sync:save-token'](local)).toEqual({ persists: true })
    expect(await service.serverOrigin()).toBe('http://127.0.0.1:8787')
  })

  it('treats a kept session for a plain http:// server elsewhere as signed out', async () => {
    const { secrets } = syncSession()
    await secrets.set('sync-token', JSON.stringify({ ...session, serverUrl: 'http://10.0.0.5' }))
    const { service } = syncSession()
    expect(await service.handlers['sync:get-token'](undefined)).toBeNull()
    expect(await service.serverOrigin()).toBeNull()
  })
})
