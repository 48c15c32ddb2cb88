/**
 * Export e-invoice over IPC, as the renderer calls it: the Factur-X PDF where the rep chose and the XML beside it,
 * nothing written when the dialog is canceled, a request that is not a CII invoice refused, and the Factur-X PDF
 * kept for email.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCiiXml } from '@core/einvoice'
import { euroInvoice, parties } from '@core/einvoice/test-support/parties'
import { createIpcRouter, type IpcRouter } from '../ipc-router'
import { isAppUrl } from '../security/policy'
import { composeDesktopServices, type DesktopServices } from './compose'
import { FACTUR_X_FILE_NAME } from './factur-x'
import { fakeCipher } from './test-support/fakes'

const APP = 'app://fieldbill/index.html'
const invoice = euroInvoice()
const xml = buildCiiXml(invoice, parties())

let base: string
let services: DesktopServices[]
let chosenPath: string | null

async function invoicePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage().drawText(`Invoice ${invoice.number}`, { x: 50, y: 700, font, size: 14 })
  return doc.save()
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'fieldbill-einvoice-'))
  services = []
  chosenPath = null
})
afterEach(async () => {
  await Promise.all(services.map((s) => s.close()))
  await rm(base, { recursive: true, force: true })
})

async function app(): Promise<IpcRouter> {
  const pdf = await invoicePdf()
  const desktop = composeDesktopServices({
    dataFolder: join(base, 'data'),
    backupFolder: join(base, 'Backups'),
    appVersion: '0.1.0',
    cipher: fakeCipher(),
    dialogs: {
      saveFile: () => Promise.resolve(chosenPath),
      openFile: () => Promise.resolve(chosenPath),
    },
    pdf: { render: () => Promise.resolve(pdf) },
    printing: {
      print: () => Promise.resolve(true),
      listPrinters: () => Promise.resolve([]),
    },
    openPath: () => Promise.resolve(),
    notify: () => undefined,
    backoff: { baseMs: 30, maxMs: 100 },
    log: () => undefined,
  })
  services.push(desktop)
  await desktop.start()
  return createIpcRouter(desktop.handlers, { isTrustedSender: isAppUrl, log: () => undefined })
}

const request = {
  invoiceId: invoice.id,
  invoiceNumber: invoice.number,
  paperSize: 'a4',
  xml,
  sellerName: 'Muster & Söhne GmbH',
}

/** The attachments of a PDF: name → bytes. */
async function attachments(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const doc = await PDFDocument.load(bytes)
  const out = new Map<string, Uint8Array>()
  for (const { name, data } of doc.getAttachments()) out.set(name, data)
  return out
}

describe('Export e-invoice over IPC', () => {
  it('writes the Factur-X PDF where the rep chose and the XML beside it; a cancel writes nothing', async () => {
    const router = await app()
    expect(await router.dispatch('einvoice:export', APP, request)).toEqual({
      ok: true,
      value: { saved: false, fileName: null, xmlFileName: null },
    })
    chosenPath = join(base, `Invoice ${invoice.number}.pdf`)
    expect(await router.dispatch('einvoice:export', APP, request)).toEqual({
      ok: true,
      value: {
        saved: true,
        fileName: `Invoice ${invoice.number}.pdf`,
        xmlFileName: `Invoice ${invoice.number}.xml`,
      },
    })
    expect(await readFile(join(base, `Invoice ${invoice.number}.xml`), 'utf8')).toBe(xml)
    const pdf = await readFile(chosenPath)
    const inside = await attachments(pdf)
    expect(Buffer.from(inside.get(FACTUR_X_FILE_NAME) ?? []).toString('utf8')).toBe(xml)
  })

  it('refuses a request whose XML is not a CII invoice, naming the field', async () => {
    const router = await app()
    chosenPath = join(base, 'x.pdf')
    for (const bad of ['<html></html>', '', `${xml}<extra/>`]) {
      const answer = await router.dispatch('einvoice:export', APP, { ...request, xml: bad })
      expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('xml') as string })
    }
    const noSeller = await router.dispatch('einvoice:export', APP, { ...request, sellerName: '' })
    expect(noSeller).toMatchObject({ ok: false })
  })

  it('keeps the Factur-X PDF for email, with the XML inside', async () => {
    const router = await app()
    const answer = await router.dispatch('einvoice:pdf-for-email', APP, request)
    if (!answer.ok) throw new Error(answer.error)
    const { pdfId } = answer.value as { pdfId: string }
    const saved = await readFile(join(base, 'data', 'pdf', `${pdfId}.pdf`))
    expect((await attachments(saved)).has(FACTUR_X_FILE_NAME)).toBe(true)
  })
})
