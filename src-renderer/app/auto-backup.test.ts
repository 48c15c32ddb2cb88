import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupEntry, BackupReason, BackupStatus } from '@core/ipc/desktop-services'
import type { Repositories } from '@renderer/data'
import { decodeBackup } from '@core/io/backup'
import { createBackup } from '@renderer/data/io'
import { closeDatabase, seededRepositories } from '@renderer/data/test-support/test-db'
import { autoBackup } from './auto-backup'

let repos: Repositories | undefined
afterEach(async () => {
  if (repos) await closeDatabase(repos.db)
  repos = undefined
})

/** A platform that keeps written backups in memory and answers `backup:status` from them, as main does. */
function fakePlatform(due: BackupStatus['due']) {
  const written: { reason: BackupReason; text: string }[] = []
  let statusCalls = 0
  return {
    written,
    statusCalls: () => statusCalls,
    platform: {
      backupStatus: () => {
        statusCalls += 1
        return Promise.resolve(
          written.length > 0
            ? { due: null, lastBackupAt: 'x', folder: '/b' }
            : { due, lastBackupAt: null, folder: '/b' },
        )
      },
      writeBackup: (reason: BackupReason, data: Uint8Array): Promise<BackupEntry> => {
        written.push({ reason, text: new TextDecoder().decode(data) })
        return Promise.resolve({
          name: `b-${reason}`,
          reason,
          createdAt: 'now',
          size: data.byteLength,
        })
      },
    },
  }
}

describe('the answer to backup:due', () => {
  it('writes the whole local store, in the Back up now format, as the backup main says is due', async () => {
    repos = await seededRepositories()
    const db = repos.db
    const fake = fakePlatform('daily')
    const run = autoBackup({
      platform: fake.platform,
      backupText: () => createBackup(db, { appVersion: '1.2.3' }),
    })
    const entry = await run()
    expect(entry).toMatchObject({ name: 'b-daily', reason: 'daily' })
    expect(fake.written).toHaveLength(1)
    const text = fake.written[0]?.text ?? ''
    // The head main checks before it keeps a file (src-main/services/backups.ts).
    expect(text).toMatch(/^\s*\{\s*"format"\s*:\s*"fieldbill-backup"/)
    // And it decodes whole (checksum included) with every customer of the store.
    const decoded = await decodeBackup(text)
    expect(decoded.ok).toBe(true)
    const customers = await db.customers.count().exec()
    expect(customers).toBeGreaterThan(0)
    expect(decoded.ok && decoded.backup.counts.customers).toBe(customers)
  })

  it('writes a pre-update backup when main asks for one, and nothing when none is due', async () => {
    const update = fakePlatform('pre-update')
    await autoBackup({ platform: update.platform, backupText: () => Promise.resolve('{}') })()
    expect(update.written.map((w) => w.reason)).toEqual(['pre-update'])

    const none = fakePlatform(null)
    let read = 0
    const run = autoBackup({
      platform: none.platform,
      backupText: () => Promise.resolve(String((read += 1))),
    })
    expect(await run()).toBeNull()
    expect(read).toBe(0)
    expect(none.written).toHaveLength(0)
  })

  it('joins a run under way instead of writing twice for repeated events', async () => {
    const fake = fakePlatform('daily')
    const run = autoBackup({ platform: fake.platform, backupText: () => Promise.resolve('{}') })
    const [a, b] = await Promise.all([run(), run()])
    expect(a).toBe(b)
    expect(fake.written).toHaveLength(1)
    // A later event asks again and finds nothing due.
    expect(await run()).toBeNull()
    expect(fake.statusCalls()).toBe(2)
  })

  it('does nothing where the platform keeps no backups (a browser)', async () => {
    const run = autoBackup({
      platform: {
        backupStatus: () => Promise.resolve(null),
        writeBackup: () => Promise.reject(new Error('must not be called')),
      },
      backupText: () => Promise.reject(new Error('must not be read')),
    })
    expect(await run()).toBeNull()
  })
})
