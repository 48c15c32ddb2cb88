/**
 * The Factur-X PDF read back with poppler, from a real Chromium PDF: the XML is attached as factur-x.xml, byte for
 * byte, in the catalog's /AF with AFRelationship Alternative; the XMP declares PDF/A-3B and the Factur-X EN 16931
 * profile; the fonts stay embedded; the text (the VAT breakdown) is still there.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCiiXml } from '@core/einvoice'
import { euroInvoice, parties } from '@core/einvoice/test-support/parties'
import { facturXXmp, makeFacturX } from './factur-x'

const run = promisify(execFile)
const AT = new Date('2025-03-01T09:30:00Z')
const invoice = euroInvoice()
const xml = buildCiiXml(invoice, parties())

/** The invoice as the print view shows it: number, VAT breakdown and total (what pdftotext must find). */
function invoiceHtml(): string {
  const rows = (invoice.vatBreakdown ?? [])
    .map(
      (g) =>
        `<tr><td>VAT ${g.category} ${g.rate} %</td><td>${g.taxableAmount}</td><td>${g.taxAmount}</td></tr>`,
    )
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><title>${invoice.number}</title></head>
    <body style="font-family: sans-serif"><h1>Invoice ${invoice.number}</h1>
    <table><tr><th>VAT</th><th>Taxable amount</th><th>Tax</th></tr>${rows}</table>
    <p>Total ${invoice.totals.totalAmount} EUR</p></body></html>`
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p) => existsSync(p),
)

let dir: string
let file: string
let result: Uint8Array

beforeAll(async () => {
  const browser = await chromium.launch({
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  let pdf: Uint8Array
  try {
    const page = await browser.newPage()
    await page.setContent(invoiceHtml())
    pdf = await page.pdf({ format: 'A4', printBackground: true })
  } finally {
    await browser.close()
  }
  result = await makeFacturX({
    pdf,
    xml,
    title: `Invoice ${invoice.number}`,
    author: 'Muster & Söhne GmbH',
    at: AT,
  })
  dir = await mkdtemp(join(tmpdir(), 'fieldbill-facturx-'))
  file = join(dir, 'invoice.pdf')
  await writeFile(file, result)
}, 120_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('makeFacturX read back with poppler', () => {
  it('lists factur-x.xml, and pdfdetach saves bytes identical to the XML', async () => {
    const list = await run('pdfdetach', ['-list', file])
    expect(list.stdout).toMatch(/1 embedded files\n1: factur-x\.xml/)
    const out = join(dir, 'saved.xml')
    await run('pdfdetach', ['-save', '1', '-o', out, file])
    expect((await readFile(out)).equals(Buffer.from(xml, 'utf8'))).toBe(true)
  })

  it('declares PDF/A-3B and the Factur-X EN 16931 profile in its XMP', async () => {
    const { stdout } = await run('pdfinfo', ['-meta', file])
    expect(stdout).toContain('<pdfaid:part>3</pdfaid:part>')
    expect(stdout).toContain('<pdfaid:conformance>B</pdfaid:conformance>')
    expect(stdout).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>')
    expect(stdout).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>')
    expect(stdout).toContain('<fx:Version>1.0</fx:Version>')
    expect(stdout).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>')
    expect(stdout).toContain('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#')
    // The information dictionary says what the XMP says.
    const info = await run('pdfinfo', [file])
    expect(info.stdout).toMatch(/Title:\s+Invoice INV-/)
    expect(info.stdout).toMatch(/Author:\s+Muster & Söhne GmbH/)
    expect(info.stdout).toMatch(/PDF version:\s+1\.7/)
  })

  it('keeps every font embedded', async () => {
    const { stdout } = await run('pdffonts', [file])
    const rows = stdout.trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThan(0)
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right.
    for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes')
  })

  it('still carries the invoice text, the VAT breakdown included', async () => {
    const { stdout } = await run('pdftotext', [file, '-'])
    expect(stdout).toContain(invoice.number)
    for (const g of invoice.vatBreakdown ?? []) {
      expect(stdout).toContain(g.taxableAmount)
      expect(stdout).toContain(g.taxAmount)
    }
    expect(stdout).toContain(invoice.totals.totalAmount)
  })

  it('names the XML in the catalog’s /AF as the Alternative form, of type text/xml', async () => {
    const doc = await PDFDocument.load(result)
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray)
    expect(af.size()).toBe(1)
    const spec = af.lookup(0, PDFDict)
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'))
    const ef = spec.lookup(PDFName.of('EF'), PDFDict)
    const stream = ef.lookup(PDFName.of('F')) as unknown as { dict: PDFDict }
    expect(stream.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'))
    expect(doc.catalog.get(PDFName.of('Metadata'))).toBeDefined()
    // Chromium paints in DeviceRGB: PDF/A needs the sRGB OutputIntent for it.
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict)
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'))
    const profile = intent.lookup(PDFName.of('DestOutputProfile')) as unknown as { dict: PDFDict }
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3')
    expect(doc.context.trailerInfo.ID).toBeDefined()
  })
})

describe('facturXXmp', () => {
  it('escapes the title and author', () => {
    const xmp = facturXXmp({ title: 'A <b> & "c"', author: 'X & Y', at: AT, level: 'EN 16931' })
    expect(xmp).toContain('A &lt;b&gt; &amp; &quot;c&quot;')
    expect(xmp).toContain('<rdf:li>X &amp; Y</rdf:li>')
    expect(xmp).toContain('<xmp:CreateDate>2025-03-01T09:30:00Z</xmp:CreateDate>')
  })
})
