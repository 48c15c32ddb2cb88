/**
 * The desktop's background work, wired as in the app: the stores over the real platform module and a fake
 * preload bridge that answers like main (backup status and files, outbox, the unsent-changes report).
 */
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppEvent } from '@core/ipc/contract'
import type { BackupEntry, OutboxEntry } from '@core/ipc/desktop-services'

/** A bridge like the preload's: one function per channel, answered from `answers`, and `on`. */
function fakeBridge() {
  const calls: { channel: string; request: unknown }[] = []
  const listeners = new Map<AppEvent, (() => void)[]>()
  const backups: BackupEntry[] = []
  let outbox: OutboxEntry[] = []
  const writtenData: Uint8Array[] = []
  const answers: Record<string, (request: unknown) => unknown> = {
    'backup:status': () => ({
      due: backups.length === 0 ? 'daily' : null,
      lastBackupAt: backups[0]?.createdAt ?? null,
      folder: '/home/rep/Documents/Fieldbill Backups',
    }),
    'backup:write': (request) => {
      const { reason, data } = request as { reason: 'daily'; data: Uint8Array }
      const entry = {
        name: `fieldbill-2025-03-01T09-30-00-000Z-${reason}.json`,
        reason,
        createdAt: '2025-03-01T09:30:00.000Z',
        size: data.byteLength,
      }
      backups.unshift(entry)
      writtenData.unshift(data)
      return entry
    },
    'backup:list': () => backups,
    'backup:read': () => writtenData[0],
    'mail:outbox-status': () => outbox,
    'print:list-printers': () => [{ name: 'hp-desk', displayName: 'HP Desk', isDefault: true }],
    'print:settings': () => ({ paperSize: 'a4', printerName: null }),
    'print:save-settings': (request) => request,
    'smtp:save-settings': (request) => request,
    'secrets:set-smtp': () => true,
    'secrets:has-smtp': () => false,
  }
  const bridge = new Proxy(
    {
      on: (event: AppEvent, listener: () => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener])
        return () => undefined
      },
    },
    {
      get(target, name: string) {
        if (name === 'on') return target.on
        return (request: unknown) => {
          calls.push({ channel: name, request })
          return Promise.resolve({ ok: true, value: answers[name]?.(request) ?? null })
        }
      },
    },
  )
  return {
    bridge,
    calls,
    backups,
    setOutbox: (entries: OutboxEntry[]) => (outbox = entries),
    emit: (event: AppEvent) => listeners.get(event)?.forEach((l) => l()),
    written: () => calls.filter((c) => c.channel === 'backup:write'),
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * Fresh modules for each test (the platform module keeps the bridge it found first), over a seeded database
 * provided to that fresh data layer.
 */
async function app() {
  const data = await import('./database-provider')
  const testDb = await import('@renderer/data/test-support/test-db')
  const seeded = await testDb.seededRepositories()
  data.provideRepositories(seeded)
  close = async () => {
    data.provideRepositories(undefined)
    await testDb.closeDatabase(seeded.db)
  }
  return { repos: seeded, ok: testDb.ok }
}

let close: (() => Promise<void>) | undefined
let fake: ReturnType<typeof fakeBridge>
beforeEach(() => {
  vi.resetModules()
  fake = fakeBridge()
  vi.stubGlobal('window', { fieldbill: fake.bridge, addEventListener: () => undefined })
  vi.stubGlobal('navigator', { language: 'en-US', onLine: false })
  vi.stubGlobal('__APP_VERSION__', '1.2.3')
  setActivePinia(createPinia())
})
afterEach(async () => {
  vi.unstubAllGlobals()
  await close?.()
  close = undefined
})

describe('the desktop background services', () => {
  it('answer backup:due at start and on the event, once per due backup, and show it on the Data page', async () => {
    await app()
    const { useDataIoStore } = await import('@renderer/stores/data-io-store')
    const data = useDataIoStore()
    expect(data.autoBackupAvailable).toBe(true)
    data.startAutoBackup()
    await until(() => data.lastAutoBackup !== null)
    expect(fake.written()).toHaveLength(1)
    const text = new TextDecoder().decode((fake.written()[0]?.request as { data: Uint8Array }).data)
    expect(JSON.parse(text)).toMatchObject({
      format: 'fieldbill-backup',
      app: { version: '1.2.3' },
    })
    expect(data.backupFolder).toBe('/home/rep/Documents/Fieldbill Backups')

    // Main asks again within the day: the status says nothing is due, so nothing is written.
    fake.emit('backup:due')
    await until(() => fake.calls.filter((c) => c.channel === 'backup:status').length >= 3)
    await data.writeDueBackup()
    expect(fake.written()).toHaveLength(1)

    // Restore from the backup folder: the file main hands back replaces the data, checked first.
    expect(data.automaticBackups.map((e) => e.reason)).toEqual(['daily'])
    await data.restoreAutomatic(data.automaticBackups[0]?.name ?? '')
    expect(data.restoreOutcome).toEqual({
      ok: true,
      text: expect.stringMatching(/^Restored the backup of /) as string,
    })
  })

  it('record the outbox on the invoice and report unsent changes to main', async () => {
    const { repos, ok } = await app()
    const invoice = ok(await repos.invoices.create({ customerId: 'C1', name: 'March' }))
    const { startBackgroundServices } = await import('./desktop-bootstrap')
    startBackgroundServices()
    await until(() => fake.calls.some((c) => c.channel === 'app:unsent-changes'))
    const report = fake.calls.find((c) => c.channel === 'app:unsent-changes')
    expect(report?.request).toEqual({ count: expect.any(Number) as number })

    fake.setOutbox([
      {
        id: 'mail-1',
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        to: 'ann@contoso.example',
        subject: 'Invoice',
        state: 'failed',
        attempts: 1,
        nextAttemptAt: null,
        lastError: '535 Authentication failed',
        createdAt: '2025-03-01T09:00:00.000Z',
        sentAt: null,
      },
    ])
    fake.emit('mail:outbox-changed')
    await until(() => fake.calls.filter((c) => c.channel === 'mail:outbox-status').length >= 2)
    const { useOutboxStore } = await import('@renderer/stores/outbox-store')
    await useOutboxStore().recordOnInvoices()
    expect((await repos.invoices.get(invoice.id))?.email).toMatchObject({
      state: 'failed',
      reason: '535 Authentication failed',
    })
  })

  it('hand the SMTP password to main once and never hold it afterwards; remember the printer', async () => {
    const { useMailPrinterStore } = await import('@renderer/stores/mail-printer-store')
    const store = useMailPrinterStore()
    expect(store.desktop).toBe(true)
    // The page shows no fields until the saved settings are read, so a value typed early is never overwritten.
    expect(store.loading).toBe(true)
    const loaded = store.load()
    expect(store.loading).toBe(true)
    await loaded
    expect(store.loading).toBe(false)
    expect(store.hasPassword).toBe(false)
    expect(store.printers.map((p) => p.name)).toEqual(['hp-desk'])

    store.smtp = { ...store.smtp, host: 'smtp.example.com', port: 'x', password: 'pa55' }
    await store.saveSmtp()
    expect(store.errors).toMatchObject({ port: 'Port: a number from 1 to 65535, e.g. 587' })
    expect(fake.calls.filter((c) => c.channel.startsWith('secrets:set'))).toHaveLength(0)

    store.smtp = { ...store.smtp, port: '465', security: 'tls', fromAddress: 'rep@example.com' }
    await store.saveSmtp()
    const saved = fake.calls.find((c) => c.channel === 'smtp:save-settings')?.request
    expect(saved).toEqual({
      host: 'smtp.example.com',
      port: 465,
      security: 'tls',
      username: '',
      fromAddress: 'rep@example.com',
      fromName: '',
    })
    expect(fake.calls.filter((c) => c.channel === 'secrets:set-smtp')).toEqual([
      { channel: 'secrets:set-smtp', request: { password: 'pa55' } },
    ])
    expect(store.smtp.password).toBe('')
    expect(store.hasPassword).toBe(true)
    expect(JSON.stringify(store.$state)).not.toContain('pa55')

    store.printerName = 'hp-desk'
    await store.savePrinter()
    expect(fake.calls.find((c) => c.channel === 'print:save-settings')?.request).toEqual({
      paperSize: 'a4',
      printerName: 'hp-desk',
    })
  })
})
