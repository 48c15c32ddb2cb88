import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PrintTarget } from '@core/print/pdf-options'
import { createIpcRouter, type IpcRouter } from '../ipc-router'
import { isAppUrl } from '../security/policy'
import { composeDesktopServices, type DesktopServices } from './compose'
import { fakeCipher } from './test-support/fakes'
import {
  attachmentOf,
  SMTP_PASSWORD,
  SMTP_USER,
  startSmtp,
  type TestSmtp,
} from './test-support/smtp'

const APP = 'app://fieldbill/index.html'
const pdfBytes = new Uint8Array(
  Buffer.from('%PDF-1.7 invoice INV-01001 \x00\x01\xfe\xff', 'latin1'),
)

let base: string
let services: DesktopServices[]
let server: TestSmtp
let chosenPath: string | null
let opened: string[]
let printed: { invoiceId: string; silent: boolean; deviceName?: string }[]
let rendered: { target: PrintTarget; paper: string }[]
let events: string[]

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'fieldbill-ipc-'))
  services = []
  server = await startSmtp()
  chosenPath = null
  opened = []
  printed = []
  rendered = []
  events = []
})
afterEach(async () => {
  await Promise.all(services.map((s) => s.close()))
  await server.close()
  await rm(base, { recursive: true, force: true })
})

/** The services as main builds them, with the Electron-only pieces faked; files and SMTP are real. */
async function app(): Promise<IpcRouter> {
  const desktop = composeDesktopServices({
    dataFolder: join(base, 'data'),
    backupFolder: join(base, 'Backups'),
    appVersion: '0.1.0',
    cipher: fakeCipher(),
    dialogs: {
      saveFile: () => Promise.resolve(chosenPath),
      openFile: () => Promise.resolve(chosenPath),
    },
    pdf: {
      render: (target, paper) => {
        rendered.push({ target, paper })
        return Promise.resolve(pdfBytes)
      },
    },
    printing: {
      print: (invoiceId, _paper, options) => {
        printed.push({ invoiceId, ...options })
        return Promise.resolve(true)
      },
      listPrinters: () => Promise.resolve([{ name: 'hp', displayName: 'HP', isDefault: true }]),
    },
    openPath: (path) => {
      opened.push(path)
      return Promise.resolve()
    },
    notify: (event) => events.push(event),
    backoff: { baseMs: 30, maxMs: 100 },
    log: () => undefined,
  })
  services.push(desktop)
  await desktop.start()
  return createIpcRouter(desktop.handlers, {
    isTrustedSender: (url) => isAppUrl(url),
    log: () => undefined,
  })
}

