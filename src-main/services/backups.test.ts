import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackupScheduler } from './backup-scheduler'
import { backupName, createBackupService, parseBackupName } from './backups'
import { createFileService, type FileService } from './files'
import { createSettingsStore } from './settings'

let base: string
let folder: string
let files: FileService
let clock: number

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'fieldbill-backups-'))
  folder = join(base, 'Fieldbill Backups')
  files = createFileService({ roots: [join(base, 'data'), folder] })
  clock = Date.parse('2025-03-01T09:30:00.000Z')
})
afterEach(() => rm(base, { recursive: true, force: true }))

const backup = (n: number) =>
  new TextEncoder().encode(`{"format":"fieldbill-backup","version":1,"n":${n}}`)

function service(keep = { daily: 3 }) {
  return createBackupService({ folder, files, keep, now: () => clock })
}

describe('backups', () => {
  it('writes time-stamped files and keeps only the last N of a kind', async () => {
    const backups = service()
    for (let day = 0; day < 5; day++) {
      await backups.write('daily', backup(day))
      clock += 24 * 60 * 60 * 1000
    }
    await backups.write('pre-migration', backup(99))
    const list = await backups.list()
    expect(list.map((e) => e.reason)).toEqual(['pre-migration', 'daily', 'daily', 'daily'])
    expect(list[1]?.name).toBe('fieldbill-2025-03-05T09-30-00-000Z-daily.json')
    expect(list[3]?.createdAt).toBe('2025-03-03T09:30:00.000Z')
    expect(new TextDecoder().decode(await backups.read(list[1]?.name ?? ''))).toContain('"n":4')
    // No temporary file is left behind.
    expect((await readdir(folder)).every((n) => n.endsWith('.json'))).toBe(true)
  })

  it('never overwrites a backup made in the same millisecond', async () => {
    const backups = service({ daily: 10 })
    const a = await backups.write('daily', backup(1))
    const b = await backups.write('daily', backup(2))
    expect(a.name).not.toBe(b.name)
    expect(await backups.list()).toHaveLength(2)
  })

  it('refuses bytes that are not a Fieldbill backup, and names that are not ours', async () => {
    const backups = service()
    await expect(backups.write('manual', new TextEncoder().encode('{"x":1}'))).rejects.toThrow(
      /not a Fieldbill backup/,
    )
    await expect(backups.read('../secrets.json')).rejects.toThrow(/no such backup/)
    await expect(backups.read(backupName(new Date(clock), 'daily'))).rejects.toThrow(/no longer/)
    expect(parseBackupName('fieldbill-2025-13-45T99-99-99-999Z-daily.json', 1)).toBeNull()
    expect(parseBackupName('fieldbill-2025-03-01T09-30-00-000Z-weekly.json', 1)).toBeNull()
  })

  it('is due daily, and after an app update before anything else', async () => {
    const backups = service()
    expect((await backups.status('1.0.0', '1.0.0')).due).toBe('daily')
    await backups.write('daily', backup(1))
    expect(await backups.status('1.0.0', '1.0.0')).toMatchObject({
      due: null,
      lastBackupAt: '2025-03-01T09:30:00.000Z',
    })
    expect((await backups.status('1.1.0', '1.0.0')).due).toBe('pre-update')
    clock += 24 * 60 * 60 * 1000
    expect((await backups.status('1.0.0', '1.0.0')).due).toBe('daily')
  })

  it('the scheduler asks the renderer when due and settles an update once its backup is written', async () => {
    const settings = createSettingsStore({ dataFolder: join(base, 'data'), files })
    await settings.update((s) => ({ ...s, lastAppVersion: '1.0.0' }))
    let asked = 0
    const scheduler = createBackupScheduler({
      backups: service(),
      settings,
      appVersion: '1.1.0',
      notify: () => (asked += 1),
    })
    await scheduler.start()
    expect(asked).toBe(1)
    expect((await scheduler.status()).due).toBe('pre-update')
    const entry = await service().write('pre-update', backup(1))
    await scheduler.written(entry)
    expect((await scheduler.status()).due).toBe(null)
    scheduler.stop()
  })
})
