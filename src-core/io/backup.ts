/**
 * The backup file: every record of the database in one versioned JSON document with a SHA-256 checksum.
 *
 * ```
 * { "format": "fieldbill-backup", "version": 1, "createdAt": ISO, "app": { "version": "0.1.0" },
 *   "counts": { "<collection>": n, … }, "checksum": { "algorithm": "SHA-256", "value": "<64 hex>" },
 *   "data": { "<collection>": [record, …], … } }
 * ```
 *
 * `data` holds src-core records (no storage fields such as sort keys or RxDB's `_rev`), one list per collection
 * of `BACKUP_COLLECTIONS`, so a backup outlives changes to how the database stores them. The checksum covers
 * `canonicalJson(data)`: keys sorted at every level, no spaces, so re-indenting a file does not break it but
 * changing one character of a record does.
 *
 * `decodeBackup` checks the whole file before the caller touches the database, and refuses, with a sentence a rep
 * can act on, a file that is empty, cut short, not JSON, not ours, from a newer Fieldbill, damaged (checksum or
 * counts), holding any record its src-core schema refuses, or holding a document whose stored amounts its lines do
 * not give (backup-totals.ts: the checksum has no key, so it proves no more than that the file is whole).
 */
import {
  BACKUP_COLLECTIONS,
  BACKUP_COLLECTIONS_SCHEMAS,
  type BackupData,
} from './backup-collections'
import { checkBackupTotals } from './backup-totals'
import { canonicalJson, endsEarly, sha256Hex } from './canonical-json'

export { BACKUP_COLLECTIONS, type BackupData, type BackupCollection } from './backup-collections'

export const BACKUP_FORMAT = 'fieldbill-backup'
/** The newest file version this code writes and reads. */
export const BACKUP_VERSION = 1

export interface Backup {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  app: { version: string }
  counts: Record<string, number>
  checksum: { algorithm: 'SHA-256'; value: string }
  data: BackupData
}

export type DecodeResult = { ok: true; backup: Backup } | { ok: false; reason: string }

/**
 * The backup file's text for `data`.
 *
 * @param data - every record, by collection
 * @param meta - when it was made and by which app version
 * @example
 * const text = await encodeBackup(data, { createdAt: new Date().toISOString(), appVersion: '0.1.0' })
 */
export async function encodeBackup(
  data: BackupData,
  meta: { createdAt: string; appVersion: string },
): Promise<string> {
  const body = canonicalJson(data)
  const counts = Object.fromEntries(BACKUP_COLLECTIONS.map((c) => [c, data[c].length]))
  const head = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: meta.createdAt,
    app: { version: meta.appVersion },
    counts,
    checksum: { algorithm: 'SHA-256', value: await sha256Hex(body) },
  }
  // `format` first, so a person (or `file`) opening the file sees what it is; data last, already canonical.
  return `${JSON.stringify(head).slice(0, -1)},"data":${body}}\n`
}

const NOT_OURS = 'This file is not a Fieldbill backup.'
const damaged = (why: string) => ({ ok: false as const, reason: `The backup is damaged: ${why}` })

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Reads and checks a backup file completely. Nothing in the result is trusted until `ok` is true.
 *
 * @param text - the file's text
 * @returns the backup, or the reason it is refused
 */
export async function decodeBackup(text: string): Promise<DecodeResult> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, reason: 'The file is empty.' }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    if (body.trimStart().startsWith('{') && endsEarly(body))
      return { ok: false, reason: 'The file is not a complete Fieldbill backup (it ends early).' }
    if (body.includes(`"${BACKUP_FORMAT}"`)) return damaged('it is not valid JSON.')
    return { ok: false, reason: NOT_OURS }
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) return { ok: false, reason: NOT_OURS }
  const { version } = parsed
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return damaged('its version is missing.')
  if (version > BACKUP_VERSION)
    return {
      ok: false,
      reason: `This backup was made by a newer version of Fieldbill (backup format ${version}; this one reads up to ${BACKUP_VERSION}). Update Fieldbill, then restore it.`,
    }
  const envelope = checkEnvelope(parsed)
  if (envelope) return damaged(envelope)
  const data = parsed.data as Record<string, unknown>
  const checksum = parsed.checksum as { value: string }
  if ((await sha256Hex(canonicalJson(data))) !== checksum.value.toLowerCase())
    return damaged('its checksum does not match.')
  const records = checkData(data, parsed.counts as Record<string, unknown>)
  if (records) return { ok: false, reason: records }
  const backup = parsed as unknown as Backup
  const totals = checkBackupTotals(backup.data)
  if (totals) return { ok: false, reason: totals }
  return { ok: true, backup }
}

/** What is wrong with the fields around `data`, or undefined. */
function checkEnvelope(file: Record<string, unknown>): string | undefined {
  const { createdAt, app, counts, checksum, data } = file
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
    return 'its creation date is missing.'
  if (!isObject(app) || typeof app.version !== 'string') return 'its app version is missing.'
  if (!isObject(counts)) return 'its record counts are missing.'
  if (
    !isObject(checksum) ||
    checksum.algorithm !== 'SHA-256' ||
    typeof checksum.value !== 'string' ||
    !/^[0-9a-fA-F]{64}$/.test(checksum.value)
  )
    return 'its checksum is missing.'
  if (!isObject(data)) return 'it holds no data.'
  return undefined
}

/** Every collection present, counted right, and every record valid with a unique id; or the reason. */
function checkData(data: Record<string, unknown>, counts: Record<string, unknown>) {
  for (const name of Object.keys(data)) {
    if (!Object.hasOwn(BACKUP_COLLECTIONS_SCHEMAS, name))
      return `The backup holds an unknown collection "${name}"; it may come from another version of Fieldbill.`
  }
  for (const name of BACKUP_COLLECTIONS) {
    const list = data[name]
    if (!Array.isArray(list)) return `The backup is damaged: it has no ${name}.`
    if (counts[name] !== list.length)
      return `The backup is damaged: it says ${String(counts[name])} ${name} but holds ${list.length}.`
    const { schema, label } = BACKUP_COLLECTIONS_SCHEMAS[name]
    const ids = new Set<string>()
    for (const [index, record] of list.entries()) {
      const result = schema.safeParse(record)
      const id = isObject(record) && typeof record.id === 'string' ? record.id : undefined
      const which = id === undefined ? `${label} #${index + 1}` : `${label} "${id}"`
      if (!result.ok) return `The backup has an invalid ${which} in ${name}: ${result.error}.`
      if (id !== undefined && ids.has(id)) return `The backup has the ${which} twice in ${name}.`
      if (id !== undefined) ids.add(id)
    }
  }
  return undefined
}