async function call(router: IpcRouter, channel: string, payload?: unknown): Promise<unknown> {
  const result = await router.dispatch(channel, APP, payload)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

const mailRequest = (pdfId: string) => ({
  invoiceId: 'inv-1',
  invoiceNumber: 'INV-01001-X7K2Q9',
  customerName: 'Contoso Ltd',
  to: { name: 'Ana Contoso', address: 'ana@contoso.example' },
  companyName: 'Fabrikam',
  totalAmount: '1090.00',
  currencyCode: 'USD',
  pdfId,
})

describe('desktop IPC handlers', () => {
  it('send an invoice by mail: settings, password, PDF, outbox, SMTP, status', async () => {
    const router = await app()
    await call(router, 'smtp:save-settings', {
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      username: SMTP_USER,
      fromAddress: SMTP_USER,
      fromName: 'Fabrikam Sales',
    })
    expect(await call(router, 'secrets:has-smtp')).toBe(false)
    await call(router, 'secrets:set-smtp', { password: SMTP_PASSWORD })
    expect(await call(router, 'secrets:has-smtp')).toBe(true)

    const { pdfId } = (await call(router, 'pdf:for-email', {
      invoiceId: 'inv-1',
      paperSize: 'a4',
    })) as { pdfId: string }
    const entry = (await call(router, 'mail:queue', mailRequest(pdfId))) as { subject: string }
    expect(entry.subject).toBe('Invoice INV-01001-X7K2Q9 from Fabrikam ($1,090.00)')
    await vi.waitFor(
      async () =>
        expect(await call(router, 'mail:outbox-status')).toMatchObject([{ state: 'sent' }]),
      { timeout: 5000, interval: 20 },
    )
    expect(server.received).toHaveLength(1)
    expect(attachmentOf(server.received[0] ?? Buffer.alloc(0)).bytes).toEqual(Buffer.from(pdfBytes))
    // No reply ever carries the password, and it is not on disk in clear.
    expect(JSON.stringify(await call(router, 'smtp:settings'))).not.toContain(SMTP_PASSWORD)
    expect(await readFile(join(base, 'data', 'secrets.json'), 'utf8')).not.toContain('horse')
  })

  it('write PDFs and files only where the rep chose, and refuse paths from the renderer', async () => {
    const router = await app()
    expect(
      await call(router, 'pdf:export', {
        invoiceId: 'i',
        invoiceNumber: 'INV-1',
        paperSize: 'letter',
      }),
    ).toEqual({ saved: false, fileName: null })
    chosenPath = join(base, 'Invoice INV-1.pdf')
    expect(
      await call(router, 'pdf:export', { invoiceId: 'i', invoiceNumber: 'INV-1', paperSize: 'a4' }),
    ).toEqual({ saved: true, fileName: 'Invoice INV-1.pdf' })
    expect(rendered).toEqual([{ target: { kind: 'invoice', invoiceId: 'i' }, paper: 'a4' }])
    expect(new Uint8Array(await readFile(chosenPath))).toEqual(pdfBytes)

    const data = new TextEncoder().encode('a,b\n1,2\n')
    const refused = [
      { suggestedName: '../../.bashrc', kind: 'csv', data },
      { suggestedName: 'x.csv', kind: 'csv', data, path: '/etc/passwd' },
      { suggestedName: 'x.csv', kind: 'csv', data: 'not bytes' },
    ]
    for (const payload of refused) {
      expect((await router.dispatch('file:save-dialog', APP, payload)).ok).toBe(false)
    }
    const fromElsewhere = await router.dispatch(
      'secrets:has-smtp',
      'https://evil.example/',
      undefined,
    )
    expect(fromElsewhere).toEqual({ ok: false, error: expect.stringMatching(/Refused/) as unknown })
    chosenPath = join(base, 'export.csv')
    await call(router, 'file:save-dialog', { suggestedName: 'export.csv', kind: 'csv', data })
    expect(await readFile(chosenPath, 'utf8')).toBe('a,b\n1,2\n')
    expect(await call(router, 'file:open-dialog', { kind: 'csv' })).toEqual({
      fileName: 'export.csv',
      data: new Uint8Array(data),
    })
  })

  it("save a customer's statement as a PDF where the rep chose, from ids and days only", async () => {
    const router = await app()
    const request = {
      customerId: 'cust-1',
      customerName: 'Contoso / Ltd',
      from: '2026-01-01',
      to: '2026-06-30',
      paperSize: 'letter',
    }
    expect(await call(router, 'pdf:export-statement', request)).toEqual({
      saved: false,
      fileName: null,
    })
    // A canceled dialog renders nothing.
    expect(rendered).toEqual([])
    chosenPath = join(base, 'Statement Contoso Ltd 2026-06-30.pdf')
    expect(await call(router, 'pdf:export-statement', request)).toEqual({
      saved: true,
      fileName: 'Statement Contoso Ltd 2026-06-30.pdf',
    })
    expect(new Uint8Array(await readFile(chosenPath))).toEqual(pdfBytes)
    expect(rendered).toEqual([
      {
        target: { kind: 'statement', customerId: 'cust-1', from: '2026-01-01', to: '2026-06-30' },
        paper: 'letter',
      },
    ])

    const refused = await router.dispatch('pdf:export-statement', APP, {
      ...request,
      to: '2026-06-31',
    })
    expect(refused).toEqual({
      ok: false,
      error: 'pdf:export-statement: to: expected a date as YYYY-MM-DD',
    })
    expect(rendered).toHaveLength(1)
  })

  it('print with the dialog or straight to the remembered printer', async () => {
    const router = await app()
    const request = { invoiceId: 'inv-1', paperSize: 'a4', mode: 'printer' }
    expect((await router.dispatch('print:invoice', APP, request)).ok).toBe(false)
    expect(await call(router, 'print:list-printers')).toHaveLength(1)
    await call(router, 'print:save-settings', { paperSize: 'letter', printerName: 'hp' })
    // The choice survives a restart of the app.
    const again = await app()
    expect(await call(again, 'print:settings')).toEqual({ paperSize: 'letter', printerName: 'hp' })
    await call(again, 'print:invoice', request)
    await call(again, 'print:invoice', { ...request, mode: 'dialog' })
    expect(printed).toEqual([
      { invoiceId: 'inv-1', silent: true, deviceName: 'hp' },
      { invoiceId: 'inv-1', silent: false },
    ])
  })

  it('write an .eml draft with the PDF and open it in the mail app', async () => {
    const router = await app()
    const { pdfId } = (await call(router, 'pdf:for-email', {
      invoiceId: 'inv-1',
      paperSize: 'a4',
    })) as { pdfId: string }
    expect(await call(router, 'mail:open-draft', mailRequest(pdfId))).toEqual({
      fileName: 'Invoice INV-01001-X7K2Q9.eml',
    })
    expect(opened).toEqual([join(base, 'data', 'drafts', 'Invoice INV-01001-X7K2Q9.eml')])
    const eml = await readFile(opened[0] ?? '')
    expect(attachmentOf(eml).bytes).toEqual(Buffer.from(pdfBytes))
    expect((await router.dispatch('mail:queue', APP, mailRequest('not-an-id'))).ok).toBe(false)
  })

  it('keep backups handed over IPC and give them back for a restore', async () => {
    const router = await app()
    expect(await call(router, 'backup:status')).toMatchObject({ due: 'daily', lastBackupAt: null })
    const data = new TextEncoder().encode('{"format":"fieldbill-backup","version":1}')
    const entry = (await call(router, 'backup:write', { reason: 'daily', data })) as {
      name: string
    }
    expect(await call(router, 'backup:list')).toEqual([entry])
    expect(await call(router, 'backup:read', { name: entry.name })).toEqual(new Uint8Array(data))
    expect(await call(router, 'backup:status')).toMatchObject({ due: null })
    expect((await router.dispatch('backup:read', APP, { name: '../data/secrets.json' })).ok).toBe(
      false,
    )
  })

  it('ask the renderer for the daily backup at start and keep only the last 7 it writes', async () => {
    const router = await app()
    expect(events).toEqual(['backup:due'])
    const written: string[] = []
    for (let n = 0; n < 9; n++) {
      const data = new TextEncoder().encode(`{"format":"fieldbill-backup","version":1,"n":${n}}`)
      written.push(
        ((await call(router, 'backup:write', { reason: 'daily', data })) as { name: string }).name,
      )
    }
    const kept = (await call(router, 'backup:list')) as { name: string }[]
    expect(kept.map((e) => e.name)).toEqual(written.slice(2).reverse())
    expect(await readdir(join(base, 'Backups'))).toHaveLength(7)
    expect(await call(router, 'backup:status')).toMatchObject({
      due: null,
      folder: join(base, 'Backups'),
    })
  })

  it('keep the sync session sealed, give it back, and forget it on disconnect', async () => {
    const router = await app()
    expect(await call(router, 'sync:get-token')).toBeNull()
    const session = { serverUrl: 'https://sync.example.com', userName: 'ann', token: 'abc123' }
    await call(router, 'sync:save-token', session)
    const onDisk = await readFile(join(base, 'data', 'secrets.json'), 'utf8')
    expect(onDisk).not.toContain('abc123')
    // Read back after a restart of the app.
    expect(await call(await app(), 'sync:get-token')).toEqual(session)
    await call(router, 'sync:clear-token')
    expect(await call(router, 'sync:get-token')).toBeNull()
    const bad = { ...session, serverUrl: 'file:///etc/passwd' }
    expect((await router.dispatch('sync:save-token', APP, bad)).ok).toBe(false)
  })
})
