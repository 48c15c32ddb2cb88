/**
 * Automatic backups, in a folder outside the Chromium profile (so clearing or losing the profile does not take
 * the backups with it). The renderer owns the database and the file format (`src-core/io/backup.ts`); main only
 * keeps the files: writes them atomically under names that sort by time, keeps the last N of each kind, lists
 * them, and hands one back for a restore.
 *
 * File names: `fieldbill-2025-03-01T09-30-00-000Z-daily.json` (the instant in UTC with `:` and `.` replaced,
 * since Windows forbids `:` in file names).
 */
import { join } from 'node:path'
import { UserFacingError } from './errors'
import {
  backupReasons,
  type BackupEntry,
  type BackupReason,
  type BackupStatus,
} from '@core/ipc/desktop-services'
import type { FileService } from './files'

/** How many files of each kind are kept; older ones are deleted after each write of that kind. */
export const DEFAULT_KEEP: Record<BackupReason, number> = {
  daily: 7,
  'pre-migration': 5,
  'pre-update': 5,
  manual: 10,
}

const DAY_MS = 24 * 60 * 60 * 1000
const NAME = /^fieldbill-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.json$/
// The head of both backup kinds the renderer writes, whose first key is "format".
const FORMAT_HEAD = /^\s*\{\s*"format"\s*:\s*"fieldbill-(migration-)?backup"/

export function backupName(at: Date, reason: BackupReason): string {
  return `fieldbill-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.json`
}

/** The entry a file name stands for, or null when the name is not one of ours. */
export function parseBackupName(name: string, size: number): BackupEntry | null {
  const m = NAME.exec(name)
  if (!m) return null
  const reason = m[6] as BackupReason
  if (!backupReasons.includes(reason)) return null
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`
  return Number.isNaN(Date.parse(createdAt)) ? null : { name, reason, createdAt, size }
}

export interface BackupService {
  write(reason: BackupReason, data: Uint8Array): Promise<BackupEntry>
  /** Newest first. */
  list(): Promise<BackupEntry[]>
  read(name: string): Promise<Uint8Array>
  /** Which backup is due: one after an app update, else one a day. */
  status(appVersion: string, lastAppVersion: string | null): Promise<BackupStatus>
}

export function createBackupService(options: {
  folder: string
  files: FileService
  keep?: Partial<Record<BackupReason, number>>
  now?: () => number
}): BackupService {
  const keep = { ...DEFAULT_KEEP, ...options.keep }
  const now = options.now ?? Date.now
  const { files, folder } = options

  async function list(): Promise<BackupEntry[]> {
    return (await files.list(folder))
      .map((f) => parseBackupName(f.name, f.size))
      .filter((e): e is BackupEntry => e !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async function prune(reason: BackupReason): Promise<void> {
    const old = (await list()).filter((e) => e.reason === reason).slice(keep[reason])
    for (const entry of old) await files.remove(join(folder, entry.name))
  }

  return {
    async write(reason, data) {
      const head = Buffer.from(data.subarray(0, 256)).toString('utf8')
      if (!FORMAT_HEAD.test(head))
        throw new UserFacingError('That is not a Fieldbill backup; nothing was written.')
      let at = now()
      // Two backups in the same millisecond would share a name; the later one moves on by a millisecond.
      const taken = new Set((await files.list(folder)).map((f) => f.name))
      while (taken.has(backupName(new Date(at), reason))) at += 1
      const name = backupName(new Date(at), reason)
      await files.writeAtomic(join(folder, name), data)
      await prune(reason)
      return { name, reason, createdAt: new Date(at).toISOString(), size: data.byteLength }
    },

    list,

    async read(name) {
      if (!NAME.test(name)) throw new UserFacingError('There is no such backup.')
      try {
        return new Uint8Array(await files.read(join(folder, name)))
      } catch {
        throw new UserFacingError('That backup is no longer in the backup folder.')
      }
    },

    async status(appVersion, lastAppVersion) {
      const newest = (await list())[0]
      const lastBackupAt = newest?.createdAt ?? null
      const updated = lastAppVersion !== null && lastAppVersion !== appVersion
      const stale = !newest || now() - Date.parse(newest.createdAt) >= DAY_MS
      return { due: updated ? 'pre-update' : stale ? 'daily' : null, lastBackupAt, folder }
    },
  }
}
