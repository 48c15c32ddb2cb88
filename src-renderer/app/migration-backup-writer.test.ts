import { describe, expect, it } from 'vitest'
import type { Database, MigrationBackup } from '@renderer/data'
import { migrationBackupToMain } from './migration-backup-writer'

const backup: MigrationBackup = {
  format: 'fieldbill-migration-backup',
  databaseName: 'fieldbill',
  createdAt: '2025-03-01T09:30:00.000Z',
  collections: { invoices: { schemaVersion: 2, documents: [{ id: 'I1' }] } },
}

function fakeDb() {
  const local: Record<string, unknown> = {}
  const db = {
    upsertLocal: (id: string, data: unknown) => {
      local[id] = data
      return Promise.resolve()
    },
  } as unknown as Database
  return { db, local }
}

describe('the desktop pre-migration backup', () => {
  it('keeps the copy in the database and hands the same JSON to main as a pre-migration file', async () => {
    const written: { reason: string; text: string }[] = []
    const { db, local } = fakeDb()
    await migrationBackupToMain({
      writeBackup: (reason, data) => {
        written.push({ reason, text: new TextDecoder().decode(data) })
        return Promise.resolve({ name: 'n', reason, createdAt: 'x', size: data.byteLength })
      },
    })(backup, db)
    expect(written).toEqual([{ reason: 'pre-migration', text: JSON.stringify(backup) }])
    // The head main checks before it keeps a file (src-main/services/backups.ts).
    expect(written[0]?.text).toMatch(/^\s*\{\s*"format"\s*:\s*"fieldbill-(migration-)?backup"/)
    expect(local['migration-backup']).toEqual({ json: JSON.stringify(backup) })
  })

  it('lets the migration go on with the database copy when main cannot write the file', async () => {
    const logged: string[] = []
    const { db, local } = fakeDb()
    await migrationBackupToMain(
      { writeBackup: () => Promise.reject(new Error('disk full')) },
      (m) => logged.push(m),
    )(backup, db)
    expect(local['migration-backup']).toBeDefined()
    expect(logged).toHaveLength(1)
  })
})
