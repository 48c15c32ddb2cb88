import type { RxCollection } from 'rxdb'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '@core/io/csv'
import { formatImportError } from '@core/io/import-rows'
import { testEnv } from '../test-support/test-db'
import { collectCsv, exportInvoicesCsv, exportPaymentsCsv } from './csv-export'
import { commitImport, importCsv, writeOrUndo } from './csv-import'
import { fingerprint, seededDatabases } from './test-support'

const fresh = seededDatabases()

const products = [
  'productNumber,name,unitGroup,listPrice',
  'NEW-1,Sprocket,Each and box,3.50',
  'NEW-2,Cog,Each and box,"12,5O"',
  'WIDGET,Widget deluxe,UG,15.00',
  'NEW-3,,Crate,1',
].join('\r\n')

describe('CSV import', () => {
  it('previews without writing, then imports the good rows and reports the bad ones', async () => {
    const repos = await fresh()
    const before = await fingerprint(repos)
    const preview = await importCsv(repos.db, 'products', products, testEnv())
    expect(preview.rows).toBe(4)
    expect(preview.good.map((p) => p.productNumber)).toEqual(['NEW-1', 'WIDGET'])
    expect(preview.updates).toBe(1)
    expect(preview.errors.map(formatImportError)).toEqual([
      'Row 3, listPrice: "12,5O" is not a number',
      'Row 5, name: is required',
      'Row 5, unitGroup: no unit group is called "Crate"',
    ])
    expect(await fingerprint(repos)).toEqual(before)

    const repriced: string[][] = []
    const result = await commitImport(repos.db, preview, {
      onPriceChange: async (change) => {
        repriced.push([...change.productIds])
        return repos.reprice(change)
      },
    })
    expect(result).toEqual({ ok: true, written: 2 })
    expect(repriced).toEqual([['N1', 'widget']])
    const widget = await repos.catalog.getProduct('widget')
    expect(widget).toMatchObject({ name: 'Widget deluxe', listPrice: '15.00', unitGroupId: 'UG' })
    const page = await repos.catalog.productPage({ page: 0, pageSize: 10, sort: 'number' })
    expect(page.rows.map((p) => p.productNumber)).toContain('NEW-1')
  })

  it('imports customers and price list items against the stored catalog', async () => {
    const repos = await fresh()
    const customers = await importCsv(
      repos.db,
      'customers',
      'name;accountNumber\nFabrikam;F-1\n',
      testEnv(),
    )
    expect(await commitImport(repos.db, customers)).toEqual({ ok: true, written: 1 })
    expect(await repos.customers.count()).toBe(2)
    const items = await importCsv(
      repos.db,
      'priceListItems',
      'priceList,productNumber,unit,amount\nRetail,WIDGET,Box,99.00\nRetail,GADGET,Crate,1\n',
      testEnv(),
    )
    expect(items.errors.map(formatImportError)).toEqual([
      `Row 3, unit: the product's unit group has no unit "Crate"`,
    ])
    expect(await commitImport(repos.db, items)).toEqual({ ok: true, written: 1 })
    const stored = await repos.catalog.priceListItems('retail')
    expect(stored.find((i) => i.productId === 'widget' && i.unitId === 'box')?.amount).toBe('99.00')
  })

  it('reports an unreadable file and refuses to commit a preview with no good rows', async () => {
    const repos = await fresh()
    const preview = await importCsv(repos.db, 'customers', 'name\n"Acme\n', testEnv())
    expect(preview.errors.map(formatImportError)).toEqual([
      'Row 2: The file cannot be read: a quoted cell is never closed.',
    ])
    expect(await commitImport(repos.db, preview)).toEqual({
      ok: false,
      reason: 'There are no good rows to import.',
    })
  })

  it('writes nothing when the bulk write reports a failure part-way', async () => {
    const repos = await fresh()
    const before = await fingerprint(repos)
    const preview = await importCsv(repos.db, 'products', products, testEnv())
    // The real bulk write runs, then a record is reported as failed: the writer must undo the rest.
    const write = async (collection: RxCollection<object>, docs: object[]) => {
      const original = collection.bulkUpsert.bind(collection)
      collection.bulkUpsert = async (batch) => {
        collection.bulkUpsert = original
        const result = await original(batch)
        return {
          success: result.success.slice(1),
          error: [{ documentId: 'NEW-1', status: 409, isError: true } as never],
        }
      }
      await writeOrUndo(collection, docs)
    }
    const result = await commitImport(repos.db, preview, { write })
    expect(result).toEqual({
      ok: false,
      reason: 'Nothing was imported: 1 of 2 records could not be written (first: NEW-1).',
    })
    const after = await fingerprint(repos)
    // The record reported as failed was in fact written by the real call; only what was reported counts.
    after.products = after.products.filter(
      (p) => (p as { productNumber: string }).productNumber !== 'NEW-1',
    )
    expect(after).toEqual(before)
  })
})

describe('CSV export', () => {
  it('exports every invoice and payment with names, numbers and plain amounts', async () => {
    const repos = await fresh()
    const invoices = parseCsv(await collectCsv(exportInvoicesCsv(repos.db)))
    const payments = parseCsv(await collectCsv(exportPaymentsCsv(repos.db)))
    if (!invoices.ok || !payments.ok) throw new Error('unreadable export')
    const [head, ...rows] = invoices.rows.map((r) => r.cells)
    const col = (name: string) => head!.indexOf(name)
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r[col('totalAmount')]).sort()).toEqual(['20.00', '30.00'])
    expect(rows.every((r) => r[col('customerName')] === 'Contoso')).toBe(true)
    const [phead, prow] = payments.rows.map((r) => r.cells)
    expect(prow?.[phead!.indexOf('amount')]).toBe('5.00')
    expect(prow?.[phead!.indexOf('invoiceNumber')]).toMatch(/^INV-00001-/)
  })
})
