import { describe, expect, it } from 'vitest'
import { BACKUP_VERSION, decodeBackup, encodeBackup } from './backup'
import { emptyBackupData } from './backup-collections'
import { canonicalJson, endsEarly, sha256Hex } from './canonical-json'
import { sampleBackupData } from './test-support/sample-backup'

const meta = { createdAt: '2026-02-01T10:00:00.000Z', appVersion: '0.1.0' }

async function refusal(text: string): Promise<string> {
  const result = await decodeBackup(text)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.reason
}

/** A file whose data was edited, with the checksum recomputed: only the record checks can catch it. */
async function resealed(
  edit: (file: { data: Record<string, unknown[]>; counts: Record<string, number> }) => void,
) {
  const file = JSON.parse(await encodeBackup(sampleBackupData(), meta)) as {
    data: Record<string, unknown[]>
    counts: Record<string, number>
    checksum: { value: string }
  }
  edit(file)
  file.checksum.value = await sha256Hex(canonicalJson(file.data))
  return JSON.stringify(file)
}

describe('backup file', () => {
  it('round-trips every collection, with counts and a SHA-256 checksum', async () => {
    const data = sampleBackupData()
    const text = await encodeBackup(data, meta)
    expect(text.startsWith('{"format":"fieldbill-backup","version":1,')).toBe(true)
    const result = await decodeBackup(text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.backup.data).toEqual(data)
    expect(result.backup.counts).toMatchObject({ customers: 2, invoices: 2, payments: 1 })
    expect(result.backup.checksum.value).toMatch(/^[0-9a-f]{64}$/)
    expect(result.backup.app.version).toBe('0.1.0')
  })

  it('accepts an empty database, a BOM and re-indented text (the checksum is over canonical data)', async () => {
    const text = await encodeBackup(emptyBackupData(), meta)
    expect((await decodeBackup(`\uFEFF${text}`)).ok).toBe(true)
    const pretty = JSON.stringify(JSON.parse(await encodeBackup(sampleBackupData(), meta)), null, 2)
    expect((await decodeBackup(pretty)).ok).toBe(true)
  })

  it('refuses a file with one changed byte', async () => {
    const text = await encodeBackup(sampleBackupData(), meta)
    const at = text.indexOf('Fabrikam')
    const flipped = `${text.slice(0, at)}G${text.slice(at + 1)}`
    expect(await refusal(flipped)).toBe('The backup is damaged: its checksum does not match.')
  })

  it('refuses a truncated file, however it was cut', async () => {
    const text = await encodeBackup(sampleBackupData(), meta)
    for (const length of [1, 40, Math.floor(text.length / 2), text.length - 3])
      expect(await refusal(text.slice(0, length))).toBe(
        'The file is not a complete Fieldbill backup (it ends early).',
      )
  })

  it('refuses empty, foreign and garbled files', async () => {
    expect(await refusal('  \n')).toBe('The file is empty.')
    expect(await refusal('{"name":"some other app","data":[]}')).toBe(
      'This file is not a Fieldbill backup.',
    )
    expect(await refusal('[1,2,3]')).toBe('This file is not a Fieldbill backup.')
    expect(await refusal('name,city\nAcme,Lyon\n')).toBe('This file is not a Fieldbill backup.')
    expect(await refusal('{"format":"fieldbill-backup","version":1,}')).toBe(
      'The backup is damaged: it is not valid JSON.',
    )
  })

  it('refuses a backup from a newer version, saying what to do', async () => {
    const text = (await encodeBackup(sampleBackupData(), meta)).replace(
      `"version":${BACKUP_VERSION}`,
      `"version":${BACKUP_VERSION + 1}`,
    )
    expect(await refusal(text)).toBe(
      'This backup was made by a newer version of Fieldbill (backup format 2; this one reads up to 1). Update Fieldbill, then restore it.',
    )
  })

  it('refuses a missing or malformed envelope field', async () => {
    const file = JSON.parse(await encodeBackup(emptyBackupData(), meta)) as Record<string, unknown>
    const without = (key: string) => JSON.stringify({ ...file, [key]: undefined })
    expect(await refusal(without('version'))).toBe('The backup is damaged: its version is missing.')
    expect(await refusal(without('createdAt'))).toBe(
      'The backup is damaged: its creation date is missing.',
    )
    expect(await refusal(without('app'))).toBe('The backup is damaged: its app version is missing.')
    expect(await refusal(without('counts'))).toBe(
      'The backup is damaged: its record counts are missing.',
    )
    expect(await refusal(without('checksum'))).toBe(
      'The backup is damaged: its checksum is missing.',
    )
    expect(await refusal(without('data'))).toBe('The backup is damaged: it holds no data.')
  })

  it('refuses counts that do not match, naming the collection', async () => {
    const text = await resealed((f) => (f.counts.invoices = 3))
    expect(await refusal(text)).toBe('The backup is damaged: it says 3 invoices but holds 2.')
  })

  it('refuses a record its schema refuses, naming collection, id and field', async () => {
    const text = await resealed((f) => {
      const invoice = f.data.invoices?.[1] as { totals: { totalAmount: string } }
      invoice.totals.totalAmount = '12,50'
    })
    expect(await refusal(text)).toBe(
      'The backup has an invalid invoice "I2" in invoices: totals.totalAmount: expected a decimal number.',
    )
  })

  it('refuses a missing collection, an unknown one and a repeated id', async () => {
    expect(await refusal(await resealed((f) => delete f.data.payments))).toBe(
      'The backup is damaged: it has no payments.',
    )
    expect(await refusal(await resealed((f) => (f.data.widgets = [])))).toBe(
      'The backup holds an unknown collection "widgets"; it may come from another version of Fieldbill.',
    )
    const twice = await resealed((f) => {
      f.data.customers?.push(f.data.customers[0])
      f.counts.customers = 3
    })
    expect(await refusal(twice)).toBe('The backup has the customer "C1" twice in customers.')
    const anonymous = await resealed((f) => (f.data.customers![0] = 42))
    expect(await refusal(anonymous)).toBe(
      'The backup has an invalid customer #1 in customers: expected an object.',
    )
  })
})

describe('canonical JSON', () => {
  it('sorts keys at every level and detects text that ends early', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: '}' }] })).toBe('{"a":[{"c":"}","d":2}],"b":1}')
    expect(endsEarly('{"a":"b\\"')).toBe(true)
    expect(endsEarly('{"a":[1,2')).toBe(true)
    expect(endsEarly('{"a":1}}')).toBe(false)
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })
})
