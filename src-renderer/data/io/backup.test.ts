import { describe, expect, it } from 'vitest'
import { BACKUP_VERSION } from '@core/io/backup'
import { canonicalJson, sha256Hex } from '@core/io/canonical-json'
import type { Repositories } from '../repositories'
import { ok } from '../test-support/test-db'
import { createBackup, replaceCollection, restoreBackup, type CollectionWriter } from './backup'
import { fingerprint, seededDatabases } from './test-support'

const fresh = seededDatabases()

const appVersion = '0.1.0'

/** A backup of the database, then a change the restore must undo. */
async function backupThenEdit(repos: Repositories): Promise<string> {
  const text = await createBackup(repos.db, { appVersion })
  ok(await repos.customers.save({ ...(await repos.customers.get('C1'))!, name: 'Renamed' }))
  const page = await repos.invoices.page({ page: 0, pageSize: 10 })
  const april = page.rows.find((i) => i.name === 'April')!
  ok(await repos.invoices.apply(april.id, { type: 'cancelInvoice' }))
  return text
}

describe('backup and restore', () => {
  it('backs up every collection and restores it exactly, balances included', async () => {
    const repos = await fresh()
    const before = await fingerprint(repos)
    const text = await backupThenEdit(repos)
    expect(JSON.parse(text)).toMatchObject({
      format: 'fieldbill-backup',
      version: BACKUP_VERSION,
      app: { version: appVersion },
      counts: { customers: 1, invoices: 2, payments: 1, products: 3, unitGroups: 1, priceLists: 1 },
    })
    expect(await fingerprint(repos)).not.toEqual(before)
    const result = await restoreBackup(repos.db, text)
    expect(result).toMatchObject({ ok: true, counts: { invoices: 2 } })
    expect(await fingerprint(repos)).toEqual(before)
    const march = (await repos.invoices.page({ page: 0, pageSize: 10 })).rows.find(
      (i) => i.name === 'March',
    )!
    expect(await repos.invoices.balanceDue(march.id)).toBe('15.00')
    expect(march).toMatchObject({
      invoiceDate: '2025-03-01',
      dateDelivered: '2025-02-27',
      paymentTerms: 'net30',
      email: { state: 'sent', to: 'ana@x.example', messageId: 'M1' },
    })
  })

  it('removes records that were created after the backup', async () => {
    const repos = await fresh()
    const text = await createBackup(repos.db, { appVersion })
    const before = await fingerprint(repos)
    ok(await repos.invoices.create({ customerId: 'C1', name: 'May' }))
    expect((await restoreBackup(repos.db, text)).ok).toBe(true)
    expect(await fingerprint(repos)).toEqual(before)
  })

  it.each([
    [
      'a flipped byte',
      (t: string) => t.replace('"Contoso"', '"Contoso!"'),
      /checksum does not match/,
    ],
    ['a truncated file', (t: string) => t.slice(0, t.length >> 1), /ends early/],
    ['foreign JSON', () => '{"hello":"world"}', /not a Fieldbill backup/],
    ['a newer version', (t: string) => t.replace('"version":1', '"version":9'), /newer version/],
  ])('refuses %s and leaves the data exactly as it was', async (_name, spoil, message) => {
    const repos = await fresh()
    const text = await backupThenEdit(repos)
    const before = await fingerprint(repos)
    const result = await restoreBackup(repos.db, spoil(text))
    expect(result).toMatchObject({ ok: false, unchanged: true })
    if (!result.ok) expect(result.reason).toMatch(message)
    expect(await fingerprint(repos)).toEqual(before)
  })

  it('refuses a file whose totals were forged under a recomputed checksum, and changes nothing', async () => {
    const repos = await fresh()
    const file = JSON.parse(await backupThenEdit(repos)) as {
      data: { invoices: { name: string; number: string; totals: { totalAmount: string } }[] }
      checksum: { value: string }
    }
    const march = file.data.invoices.find((i) => i.name === 'March')!
    const real = march.totals.totalAmount
    march.totals.totalAmount = '1000000.00'
    file.checksum.value = await sha256Hex(canonicalJson(file.data))
    const before = await fingerprint(repos)
    const result = await restoreBackup(repos.db, JSON.stringify(file))
    expect(result).toMatchObject({ ok: false, unchanged: true })
    if (!result.ok)
      expect(result.reason).toContain(
        `Invoice ${march.number}: Total Amount in the file is 1,000,000.00, its lines give ${real}.`,
      )
    expect(await fingerprint(repos)).toEqual(before)
  })

  it('puts everything back when a write fails part-way through the restore', async () => {
    const repos = await fresh()
    const text = await backupThenEdit(repos)
    const before = await fingerprint(repos)
    // Settings, customers and the catalog are written, then the orders write fails once.
    let failures = 0
    const failing: CollectionWriter = async (collection, name, docs) => {
      if (name === 'orders' && failures++ === 0) throw new Error('disk full')
      await replaceCollection(collection, name, docs)
    }
    const result = await restoreBackup(repos.db, text, { write: failing })
    expect(result).toEqual({
      ok: false,
      unchanged: true,
      reason: 'The restore failed and nothing was changed: disk full',
    })
    expect(await fingerprint(repos)).toEqual(before)
    expect((await repos.customers.get('C1'))?.name).toBe('Renamed')
  })

  it('says so when even the rollback cannot be written', async () => {
    const repos = await fresh()
    const text = await backupThenEdit(repos)
    const failing: CollectionWriter = async (collection, name, docs) => {
      if (name === 'orders') throw new Error('disk full')
      await replaceCollection(collection, name, docs)
    }
    const result = await restoreBackup(repos.db, text, { write: failing })
    expect(result).toMatchObject({ ok: false, unchanged: false })
    if (!result.ok) expect(result.reason).toMatch(/could not be put back \(disk full\)/)
  })
})
